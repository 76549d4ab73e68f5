// `xxgk fix` (fix.hpp): the corrected copy of each report, written in the input's own form where
// xxgk can edit it in place, read back and compared before it is kept.

#include "fix.hpp"

#include "messages.hpp"
#include "options.hpp"

#include <xxgk/document/encoding.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/fix/plan.hpp>
#include <xxgk/fix/write.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/report/input.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>

namespace xxgk::app {

namespace {

namespace fs = std::filesystem;

std::string shown(const std::string& text) {
  return text.empty() ? "空白" : text;
}

/// The fixed copy of one input, in its own form. `note` says when the form changed.
struct Written {
  std::string bytes;
  diag::Message note;
};

util::Expected<Written> write_word(const emit::ReportResult& r, std::string_view bytes,
                                   const fix::Plan& plan) {
  std::map<std::string, std::vector<fix::XmlCellEdit>> by_part;
  for (const auto& c : plan.changes) {
    if (c.where.xml_offset < 0) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_fix_no_position, {c.path}});
    }
    by_part[c.where.part].push_back({c.where.xml_offset, c.value.to_string()});
  }
  if (r.form == "docx") {
    std::string package(bytes);
    for (const auto& [part, edits] : by_part) {
      auto xml = fix::read_zip_entry(package, part);
      if (!xml) {
        return xml.error();
      }
      auto edited = fix::edit_word_xml(*xml, edits);
      if (!edited) {
        return util::Error::of(edited.error().kind,
                               {&msg::k_fix_in_part, {part, diag::nested(edited.error().msg)}});
      }
      auto next = fix::replace_zip_entry(package, part, *edited);
      if (!next) {
        return next.error();
      }
      package = std::move(*next);
    }
    return Written{std::move(package), {}};
  }
  // A single XML file (Word 2003 XML, Flat OPC, a bare document.xml): the reader parsed it
  // decoded to UTF-8 without a byte order mark; the edits are made there and the text is encoded
  // back.
  auto decoded = document::decode_to_utf8(bytes);
  if (!decoded) {
    return decoded.error();
  }
  std::string text = std::move(decoded->text);
  for (const auto& [part, edits] : by_part) {
    auto edited = fix::edit_word_xml(text, edits);
    if (!edited) {
      return edited.error();
    }
    text = std::move(*edited);
  }
  const bool bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                   bytes.starts_with("\xFE\xFF");
  auto encoded = fix::encode_text(text, decoded->encoding, bom);
  if (!encoded) {
    return encoded.error();
  }
  return Written{std::move(*encoded), {}};
}

util::Expected<Written> write_text(const Options& o, const emit::ReportResult& r,
                                   std::string_view bytes, const fix::Plan& plan) {
  const bool html = r.form == "html";
  auto decoded = document::decode_to_utf8(bytes, o.encoding);
  if (!decoded) {
    return decoded.error();
  }
  std::vector<fix::TextCellEdit> edits;
  for (const auto& c : plan.changes) {
    if (c.where.line <= 0 || c.where.column <= 0) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_fix_no_place, {c.path}});
    }
    edits.push_back({c.where.line, c.where.column, c.old_text, c.value.to_string(), html});
  }
  auto edited = fix::edit_text(decoded->text, edits);
  if (!edited) {
    return edited.error();
  }
  const bool bom = bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
                   bytes.starts_with("\xFE\xFF");
  auto encoded = fix::encode_text(*edited, decoded->encoding, bom);
  if (!encoded) {
    return encoded.error();
  }
  return Written{std::move(*encoded), {}};
}

bool is_text_form(std::string_view form) {
  return form.starts_with("text") || form == "markdown" || form == "html";
}

bool is_word_form(std::string_view form) {
  return form == "docx" || form == "word-xml" || form == "flat-opc" || form == "word2003-xml";
}

/// The fixed copy, in the input's form where xxgk can edit that form in place; otherwise (PDF)
/// the template's tables as a .docx.
util::Expected<Written> write_fixed(const Options& o, const emit::ReportResult& r,
                                    std::string_view bytes, const fix::Plan& plan) {
  if (is_word_form(r.form)) {
    return write_word(r, bytes, plan);
  }
  if (is_text_form(r.form)) {
    return write_text(o, r, bytes, plan);
  }
  report::Report fixed = r.report;
  fix::apply(fixed, plan);
  if (r.form.empty()) { // xxgk's own report data
    if (report::looks_like_report_json(bytes)) {
      return Written{emit::report_json(fixed, *r.tmpl).dump(2) + "\n", {}};
    }
    return util::Error::of(util::ErrorKind::UnsupportedForm, {&msg::k_fix_data_form, {}});
  }
  auto docx = emit::docx_report(fixed, *r.tmpl);
  if (!docx) {
    return docx.error();
  }
  return Written{std::move(*docx),
                 {&msg::k_fix_docx_copy,
                  {r.form.empty() ? diag::nested({&msg::k_fix_this, {}}) : diag::Arg(r.form)}}};
}

/// Reads the copy back and compares it with the report: the changed cells must read their new
/// values and every other cell as before. Guards against a writer that put a figure elsewhere.
util::Expected<bool> verify(const Options& o, const emit::ReportResult& r, const fix::Plan& plan,
                            const std::string& bytes) {
  if (!is_word_form(r.form) && !is_text_form(r.form)) {
    return true; // written from the report itself
  }
  document::ReadOptions ro;
  static_cast<document::Limits&>(ro) = o.read_limits;
  ro.input_format = o.input_format;
  ro.encoding = o.encoding;
  auto doc = document::read(bytes, ro);
  if (!doc) {
    return util::Error::of(doc.error().kind,
                           {&msg::k_fix_read_back, {diag::nested(doc.error().msg)}});
  }
  const extract::Extraction ex = extract::extract(*doc, *r.tmpl);
  std::map<std::string, const fix::Change*> changed;
  for (const auto& c : plan.changes) {
    changed.emplace(c.path, &c);
  }
  for (const auto& path : r.tmpl->cell_paths()) {
    const report::Cell* before = report::find_cell(r.report, path);
    const report::Cell* after = report::find_cell(ex.report, path);
    if (before == nullptr || after == nullptr) {
      continue;
    }
    if (auto it = changed.find(path); it != changed.end()) {
      if (after->state != report::CellState::Number || !after->value ||
          !(*after->value == it->second->value)) {
        return util::Error::of(
            util::ErrorKind::Malformed,
            {&msg::k_fix_reads_not, {after->raw, path, it->second->value.to_string()}});
      }
    } else if (after->raw != before->raw ||
               (!before->raw.empty() && after->state != before->state)) {
      // (A cell the extraction derives from others, like 2021's （六）其他处理, has no text of its
      // own: its value follows the fixed cells.)
      return util::Error::of(util::ErrorKind::Malformed,
                             {&msg::k_fix_reads_differently, {path, before->raw, after->raw}});
    }
  }
  return true;
}

/// Where the copy of `source` goes: -o itself for one input, else the same relative path under
/// the -o directory.
std::string output_path(const Options& o, const std::string& source, bool batch) {
  if (!batch) {
    return o.output;
  }
  fs::path rel = fs::path(source).filename();
  for (const auto& given : o.paths) {
    std::error_code ec;
    if (!fs::is_directory(given, ec)) {
      continue;
    }
    const fs::path r = fs::path(source).lexically_relative(given);
    if (!r.empty() && *r.begin() != "..") {
      rel = r;
      break;
    }
  }
  return (fs::path(o.output) / rel).string();
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

nlohmann::ordered_json location_json(const diag::SourceLocation& w) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (w.line > 0) {
    j["line"] = w.line;
    j["column"] = w.column;
  }
  if (!w.part.empty()) {
    j["part"] = w.part;
  }
  if (w.xml_line > 0) {
    j["xml_line"] = w.xml_line;
  }
  return j;
}

} // namespace

int run_fix(const Options& o, const std::vector<schema::Template>& templates,
            const ForEachReport& for_each, std::ostream& out, std::ostream& err) {
  (void)templates;
  const bool diff_only = o.fix_diff;
  const diag::Lang lang = message_lang(o);
  bool batch = o.paths.size() > 1 || o.fix; // check --fix: -o is always a directory
  for (const auto& p : o.paths) {
    std::error_code ec;
    batch = batch || fs::is_directory(p, ec) || (!p.empty() && p.front() == '@');
  }
  if (!diff_only && o.output.empty()) {
    err << "xxgk: error: fix writes a corrected copy: give -o FILE (a directory for several "
           "inputs), or --diff to only list the changes\n";
    return k_exit_usage;
  }
  if (o.format != "text" && o.format != "json") {
    err << fmt::format("xxgk: error: unknown format '{}' for fix; choose one of: text, json\n",
                       o.format);
    return k_exit_usage;
  }
  int code = k_exit_clean;
  int reports = 0;
  int written = 0;
  std::map<std::string, int> per_rule;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  const bool inputs_ok = for_each([&](emit::ReportResult&& r) {
    if (!r.readable) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, r.read_error);
      code = k_exit_usage;
      return;
    }
    ++reports;
    const fix::Plan plan = fix::plan(r.report, *r.tmpl, o.unsafe);
    nlohmann::ordered_json jr;
    jr["source"] = r.source;
    jr["changes"] = nlohmann::ordered_json::array();
    for (const auto& c : plan.changes) {
      ++per_rule[c.rule];
      if (o.format == "text") {
        out << fmt::format("{}: {}：{} → {}（{}{}）\n", r.source, r.tmpl->cell_label(c.path),
                           shown(c.old_text), c.value.to_string(), c.rule,
                           c.unsafe ? "，--unsafe：总计改为分项之和" : "");
      }
      nlohmann::ordered_json jc;
      jc["cell"] = c.path;
      jc["label"] = r.tmpl->cell_label(c.path);
      jc["old"] = c.old_text;
      jc["new"] = c.value.to_string();
      jc["rule"] = c.rule;
      jc["unsafe"] = c.unsafe;
      jc["location"] = location_json(c.where);
      jr["changes"].push_back(std::move(jc));
    }
    jr["left_alone"] = nlohmann::ordered_json::array();
    for (const auto& f : plan.refused) {
      if (o.format == "text") {
        out << fmt::format("{}: {}：未修改：{}（{}）\n", r.source, r.tmpl->cell_label(f.path),
                           f.reason, f.rule);
      }
      jr["left_alone"].push_back({{"cell", f.path},
                                  {"rule", f.rule},
                                  {"reason", f.reason},
                                  {"location", location_json(f.where)}});
    }
    if (diff_only) {
      all.push_back(std::move(jr));
      return;
    }
    std::string target = output_path(o, r.source, batch);
    if (r.source == "<stdin>" || same_file(r.source, target)) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, msg::text(lang, msg::k_fix_overwrite));
      code = k_exit_usage;
      return;
    }
    auto bytes = io::read_file(r.source, o.read_limits.max_input);
    if (!bytes) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, bytes.error().text(lang));
      code = k_exit_usage;
      return;
    }
    auto copy = plan.changes.empty() ? util::Expected<Written>(Written{*bytes, {}})
                                     : write_fixed(o, r, *bytes, plan);
    if (copy) {
      if (auto ok = verify(o, r, plan, copy->bytes); !ok) {
        copy = ok.error();
      }
    }
    if (!copy) {
      err << fmt::format(
          "xxgk: error: {}: {}\n", r.source,
          msg::text(lang, msg::k_fix_cannot_write, {diag::nested(copy.error().msg)}));
      code = k_exit_usage;
      return;
    }
    if (!copy->note.empty() && fs::path(target).extension() != ".docx") {
      // The copy of a PDF is a .docx: a batch renames it; a name given by -o must say so.
      if (!batch) {
        err << fmt::format("xxgk: error: {}: {}\n", r.source,
                           msg::text(lang, msg::k_fix_give_docx));
        code = k_exit_usage;
        return;
      }
      target = fs::path(target).replace_extension(".docx").string();
    }
    std::error_code ec;
    if (const fs::path dir = fs::path(target).parent_path(); !dir.empty()) {
      fs::create_directories(dir, ec);
    }
    if (auto w = io::write_file_atomic(target, copy->bytes); !w) {
      err << fmt::format("xxgk: error: {}: {}\n", target, w.error().text(lang));
      code = k_exit_usage;
      return;
    }
    ++written;
    jr["output"] = target;
    if (!copy->note.empty()) {
      jr["note"] = copy->note.render(lang);
      err << fmt::format("xxgk: note: {}: {}\n", r.source, copy->note.render(lang));
    }
    all.push_back(std::move(jr));
  });
  if (!inputs_ok) {
    code = k_exit_usage;
  }
  if (o.format == "json") {
    out << all.dump(2) << "\n";
  }
  if (!o.quiet) {
    int changes = 0;
    std::vector<std::string> rules;
    for (const auto& [rule, n] : per_rule) {
      changes += n;
      rules.push_back(fmt::format("{} {}", rule, n));
    }
    const diag::Arg listed = rules.empty()
                                 ? diag::Arg(std::string())
                                 : diag::Arg::both(fmt::format("（{}）", fmt::join(rules, "，")),
                                                   fmt::format(" ({})", fmt::join(rules, ", ")));
    const diag::Arg outcome =
        diff_only ? diag::nested({&msg::k_fix_nothing_written, {}})
                  : diag::nested({&msg::k_fix_written,
                                  {written, msg::counted(written, "份副本", "copy", "copies")}});
    err << "xxgk: "
        << msg::text(lang, msg::k_fix_summary,
                     {changes, msg::counted(changes, "处修改", "change", "changes"), reports,
                      msg::counted(reports, "份报告", "report", "reports"), listed, outcome})
        << "\n";
  }
  return code;
}

} // namespace xxgk::app
