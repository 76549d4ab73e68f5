#include "convert.hpp"
#include "fix.hpp"

#include <xxgk/app/app.hpp>
#include <xxgk/app/batch.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/report_rows.hpp>
#include <xxgk/emit/xlsx.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/fix/plan.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/rules/aggregate.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/rules/engine.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <tuple>

namespace xxgk::app {

namespace {

/// Thrown for a fatal usage problem; run() turns it into "xxgk: error: …" and exit 2.
struct UsageError {
  std::string message;
};

util::Expected<std::string> read_input(const std::string& path, std::size_t max_input) {
  if (path == "-") {
    std::string data;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > max_input) {
        return util::Error{fmt::format(
            "standard input is larger than the limit of {} bytes (max_input)", max_input)};
      }
    }
    return data;
  }
  return io::read_file(path, max_input);
}

std::string suggestion(std::string_view given, const std::vector<std::string>& candidates);

/// The templates a run may use: the bundled ones, or the one in --schema.
std::vector<schema::Template> load_templates(const Options& o) {
  std::vector<schema::Template> out;
  if (!o.schema_file.empty()) {
    auto text = io::read_file(o.schema_file);
    if (!text) {
      throw UsageError{fmt::format("{}: {}", o.schema_file, text.error().message)};
    }
    auto t = schema::load_template(*text);
    if (!t) {
      throw UsageError{fmt::format("{}: {}", o.schema_file, t.error().message)};
    }
    out.push_back(std::move(*t));
  } else {
    out = schema::bundled_templates();
  }
  if (!o.template_id.empty()) {
    std::vector<schema::Template> picked;
    for (auto& t : out) {
      if (t.id == o.template_id) {
        picked.push_back(std::move(t));
      }
    }
    if (picked.empty()) {
      std::vector<std::string> ids;
      for (const auto& t : out) {
        ids.push_back(t.id);
      }
      throw UsageError{fmt::format("unknown template '{}' (--template){}; choose one of: {}",
                                   o.template_id, suggestion(o.template_id, ids),
                                   fmt::join(ids, ", "))};
    }
    out = std::move(picked);
  }
  return out;
}

/// The rules of its template on a report read from xxgk's own JSON or CSV.
void check_report_data(emit::ReportResult& r) {
  if (r.readable && r.tmpl != nullptr) {
    r.diagnostics = rules::check(r.report, *r.tmpl);
    diag::sort_diagnostics(r.diagnostics);
  }
}

/// Reads, extracts and checks one input. nullopt: a file found in a directory that is not a
/// report document (skipped and counted, not reported). Report data with several reports (CSV
/// rows, JSON lines) gives the first; `rest`, when given, receives the others.
std::optional<emit::ReportResult> process(const std::string& path,
                                          const std::vector<schema::Template>& templates,
                                          const Options& o, Origin origin = Origin::Given,
                                          std::vector<emit::ReportResult>* rest = nullptr) {
  emit::ReportResult result;
  result.source = path == "-" ? "<stdin>" : path;
  auto bytes = read_input(path, o.read_limits.max_input);
  if (!bytes) {
    result.readable = false;
    result.read_error = bytes.error().message;
    return result;
  }
  if (o.input_format.empty()) {
    // xxgk's own normalized JSON and CSV rows: the report is read as it is, then checked.
    if (auto data = read_report_data(result.source, *bytes, templates); data && !data->empty()) {
      for (auto& r : *data) {
        check_report_data(r);
      }
      if (rest != nullptr) {
        std::move(data->begin() + 1, data->end(), std::back_inserter(*rest));
      }
      return std::move(data->front());
    }
  }
  document::ReadOptions ro;
  static_cast<document::Limits&>(ro) = o.read_limits;
  ro.input_format = o.input_format;
  ro.encoding = o.encoding;
  ro.file_name = result.source;
  auto doc = document::read(*bytes, ro);
  if (origin == Origin::Found &&
      (doc ? !looks_like_report(*doc) : is_not_a_report(doc.error().message))) {
    return std::nullopt;
  }
  if (!doc) {
    result.readable = false;
    result.read_error = doc.error().message;
    return result;
  }
  std::vector<const schema::Template*> candidates;
  for (const auto& t : templates) {
    candidates.push_back(&t);
  }
  const schema::Template& tmpl = extract::detect_template(*doc, candidates);
  extract::Extraction ex = extract::extract(*doc, tmpl);
  ex.report.source = result.source;
  // --year / --agency: for a report whose title gives none (a page saved without its title).
  if (o.year != 0 && !ex.report.year) {
    ex.report.year = o.year;
  }
  if (!o.agency.empty() && !ex.report.agency) {
    ex.report.agency = o.agency;
  }
  if (ex.report.year && ex.report.agency) {
    std::erase_if(ex.diagnostics,
                  [](const diag::Diagnostic& d) { return d.rule == "EXTRACT-TITLE"; });
  }
  result.diagnostics = std::move(doc->diagnostics);
  for (auto& d : ex.diagnostics) {
    result.diagnostics.push_back(std::move(d));
  }
  for (auto& d : rules::check(ex.report, tmpl)) {
    result.diagnostics.push_back(std::move(d));
  }
  diag::sort_diagnostics(result.diagnostics);
  result.report = std::move(ex.report);
  result.tmpl = &tmpl;
  result.form = doc->format;
  if (doc->format.rfind("text", 0) == 0 || doc->format == "markdown" || doc->format == "html") {
    // Text forms and HTML pages: keep the decoded text for source excerpts.
    result.text = doc->source_text;
  }
  return result;
}

// --- The rule catalogue -----------------------------------------------------------------------

/// Findings of the input readers (document/). They have no schema entry; this table gives them
/// their titles, description and an example until the readers list them themselves.
const std::vector<emit::RuleInfo>& reader_rules() {
  static const std::vector<emit::RuleInfo> k_rules = [] {
    std::vector<emit::RuleInfo> out(2);
    out.reserve(3);
    out[0].id = "READ-ENCODING";
    out[0].severity = diag::Severity::Warning;
    out[0].kind = "reader";
    out[0].title = "文本中有无法解码的字节";
    out[0].title_en = "Undecodable bytes in the text";
    out[0].description = "文本文件中有不符合其编码的字节，已替换为 U+FFFD；附近的数字可能读错。";
    out[0].fix = "用 UTF-8 或 GB18030 重新保存文件，或用 --encoding 指定正确的编码。";
    out[1].id = "READ-REVISIONS";
    out[1].severity = diag::Severity::Warning;
    out[1].kind = "reader";
    out[1].title = "文档含有未接受的修订";
    out[1].title_en = "The document has unaccepted revisions";
    out[1].description = "Word 文档中有尚未接受或拒绝的修订（插入、删除）；已按接受全部修订读取。";
    out[1].fix = "在 Word 中接受或拒绝全部修订后另存。";
    out[1].example = "tests/data/docx/hongxing-2021-tracked.docx";
    out.emplace_back();
    out[2].id = "READ-DIGITRUN";
    out[2].severity = diag::Severity::Info;
    out[2].kind = "reader";
    out[2].title = "表格数字连成一串，已拆分";
    out[2].title_en = "Table figures run together, split back into cells";
    out[2].description =
        "网页抓取的文本丢失了单元格分隔，一行的数字连成一串（如「640020470」）。每行按模板的勾稽关"
        "系"
        "拆分：表三先按本行（六类申请人之和等于总计），表四按每组（四项结果之和等于总计）；只有一行"
        "仍有几种拆法时，才用列的关系（办理结果各行之和等于（七）总计，一加二等于（七）加四）选择，"
        "绝不改动唯一的拆法，所以报告本身的列错误照样报告。表二没有勾稽关系，只在拆法唯一时读取。"
        "仍有几种拆法的行不读取，并在此列出；拆分读出的单元格在 JSON 的 \"recovered\" 中标明。";
    out[2].fix = "核对原报告（PDF 或网页表格）中列出的行，必要时把这些数字用空格隔开后重新检查。";
    out[2].example = "tests/data/web/pingtan-touzicujinju-2025.txt";
    return out;
  }();
  return k_rules;
}

/// English titles of the built-in extraction checks (extract::BuiltinRule has the Chinese ones).
std::string builtin_title_en(std::string_view id) {
  static const std::map<std::string, std::string, std::less<>> k_titles = {
      {"EXTRACT-TABLE", "Table not found"},
      {"EXTRACT-ROW", "Row not found"},
      {"EXTRACT-COLUMN", "Wrong number of values in a row"},
      {"EXTRACT-LAYOUT", "Table layout not recognised"},
      {"EXTRACT-FUZZY", "Approximate label match"},
      {"EXTRACT-UNKNOWN", "Content that belongs nowhere"},
      {"EXTRACT-TYPO", "Typo in a row label"},
      {"EXTRACT-GROUP-ROW", "A group written as one total row"},
      {"EXTRACT-NOTE", "A note after the number in a cell"},
      {"EXTRACT-DUPLICATE", "Duplicate row"},
      {"EXTRACT-TITLE", "No year or agency in the title"},
      {"EXTRACT-SUBTOTAL", "Subtotal does not add up"},
  };
  const auto it = k_titles.find(id);
  return it == k_titles.end() ? std::string() : it->second;
}

/// The kind of the cross-document rules (rules/cross.hpp): they apply to a batch, not one report.
constexpr const char* k_cross_kind = "cross-document";

/// Every rule a run may report: the templates' rules (by ID), the built-in extraction checks and
/// the readers' findings.
std::vector<emit::RuleInfo> rule_catalog(const std::vector<schema::Template>& templates) {
  std::map<std::string, emit::RuleInfo> by_id;
  for (const auto& t : templates) {
    for (const auto& r : t.rules) {
      auto& info = by_id[r.id];
      info.id = r.id;
      info.severity = r.severity;
      info.kind = r.kind;
      info.title = r.title;
      info.title_en = r.title_en;
      info.description = r.description;
      info.template_text = r.template_text;
      info.fix = r.fix;
      if (info.autofix.empty()) {
        info.autofix = fix::autofix_kind(r, t);
      }
      info.templates.push_back(t.id);
      info.example = fmt::format("samples/invalid/{}.txt", r.id);
    }
  }
  std::vector<emit::RuleInfo> out;
  for (auto& [id, info] : by_id) {
    out.push_back(std::move(info));
  }
  for (const auto& b : extract::builtin_rules()) {
    emit::RuleInfo info;
    info.id = std::string(b.id);
    info.severity = b.severity;
    info.kind = "extraction";
    info.title = std::string(b.title);
    info.title_en = builtin_title_en(b.id);
    info.description = std::string(b.description);
    info.fix = std::string(b.fix);
    info.example = fmt::format("samples/invalid/{}.txt", b.id);
    out.push_back(std::move(info));
  }
  std::vector<rules::cross::RuleMeta> batch_rules = rules::cross::rule_metas();
  const auto& aggregate_rules = rules::aggregate::rule_metas();
  batch_rules.insert(batch_rules.end(), aggregate_rules.begin(), aggregate_rules.end());
  for (const auto& c : batch_rules) {
    emit::RuleInfo info;
    info.id = std::string(c.id);
    info.severity = c.severity;
    info.kind = k_cross_kind;
    info.title = std::string(c.title);
    info.title_en = std::string(c.title_en);
    info.description = std::string(c.description);
    info.template_text = std::string(c.template_text);
    info.fix = std::string(c.fix);
    info.example = fmt::format("samples/batch/{}/", c.id);
    out.push_back(std::move(info));
  }
  for (const auto& r : reader_rules()) {
    out.push_back(r);
  }
  return out;
}

// --- Choices and "did you mean" ----------------------------------------------------------------

/// A rule ID or selector as the catalogue spells it: rule IDs are case-insensitive (t3-row).
std::string rule_id_case(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return s;
}

/// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string suggestion(std::string_view given, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, given.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = util::edit_distance(given, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

/// The value of an enumerated option, or a usage error naming the choices.
template <class T>
T choose(std::string_view what, std::string_view given,
         const std::vector<std::pair<std::string, T>>& choices) {
  std::vector<std::string> names;
  for (const auto& [name, value] : choices) {
    if (name == given) {
      return value;
    }
    names.push_back(name);
  }
  throw UsageError{fmt::format("unknown {} '{}'{}; choose one of: {}", what, given,
                               suggestion(given, names), fmt::join(names, ", "))};
}

emit::Lang lang_of(const Options& o) {
  return choose<emit::Lang>("language (--lang)", o.lang,
                            {{"zh", emit::Lang::Zh}, {"en", emit::Lang::En}});
}

emit::Headers headers_of(const Options& o) {
  return choose<emit::Headers>("header style (--headers)", o.headers,
                               {{"zh", emit::Headers::Zh}, {"keys", emit::Headers::Keys}});
}

// --- Selection ---------------------------------------------------------------------------------

enum class Level { Error, Warning, Info, Off };

/// --select / --ignore / --severity, resolved against the rule catalogue. A selector is a rule
/// ID, a prefix of IDs (T3, EXTRACT-) or ALL. For each rule the longest matching selector decides
/// (ignore wins a tie), as in ruff; --severity RULE=off disables a rule too.
class RuleSelection {
public:
  RuleSelection(const Options& o, const std::vector<emit::RuleInfo>& catalog) {
    for (const auto& r : catalog) {
      m_ids.push_back(r.id);
    }
    for (const auto& s : o.select) {
      m_selectors.push_back({validated(s, "--select"), true});
    }
    if (o.select.empty()) {
      m_selectors.push_back({"", true});
    }
    for (const auto& s : o.ignore) {
      m_selectors.push_back({validated(s, "--ignore"), false});
    }
    for (const auto& s : o.severity) {
      const auto eq = s.find('=');
      if (eq == std::string::npos) {
        throw UsageError{fmt::format("--severity '{}': expected RULE=error|warning|info|off", s)};
      }
      const Level level = choose<Level>("severity", std::string_view(s).substr(eq + 1),
                                        {{"error", Level::Error},
                                         {"warning", Level::Warning},
                                         {"info", Level::Info},
                                         {"off", Level::Off}});
      m_levels.push_back({validated(s.substr(0, eq), "--severity"), level});
    }
  }

  /// Whether findings of this rule are reported.
  [[nodiscard]] bool enabled(std::string_view id) const {
    std::size_t best = 0;
    bool on = false;
    bool matched = false;
    for (const auto& sel : m_selectors) {
      if (!id.starts_with(sel.prefix)) {
        continue;
      }
      if (!matched || sel.prefix.size() > best || (sel.prefix.size() == best && !sel.select)) {
        best = sel.prefix.size();
        on = sel.select;
        matched = true;
      }
    }
    return on && level(id) != Level::Off;
  }

  /// The --severity given for a rule (the longest matching prefix; the later one on a tie).
  [[nodiscard]] std::optional<Level> level(std::string_view id) const {
    std::optional<Level> out;
    std::size_t best = 0;
    for (const auto& l : m_levels) {
      if (id.starts_with(l.prefix) && (!out || l.prefix.size() >= best)) {
        best = l.prefix.size();
        out = l.level;
      }
    }
    return out;
  }

  /// Drops the findings of disabled rules, applies --severity, and lists the rules checked.
  void apply(emit::ReportResult& r, const std::vector<emit::RuleInfo>& catalog) const {
    std::erase_if(r.diagnostics, [this](const diag::Diagnostic& d) { return !enabled(d.rule); });
    for (auto& d : r.diagnostics) {
      switch (level(d.rule).value_or(Level::Off)) {
      case Level::Error:
        d.severity = diag::Severity::Error;
        break;
      case Level::Warning:
        d.severity = diag::Severity::Warning;
        break;
      case Level::Info:
        d.severity = diag::Severity::Info;
        break;
      case Level::Off:
        break; // no override
      }
    }
    r.rules_checked.clear();
    for (const auto& rule : catalog) {
      const bool applies = rule.templates.empty() || r.tmpl == nullptr ||
                           std::find(rule.templates.begin(), rule.templates.end(), r.tmpl->id) !=
                               rule.templates.end();
      // Reader findings depend on the input form; they appear when they are reported.
      if (applies && rule.kind != "reader" && rule.kind != k_cross_kind && enabled(rule.id)) {
        r.rules_checked.push_back(rule.id);
      }
    }
  }

private:
  struct Selector {
    std::string prefix;
    bool select;
  };
  struct RuleLevel {
    std::string prefix;
    Level level;
  };

  /// The selector as a prefix; a usage error when it matches no rule.
  [[nodiscard]] std::string validated(const std::string& given, std::string_view option) const {
    const std::string s = rule_id_case(given);
    if (s == "ALL") {
      return "";
    }
    for (const auto& id : m_ids) {
      if (!s.empty() && id.starts_with(s)) {
        return s;
      }
    }
    // Suggest among the IDs and their prefixes up to each '-' (T3, EXTRACT …).
    std::vector<std::string> candidates;
    for (const auto& id : m_ids) {
      for (auto dash = id.find('-'); dash != std::string::npos; dash = id.find('-', dash + 1)) {
        candidates.push_back(id.substr(0, dash));
      }
      candidates.push_back(id);
    }
    throw UsageError{fmt::format("{}: unknown rule '{}'{}; 'xxgk rules' lists the rules", option, s,
                                 suggestion(s, candidates))};
  }

  std::vector<std::string> m_ids;
  std::vector<Selector> m_selectors;
  std::vector<RuleLevel> m_levels;
};

// --- Baseline ----------------------------------------------------------------------------------

/// Fingerprint → how many findings with it the baseline accepts.
using Baseline = std::map<std::string, int>;

constexpr int k_baseline_version = 1;

Baseline read_baseline(const std::string& path) {
  auto text = io::read_file(path);
  if (!text) {
    throw UsageError{fmt::format("{}: {}", path, text.error().message)};
  }
  Baseline out;
  try {
    const auto j = nlohmann::json::parse(*text);
    if (!j.is_object() || j.value("version", 0) != k_baseline_version || !j.contains("findings") ||
        !j["findings"].is_array()) {
      throw UsageError{
          fmt::format("{}: not an xxgk baseline (write one with --write-baseline)", path)};
    }
    for (const auto& f : j["findings"]) {
      out[f.at("fingerprint").get<std::string>()] += f.value("count", 1);
    }
  } catch (const nlohmann::json::exception& e) {
    throw UsageError{fmt::format("{}: not an xxgk baseline ({})", path, e.what())};
  }
  return out;
}

/// Records findings for --write-baseline as the reports go by; text() is the baseline file
/// (deterministic: sorted by fingerprint). Holds one entry per distinct finding, not the reports.
class BaselineWriter {
public:
  /// Records the report's findings and clears them (the run reports nothing new).
  void take(emit::ReportResult& r) {
    for (const auto& d : r.diagnostics) {
      auto& e = m_entries[emit::fingerprint(r, d)];
      if (e.count++ == 0) {
        e.rule = d.rule;
        e.source = r.source;
        e.message = d.message;
      }
    }
    m_recorded += static_cast<int>(r.diagnostics.size());
    r.diagnostics.clear();
  }
  [[nodiscard]] int recorded() const { return m_recorded; }

  [[nodiscard]] std::string text() const {
    nlohmann::ordered_json j;
    j["version"] = k_baseline_version;
    j["tool"] = emit::k_tool_name;
    j["findings"] = nlohmann::ordered_json::array();
    for (const auto& [fp, e] : m_entries) {
      j["findings"].push_back({{"fingerprint", fp},
                               {"count", e.count},
                               {"rule", e.rule},
                               {"source", e.source},
                               {"message", e.message}});
    }
    return j.dump(2) + "\n";
  }

private:
  struct Entry {
    int count = 0;
    std::string rule;
    std::string source;
    std::string message;
  };
  std::map<std::string, Entry> m_entries;
  int m_recorded = 0;
};

/// Removes the findings the baseline still accepts (each fingerprint as often as it was
/// recorded); returns how many.
int apply_baseline(emit::ReportResult& r, Baseline& baseline) {
  int suppressed = 0;
  std::erase_if(r.diagnostics, [&](const diag::Diagnostic& d) {
    auto it = baseline.find(emit::fingerprint(r, d));
    if (it == baseline.end() || it->second == 0) {
      return false;
    }
    --it->second;
    ++suppressed;
    return true;
  });
  return suppressed;
}

// --- Batches (issue 6) ---------------------------------------------------------------------------

/// Inputs of a run and how many were passed over; see batch.hpp.
struct BatchInputs {
  Inputs inputs;
  int not_reports = 0; ///< files found in directories that are not report documents
  std::vector<std::string> not_report_paths; ///< their paths, named in the summary
};

/// Batches at least this large show progress on a terminal.
constexpr std::size_t k_progress_min_inputs = 20;

/// How often a batch hands freed memory back to the system (see release_free_memory).
constexpr std::size_t k_trim_every = 32;

/// Returns the free pages of the heap to the system. A batch keeps a few small objects per report
/// (tallies, cross-document summaries) scattered among the freed memory of the reports it dropped;
/// glibc keeps those pages resident, so without this the resident size grows with the batch even
/// though the live heap does not (measured: 1.1 MB live, +1.8 KB resident per report).
void release_free_memory() {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

/// Expands the arguments and reads, extracts and checks every input on -j threads; `each` sees
/// the results in input order (on this thread). `planned` is told the number of inputs first.
/// Problems with the inputs go to `err` at once.
BatchInputs read_batch(const Options& o, const std::vector<schema::Template>& templates,
                       std::ostream& err, const std::function<void(emit::ReportResult&&)>& each,
                       const std::function<void(std::size_t)>& planned = {}) {
  BatchInputs b;
  b.inputs = collect_inputs(o.paths, o.hidden ? Hidden::Include : Hidden::Skip);
  for (const auto& p : b.inputs.problems) {
    err << fmt::format("xxgk: error: {}: {}\n", p.path, p.message);
  }
  const auto& files = b.inputs.files;
  if (planned) {
    planned(files.size());
  }
  // Only the results between the last one handed on and the threads' window are held here.
  // (Pointers: a slot must not cost a whole ReportResult before its turn.)
  std::vector<std::unique_ptr<emit::ReportResult>> pending(files.size());
  std::vector<std::vector<emit::ReportResult>> more(files.size()); // CSV rows, JSON lines
  const bool show_progress = o.stderr_is_tty && !o.quiet && files.size() >= k_progress_min_inputs;
  const auto start = std::chrono::steady_clock::now();
  auto last_shown = start;
  Progress progress;
  if (show_progress) {
    progress = [&](std::size_t done, std::size_t total) {
      const auto now = std::chrono::steady_clock::now();
      if (done < total && now - last_shown < std::chrono::milliseconds(100)) {
        return;
      }
      last_shown = now;
      const double seconds = std::chrono::duration<double>(now - start).count();
      err << "\r" << progress_line(done, total, seconds) << "\x1b[K" << std::flush;
    };
  }
  const unsigned jobs = job_count(o.jobs);
  if (jobs > 1 && files.size() > 1) {
    // libxml2 must be initialised on one thread before several use it (the HTML reader calls
    // xmlInitParser on each read): one tiny page read here does that.
    document::ReadOptions html;
    html.input_format = "html";
    (void)document::read("<html><body></body></html>", html);
  }
  run_ordered(
      files.size(), jobs,
      [&](std::size_t i) {
        if (auto r = process(files[i].path, templates, o, files[i].origin, &more[i])) {
          pending[i] = std::make_unique<emit::ReportResult>(std::move(*r));
        }
      },
      [&](std::size_t i) {
        std::unique_ptr<emit::ReportResult> r = std::move(pending[i]);
        if (r) {
          each(std::move(*r));
          for (auto& m : more[i]) {
            each(std::move(m));
          }
          more[i] = {};
        } else {
          ++b.not_reports; // not a report document
          b.not_report_paths.push_back(files[i].path);
        }
        r.reset();
        if ((i + 1) % k_trim_every == 0) {
          release_free_memory();
        }
      },
      progress, [] { return io::interrupted(); });
  if (show_progress) {
    err << "\r\x1b[K" << std::flush;
  }
  return b;
}

/// What a streamed `check` remembers of each report once it is written: its counts of findings
/// (after --baseline, before --quiet: they decide the exit code and the closing summary; and
/// after --quiet: the totals of the output), the findings per rule and the unreadable inputs.
struct Tally {
  struct Counts {
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    bool readable = true;

    void add(const emit::ReportResult& r) {
      readable = readable && r.readable;
      errors += r.count(diag::Severity::Error);
      warnings += r.count(diag::Severity::Warning);
      infos += r.count(diag::Severity::Info);
    }
  };
  std::vector<Counts> shown; ///< per report, as written (after --quiet)
  std::vector<Counts> found; ///< per report, before --quiet
  std::map<std::string, int> per_rule;
  std::vector<std::pair<std::string, std::string>> unreadable; ///< source, reason
  int baselined = 0;
  int hidden = 0;

  /// The totals of the output (emit::summarize of what was written).
  [[nodiscard]] emit::Totals totals() const {
    emit::Totals t;
    t.baselined = baselined;
    t.hidden = hidden;
    auto& s = t.summary;
    for (const auto& c : shown) {
      ++s.reports;
      if (!c.readable) {
        ++s.unreadable;
        continue;
      }
      s.errors += c.errors;
      s.warnings += c.warnings;
      s.infos += c.infos;
      s.reports_with_errors += c.errors > 0 ? 1 : 0;
      s.reports_with_warnings += c.warnings > 0 ? 1 : 0;
      s.clean += c.errors == 0 && c.warnings == 0 ? 1 : 0;
    }
    return t;
  }
};

/// The files passed over as not report documents, by name.
void write_not_reports(const BatchInputs& b, std::ostream& err) {
  for (const auto& path : b.not_report_paths) {
    err << fmt::format("xxgk: skipped {}: not a report document\n", path);
  }
}

/// No report among the inputs is an error (a CI job pointed at the wrong folder must not pass),
/// unless --allow-empty. Returns whether the run may go on.
bool check_not_empty(std::size_t reports, const BatchInputs& b, const Options& o,
                     std::ostream& err) {
  if (reports > 0 || o.allow_empty) {
    return true;
  }
  err << fmt::format("xxgk: error: no report found in {}{} (--allow-empty accepts this)\n",
                     fmt::join(o.paths, ", "),
                     b.not_reports > 0 ? fmt::format("; {} {} not report documents", b.not_reports,
                                                     b.not_reports == 1 ? "file is" : "files are")
                                       : std::string());
  return false;
}

/// The closing summary of a batch on stderr: counts, then the most frequent rules.
void write_batch_summary(const BatchInputs& b, const Tally& tally, std::ostream& err) {
  int clean = 0;
  int with_errors = 0;
  int with_warnings = 0;
  int unreadable = 0;
  for (const auto& c : tally.found) {
    if (!c.readable) {
      ++unreadable;
      continue;
    }
    clean += c.errors == 0 && c.warnings == 0 ? 1 : 0;
    with_errors += c.errors > 0 ? 1 : 0;
    with_warnings += c.warnings > 0 ? 1 : 0;
  }
  const std::size_t reports = tally.found.size();
  const auto& per_rule = tally.per_rule;
  err << fmt::format("xxgk: checked {} {}: {} clean, {} with errors, {} with warnings, {} "
                     "unreadable\n",
                     reports - static_cast<std::size_t>(unreadable),
                     reports - static_cast<std::size_t>(unreadable) == 1 ? "report" : "reports",
                     clean, with_errors, with_warnings, unreadable);
  const int skipped =
      b.not_reports + b.inputs.hidden_skipped + b.inputs.special_skipped + b.inputs.links_skipped;
  if (skipped > 0) {
    err << fmt::format("xxgk: skipped {}: {} not reports, {} hidden, {} already walked "
                       "(symbolic links), {} other\n",
                       skipped, b.not_reports, b.inputs.hidden_skipped, b.inputs.links_skipped,
                       b.inputs.special_skipped);
  }
  write_not_reports(b, err);
  std::vector<std::pair<std::string, int>> top(per_rule.begin(), per_rule.end());
  std::stable_sort(top.begin(), top.end(),
                   [](const auto& a, const auto& b2) { return a.second > b2.second; });
  if (top.size() > 5) {
    top.resize(5);
  }
  if (!top.empty()) {
    std::vector<std::string> parts;
    for (const auto& [rule, n] : top) {
      parts.push_back(fmt::format("{} ×{}", rule, n));
    }
    err << fmt::format("xxgk: most frequent rules: {}\n", fmt::join(parts, ", "));
  }
}

// --- Commands ----------------------------------------------------------------------------------

void report_unreadable(const std::vector<emit::ReportResult>& results, std::ostream& err) {
  for (const auto& r : results) {
    if (!r.readable) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, r.read_error);
    }
  }
}

/// 2 when an input was unreadable; else 1 when a finding is at or above `fail_on` or there are
/// more warnings than --max-warnings (unless --exit-zero); else 0.
int exit_code(const std::vector<emit::ReportResult>& results, const Options& o,
              diag::Severity fail_on, std::ostream& err) {
  int warnings = 0;
  bool failed = false;
  for (const auto& r : results) {
    if (!r.readable) {
      return k_exit_usage;
    }
    for (const auto& d : r.diagnostics) {
      failed = failed || d.severity >= fail_on;
      warnings += d.severity == diag::Severity::Warning ? 1 : 0;
    }
  }
  if (o.max_warnings >= 0 && warnings > o.max_warnings) {
    err << fmt::format("xxgk: {} {}, more than --max-warnings {}\n", warnings,
                       warnings == 1 ? "warning" : "warnings", o.max_warnings);
    failed = true;
  }
  return failed && !o.exit_zero ? k_exit_findings : k_exit_clean;
}

/// exit_code() from the counts a streamed run kept.
int exit_code(const Tally& tally, const Options& o, diag::Severity fail_on, std::ostream& err) {
  int warnings = 0;
  bool failed = false;
  for (const auto& c : tally.found) {
    if (!c.readable) {
      return k_exit_usage;
    }
    failed = failed || c.errors > 0 || (fail_on <= diag::Severity::Warning && c.warnings > 0) ||
             (fail_on <= diag::Severity::Info && c.infos > 0);
    warnings += c.warnings;
  }
  if (o.max_warnings >= 0 && warnings > o.max_warnings) {
    err << fmt::format("xxgk: {} {}, more than --max-warnings {}\n", warnings,
                       warnings == 1 ? "warning" : "warnings", o.max_warnings);
    failed = true;
  }
  return failed && !o.exit_zero ? k_exit_findings : k_exit_clean;
}

/// Appends the Markdown job summary to $GITHUB_STEP_SUMMARY (read, extend, replace atomically:
/// io/ has no append, and a reader never sees half a summary).
void append_step_summary(const std::string& path, const emit::Batch& batch,
                         const emit::OutputOptions& oo, std::ostream& err) {
  std::string text;
  if (auto old = io::read_file(path)) {
    text = std::move(*old);
  }
  std::ostringstream summary;
  emit::write_github_summary(batch, oo, summary);
  if (!text.empty() && !text.ends_with('\n')) {
    text += '\n';
  }
  text += summary.str();
  if (auto w = io::write_file_atomic(path, text); !w) {
    err << fmt::format("xxgk: warning: {}: cannot write the job summary: {}\n", path,
                       w.error().message);
  }
}

/// How findings are written: --format, --lang, --color and --fail-on, checked.
struct Emission {
  const emit::Format* format = nullptr;
  emit::OutputOptions oo;
  diag::Severity fail_on = diag::Severity::Error;
};

Emission emission_of(const Options& o) {
  Emission e;
  e.format = emit::find_format(o.format);
  if (e.format == nullptr) {
    std::vector<std::string> names;
    for (const auto& f : emit::formats()) {
      names.emplace_back(f.name);
    }
    throw UsageError{fmt::format("unknown output format '{}'{}; choose one of: {}", o.format,
                                 suggestion(o.format, names), fmt::join(names, ", "))};
  }
  e.oo.lang = lang_of(o);
  e.oo.headers = headers_of(o);
  if (o.format == "xlsx" && o.output.empty() && o.stdout_is_tty) {
    throw UsageError{"--format xlsx writes a binary file: give -o FILE (or redirect the output)"};
  }
  const std::string color =
      choose<std::string>("colour mode (--color)", o.color,
                          {{"auto", "auto"}, {"always", "always"}, {"never", "never"}});
  e.oo.color = color == "always" || (color == "auto" && o.stdout_is_tty && !o.no_color_env);
  e.fail_on = choose<diag::Severity>("severity (--fail-on)", o.fail_on,
                                     {{"error", diag::Severity::Error},
                                      {"warning", diag::Severity::Warning},
                                      {"info", diag::Severity::Info}});
  return e;
}

/// At most this many cross-document summaries (about 1 KB each) are kept while a batch is read;
/// beyond them a report is remembered by its agency, year and path only, and read again at the
/// end if another report of its agency could pair with it (the same year, or the year before or
/// after). Memory then stays flat however large the batch.
constexpr std::size_t k_kept_summaries = 256;

/// What a batch remembers of every report that takes part in the cross-document checks.
struct CrossKey {
  std::uint64_t agency = 0; ///< a hash of rules::cross::agency_key
  int year = 0;
  std::size_t index = 0;
  std::string source;
};

std::uint64_t agency_hash(std::string_view agency) {
  std::uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a
  for (const char c : rules::cross::agency_key(agency)) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// The late findings of a batch: the cross-document checks, agency by agency, as selected and
/// grouped by the report they belong to. An agency's summaries come from those kept or from
/// reading its reports again; each report with findings is read again for its identity and its
/// text (source excerpts). Only agencies with reports that can pair are looked at.
std::vector<emit::LateFindings>
cross_findings(const std::vector<CrossKey>& keys, const std::vector<rules::cross::Summary>& kept,
               const RuleSelection& selection, const std::vector<emit::RuleInfo>& catalog,
               const std::vector<schema::Template>& templates, const Options& o) {
  std::vector<emit::LateFindings> late;
  std::map<std::uint64_t, std::vector<const CrossKey*>> agencies;
  for (const auto& k : keys) {
    agencies[k.agency].push_back(&k);
  }
  auto read_again = [&](const std::string& source) -> std::optional<emit::ReportResult> {
    if (source == "<stdin>") {
      return std::nullopt;
    }
    auto again = process(source, templates, o);
    if (!again || !again->readable) {
      return std::nullopt;
    }
    return again;
  };
  std::vector<rules::cross::Finding> findings;
  for (const auto& [agency, reports] : agencies) {
    if (io::interrupted()) {
      return late; // run() stops with 130 or 143
    }
    std::vector<int> years;
    for (const auto* k : reports) {
      years.push_back(k->year);
    }
    std::sort(years.begin(), years.end());
    bool pairs = false;
    for (std::size_t y = 1; y < years.size(); ++y) {
      pairs = pairs || years[y] - years[y - 1] <= 1;
    }
    if (!pairs) {
      continue;
    }
    std::vector<rules::cross::Summary> group;
    for (const auto* k : reports) {
      const auto it = std::lower_bound(
          kept.begin(), kept.end(), k->index,
          [](const rules::cross::Summary& s, std::size_t index) { return s.index < index; });
      if (it != kept.end() && it->index == k->index) {
        group.push_back(*it);
      } else if (auto again = read_again(k->source)) {
        if (auto s = rules::cross::summarize(again->report, k->index)) {
          group.push_back(std::move(*s));
        }
      }
    }
    for (auto& f : rules::cross::check(group)) {
      findings.push_back(std::move(f));
    }
  }
  // The order of rules::cross::check over the whole batch: by report, then rule.
  std::stable_sort(findings.begin(), findings.end(),
                   [](const rules::cross::Finding& a, const rules::cross::Finding& b) {
                     return std::tie(a.index, a.diagnostic.rule) <
                            std::tie(b.index, b.diagnostic.rule);
                   });
  std::map<std::size_t, std::vector<diag::Diagnostic>> by_report;
  for (auto& f : findings) {
    if (selection.enabled(f.diagnostic.rule)) {
      by_report[f.index].push_back(std::move(f.diagnostic));
    }
  }
  for (auto& [index, diagnostics] : by_report) {
    const auto k = std::find_if(keys.begin(), keys.end(),
                                [i = index](const CrossKey& x) { return x.index == i; });
    emit::LateFindings l;
    l.index = index;
    if (auto again = read_again(k->source)) {
      l.result = std::move(*again);
      // The summaries keep a cell's line only: its full location (table, row and column names;
      // Word indices) comes from the report read again.
      for (auto& d : diagnostics) {
        if (!d.cells.empty()) {
          if (const report::Cell* c = report::find_cell(l.result.report, d.cells.front())) {
            d.location = c->where;
          }
        }
      }
    } else {
      // Gone or changed since: its path and year name it.
      l.result.source = k->source;
      l.result.report.source = k->source;
      l.result.report.year = k->year;
    }
    l.result.diagnostics = std::move(diagnostics);
    selection.apply(l.result, catalog); // --severity overrides
    diag::sort_diagnostics(l.result.diagnostics);
    late.push_back(std::move(l));
  }
  return late;
}

int run_check(const Options& o, std::ostream& out, std::ostream& err) {
  // Every option is checked before any input is read or output written.
  const Emission emission = emission_of(o);
  const emit::OutputOptions& oo = emission.oo;
  if (o.statistics && o.format != "text" && o.format != "json") {
    throw UsageError{"--statistics works with --format text or json"};
  }
  const auto templates = load_templates(o);
  const std::vector<emit::RuleInfo> catalog = rule_catalog(templates);
  const RuleSelection selection(o, catalog);
  const bool writing_baseline = !o.write_baseline.empty();
  Baseline baseline =
      !o.baseline.empty() && !writing_baseline ? read_baseline(o.baseline) : Baseline{};

  // Each report is written as soon as it is checked and then dropped (issue 6): the run keeps
  // only its tally, the few figures of the cross-document checks and, for formats that need the
  // whole batch first (SARIF, JUnit, HTML) or for the GitHub job summary, the results.
  const std::unique_ptr<emit::Stream> stream =
      o.statistics ? emit::statistics_stream(o.format == "json", catalog, oo, out)
                   : emit::make_stream(*emission.format, catalog, oo, out);
  const bool step_summary = o.format == "github" && !o.github_step_summary.empty();
  emit::Batch kept; // for the job summary only
  kept.rules = catalog;
  BaselineWriter recorder;
  Tally tally;
  std::vector<CrossKey> cross_keys;             // every report that can take part in them
  std::vector<rules::cross::Summary> summaries; // the first k_kept_summaries of them

  // Baseline, tally and --quiet, for a report as read and for the late findings alike.
  auto settle = [&](emit::ReportResult& r, std::size_t index) {
    if (writing_baseline) {
      recorder.take(r);
    } else if (!o.baseline.empty()) {
      tally.baselined += apply_baseline(r, baseline);
    }
    if (index >= tally.found.size()) {
      tally.found.resize(index + 1);
      tally.shown.resize(index + 1);
    }
    tally.found[index].add(r);
    for (const auto& d : r.diagnostics) {
      ++tally.per_rule[d.rule];
    }
    if (o.quiet) {
      tally.hidden += static_cast<int>(std::erase_if(r.diagnostics, [](const diag::Diagnostic& d) {
        return d.severity != diag::Severity::Error;
      }));
    }
    tally.shown[index].add(r);
  };

  std::size_t count = 0;
  const BatchInputs inputs = read_batch(
      o, templates, err,
      [&](emit::ReportResult&& r) {
        const std::size_t index = count++;
        if (r.readable) {
          if (auto s = rules::cross::summarize(r.report, index)) {
            cross_keys.push_back({agency_hash(s->agency), s->year, index, r.source});
            if (summaries.size() < k_kept_summaries) {
              summaries.push_back(std::move(*s));
            }
          }
          selection.apply(r, catalog);
        } else {
          tally.unreadable.emplace_back(r.source, r.read_error);
        }
        settle(r, index);
        stream->report(r);
        if (step_summary) {
          r.text.clear();
          kept.reports.push_back(std::move(r));
        }
      },
      [&](std::size_t planned) {
        // What is kept per report is allocated once, up front, not among the freed memory of the
        // reports (that would pin pages: see release_free_memory).
        cross_keys.reserve(planned);
        summaries.reserve(std::min(planned, k_kept_summaries));
        tally.found.reserve(planned);
        tally.shown.reserve(planned);
      });
  if (io::interrupted()) {
    return k_exit_usage; // run() says so and exits 130 or 143; what was written stays
  }
  std::vector<emit::LateFindings> late;
  if (inputs.inputs.expanded) {
    // Only a batch (a directory or an @list) is one district's reports: files named one by one
    // are often drafts and variants of the same report.
    late = cross_findings(cross_keys, summaries, selection, catalog, templates, o);
    if (io::interrupted()) {
      return k_exit_usage; // run() says so and exits 130 or 143
    }
    for (auto& l : late) {
      settle(l.result, l.index);
    }
  }
  if (writing_baseline) {
    // The findings just recorded are the baseline of this run: it reports nothing new.
    if (auto w = io::write_file_atomic(o.write_baseline, recorder.text()); !w) {
      throw UsageError{fmt::format("{}: {}", o.write_baseline, w.error().message)};
    }
    tally.baselined = recorder.recorded();
    err << fmt::format("xxgk: wrote {} {} to the baseline {}\n", recorder.recorded(),
                       recorder.recorded() == 1 ? "finding" : "findings", o.write_baseline);
  }
  for (const auto& [source, reason] : tally.unreadable) {
    err << fmt::format("xxgk: error: {}: {}\n", source, reason);
  }
  int code =
      inputs.inputs.problems.empty() ? exit_code(tally, o, emission.fail_on, err) : k_exit_usage;
  if (inputs.inputs.expanded && !o.quiet) {
    write_batch_summary(inputs, tally, err);
  }
  if (inputs.inputs.problems.empty() && !check_not_empty(tally.found.size(), inputs, o, err)) {
    code = k_exit_usage;
  }
  stream->finish(late, tally.totals());
  if (step_summary) {
    for (const auto& l : late) {
      auto& r = kept.reports[l.index];
      r.diagnostics.insert(r.diagnostics.end(), l.result.diagnostics.begin(),
                           l.result.diagnostics.end());
      diag::sort_diagnostics(r.diagnostics);
    }
    kept.baselined = tally.baselined;
    kept.hidden = tally.hidden;
    append_step_summary(o.github_step_summary, kept, oo, err);
  }
  return code;
}

/// The tables of a read report that extraction could not read at all (EXTRACT-TABLE or
/// EXTRACT-LAYOUT errors), by name.
std::vector<std::string> unread_tables(const emit::ReportResult& r) {
  std::vector<std::string> names;
  for (const auto& d : r.diagnostics) {
    if ((d.rule == "EXTRACT-TABLE" || d.rule == "EXTRACT-LAYOUT") &&
        d.severity == diag::Severity::Error) {
      names.push_back("表" + d.location.table_name);
    }
  }
  return names;
}

int run_convert(const Options& o, std::ostream& out, std::ostream& err) {
  choose<std::string>("conversion target (--to)", o.to,
                      {{"json", "json"},
                       {"csv", "csv"},
                       {"jsonl", "jsonl"},
                       {"markdown", "markdown"},
                       {"text", "text"},
                       {"docx", "docx"},
                       {"xlsx", "xlsx"}});
  if ((o.to == "docx" || o.to == "xlsx") && o.output.empty() && o.stdout_is_tty) {
    throw UsageError{
        fmt::format("--to {} writes a binary file: give -o FILE (or redirect the output)", o.to)};
  }
  const emit::Lang lang = lang_of(o);
  const emit::Headers headers = headers_of(o);
  // convert: --template names the layout to write; the input's own layout is detected.
  Options read_options = o;
  read_options.template_id.clear();
  const auto templates = load_templates(read_options);
  std::vector<emit::ReportResult> results;
  // Documents are extracted; xxgk's own JSON and CSV rows are report data, read as they are
  // (process()).
  const BatchInputs inputs = read_batch(read_options, templates, err, [&](emit::ReportResult&& r) {
    results.push_back(std::move(r));
  });
  if (inputs.inputs.expanded && !o.quiet) {
    write_not_reports(inputs, err);
  }
  if (inputs.inputs.problems.empty() && !check_not_empty(results.size(), inputs, o, err)) {
    return k_exit_usage;
  }
  report_unreadable(results, err);
  int retargeted = k_exit_clean;
  for (auto& r : results) {
    retargeted = std::max(retargeted, retarget(r, o, templates, err));
  }
  if (retargeted == k_exit_usage) {
    return k_exit_usage;
  }
  // What extraction could not read is said on stderr, so that nothing is lost silently
  // (--quiet: the errors only).
  for (const auto& r : results) {
    for (const auto& d : r.diagnostics) {
      if ((d.rule.rfind("EXTRACT-", 0) == 0 || d.rule.rfind("READ-", 0) == 0) &&
          (!o.quiet || d.severity == diag::Severity::Error)) {
        err << fmt::format("xxgk: {}: {}: {} [{}]\n", diag::to_string(d.severity), r.source,
                           d.message, d.rule);
      }
    }
  }
  const bool any_unreadable = std::any_of(results.begin(), results.end(),
                                          [](const emit::ReportResult& r) { return !r.readable; });
  if (o.to == "xlsx") {
    // One report given by name: the template's layout; a batch: a row per report.
    const auto catalog = rule_catalog(templates);
    util::Expected<std::string> bytes = util::Error{"no readable report"};
    if (inputs.inputs.expanded || results.size() != 1) {
      bytes = emit::xlsx_report_rows(results, catalog, lang, headers);
    } else if (results.front().readable) {
      bytes = emit::xlsx_report(results.front(), catalog, lang);
    } else {
      return k_exit_usage; // said above
    }
    if (!bytes) {
      throw UsageError{bytes.error().message};
    }
    out << *bytes;
    return any_unreadable || !inputs.inputs.problems.empty() ? k_exit_usage : retargeted;
  }
  if (is_document_target(o.to)) {
    // A document holds one report.
    std::vector<const emit::ReportResult*> readable;
    for (const auto& r : results) {
      if (r.readable) {
        readable.push_back(&r);
      }
    }
    if (readable.size() != 1 || results.size() != 1) {
      if (results.size() > 1) {
        throw UsageError{fmt::format("--to {} writes one report; {} were given (convert them "
                                     "one at a time)",
                                     o.to, results.size())};
      }
      return k_exit_usage;
    }
    const int written = write_document(o, *readable.front(), out, err);
    return written != k_exit_clean ? written
                                   : (inputs.inputs.problems.empty() ? retargeted : k_exit_usage);
  }
  if (o.to == "csv" || o.to == "jsonl") {
    // Batch forms: one row or line per readable report (issue 6).
    if (o.to == "csv") {
      emit::write_report_csv_header(out, headers);
    }
    for (const auto& r : results) {
      if (r.readable) {
        (o.to == "csv" ? emit::write_report_csv_row : emit::write_report_jsonl)(r, out);
      }
    }
  }
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    if (r.readable && o.to == "json") {
      docs.push_back(emit::report_json(r.report, *r.tmpl));
    }
  }
  if (docs.size() == 1 && results.size() == 1) {
    out << docs.front().dump(2) << "\n";
  } else if (!docs.empty()) {
    out << docs.dump(2) << "\n";
  }
  for (const auto& r : results) {
    if (!r.readable) {
      return k_exit_usage;
    }
  }
  if (!inputs.inputs.problems.empty()) {
    return k_exit_usage;
  }
  // A report whose tables could not be read was converted without them: not a clean run.
  const bool tables_missing = std::any_of(results.begin(), results.end(),
                                          [](const auto& r) { return !unread_tables(r).empty(); });
  return tables_missing ? std::max(retargeted, k_exit_findings) : retargeted;
}

// --- Aggregate (district totals) ---------------------------------------------------------------

/// At most this many cell paths are named per report and kind of note on stderr.
constexpr std::size_t k_noted_paths = 5;

/// The notes of the sum on stderr, grouped per report and kind: "xxgk: note: a.txt: 12 blank
/// cells counted as 0: requests.granted.natural_person, … ".
void write_sum_notes(const std::vector<rules::aggregate::Note>& notes, std::ostream& err) {
  using Kind = rules::aggregate::Note::Kind;
  std::size_t i = 0;
  while (i < notes.size()) {
    std::size_t j = i;
    while (j < notes.size() && notes[j].source == notes[i].source &&
           notes[j].kind == notes[i].kind) {
      ++j;
    }
    const std::size_t n = j - i;
    std::vector<std::string> named;
    for (std::size_t k = i; k < j && named.size() < k_noted_paths; ++k) {
      named.push_back(notes[i].kind == Kind::NotANumber
                          ? fmt::format("{} “{}”", notes[k].path, notes[k].raw)
                          : notes[k].path);
    }
    const std::string more = n > named.size() ? ", …" : "";
    const std::string list = fmt::format("{}{}", fmt::join(named, ", "), more);
    switch (notes[i].kind) {
    case Kind::BlankAsZero:
      err << fmt::format("xxgk: note: {}: {} blank {} counted as 0: {}\n", notes[i].source, n,
                         n == 1 ? "cell" : "cells", list);
      break;
    case Kind::NotANumber:
      err << fmt::format("xxgk: warning: {}: {} {} not a number, not summed: {}\n", notes[i].source,
                         n, n == 1 ? "cell is" : "cells are", list);
      break;
    case Kind::NotFound:
      err << fmt::format("xxgk: warning: {}: {} {} not found in the report, not summed: {}\n",
                         notes[i].source, n, n == 1 ? "cell" : "cells", list);
      break;
    case Kind::Overflow:
      err << fmt::format("xxgk: error: {}: the total of {} passes 64 bits; it is left empty\n",
                         notes[i].source, list);
      break;
    }
    i = j;
  }
}

/// Whether two paths name the same file (so that --compare's report is not summed too).
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a != "-" && b != "-" && std::filesystem::equivalent(a, b, ec) && !ec;
}

int run_aggregate(const Options& o, std::ostream& out, std::ostream& err) {
  const bool diagnostics = !o.compare.empty() || !o.expect.empty();
  choose<std::string>("aggregate target (--to)", o.to,
                      {{"json", "json"}, {"csv", "csv"}, {"text", "text"}});
  headers_of(o);
  const Emission emission = emission_of(o);
  const auto templates = load_templates(o);
  const auto catalog = rule_catalog(templates);
  const RuleSelection selection(o, catalog);

  // The units list and the district's own report are read first: a problem there is exit 2
  // before any work.
  std::vector<rules::aggregate::Unit> units;
  std::string units_text;
  if (!o.expect.empty()) {
    auto text = io::read_file(o.expect);
    if (!text) {
      throw UsageError{fmt::format("{}: {}", o.expect, text.error().message)};
    }
    units_text = std::move(*text);
    units = rules::aggregate::parse_units(units_text);
  }
  std::optional<emit::ReportResult> own;
  if (!o.compare.empty()) {
    own = process(o.compare, templates, o);
    if (!own || !own->readable) {
      throw UsageError{
          fmt::format("{}: {}", o.compare, own ? own->read_error : "not a report document")};
    }
  }

  // One running total per template; the reports themselves are dropped as they are added.
  std::map<std::string, rules::aggregate::Accumulator> sums;
  std::vector<std::pair<std::string, std::string>> sources; // source, template, in input order
  std::vector<rules::aggregate::Present> present;
  std::vector<std::string> unreadable;
  std::vector<std::string> not_read; // read, but with a table extraction could not read
  const BatchInputs inputs = read_batch(o, templates, err, [&](emit::ReportResult&& r) {
    if (!r.readable) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, r.read_error);
      unreadable.push_back(r.source);
      return;
    }
    if (own && same_file(r.source, o.compare)) {
      err << fmt::format("xxgk: note: {}: the report given to --compare is not summed\n", r.source);
      return;
    }
    if (const auto missing = unread_tables(r); !missing.empty()) {
      // Summing a report without its tables would count its cells as zeros.
      err << fmt::format("xxgk: warning: {}: {} could not be read; not summed\n", r.source,
                         fmt::join(missing, "、"));
      not_read.push_back(r.source);
      return;
    }
    auto it = sums.find(r.tmpl->id);
    if (it == sums.end()) {
      it = sums.emplace(r.tmpl->id, rules::aggregate::Accumulator(*r.tmpl)).first;
    }
    auto notes = it->second.add(r.report, r.source);
    if (o.quiet) {
      std::erase_if(notes, [](const rules::aggregate::Note& n) {
        return n.kind != rules::aggregate::Note::Kind::Overflow;
      });
    }
    write_sum_notes(notes, err);
    sources.emplace_back(r.source, r.tmpl->id);
    if (r.report.agency && !r.report.agency->empty()) {
      present.push_back({*r.report.agency, r.source});
    }
  });
  if (io::interrupted()) {
    return k_exit_usage; // run() turns it into 130/143
  }

  // The template of the sum: --template, else the district report's, else the one most reports
  // have (the first report's on a tie).
  std::string chosen = o.template_id;
  if (chosen.empty() && own) {
    chosen = own->tmpl->id;
  }
  if (chosen.empty() && !sources.empty()) {
    chosen = sources.front().second;
    for (const auto& [id, acc] : sums) {
      if (acc.count() > sums.at(chosen).count()) {
        chosen = id;
      }
    }
  }
  const auto picked = sums.find(chosen);
  int excluded = 0;
  for (const auto& [source, id] : sources) {
    if (id != chosen) {
      ++excluded;
      if (o.quiet) {
        continue;
      }
      err << fmt::format("xxgk: warning: {}: a {} report, not of the {} template of the sum; not "
                         "summed\n",
                         source, id, chosen);
    }
  }
  const int summed = picked == sums.end() ? 0 : picked->second.count();
  if (!o.quiet) {
    err << fmt::format("xxgk: summed {} {} ({} template); left out: {} of another template, {} "
                       "unreadable{}\n",
                       summed, summed == 1 ? "report" : "reports", chosen.empty() ? "no" : chosen,
                       excluded, unreadable.size(),
                       not_read.empty()
                           ? std::string()
                           : fmt::format(", {} with tables not read", not_read.size()));
  }
  excluded += static_cast<int>(not_read.size());
  const bool broken = !inputs.inputs.problems.empty() || !unreadable.empty() ||
                      (picked != sums.end() && picked->second.overflowed());
  if (inputs.inputs.expanded && !o.quiet) {
    write_not_reports(inputs, err);
  }
  if (summed == 0) {
    if (o.allow_empty && !broken && excluded == 0) {
      err << "xxgk: note: no report to sum (--allow-empty): nothing written\n";
      return k_exit_clean;
    }
    err << fmt::format("xxgk: error: no report to sum in {}{}\n", fmt::join(o.paths, ", "),
                       o.allow_empty ? "" : " (--allow-empty accepts this)");
    return k_exit_usage;
  }
  const rules::aggregate::Accumulator& acc = picked->second;
  const report::Report total = acc.total();

  if (!diagnostics) {
    if (o.to == "json") {
      out << emit::report_json(total, acc.tmpl()).dump(2) << "\n";
    } else if (o.to == "csv") {
      emit::ReportResult r;
      r.source = total.source;
      r.report = total;
      r.tmpl = &acc.tmpl();
      emit::write_report_csv_header(out, headers_of(o));
      emit::write_report_csv_row(r, out);
    } else {
      emit::write_text_report(total, acc.tmpl(), out);
    }
    return broken ? k_exit_usage : excluded > 0 ? k_exit_findings : k_exit_clean;
  }

  // --compare / --expect: findings, written like those of `check`.
  emit::Batch batch;
  batch.rules = catalog;
  if (own) {
    if (own->tmpl->id != acc.tmpl().id) {
      throw UsageError{fmt::format("{}: a {} report cannot be compared with a sum of {} reports",
                                   own->source, own->tmpl->id, acc.tmpl().id)};
    }
    own->diagnostics = rules::aggregate::compare(own->report, total, acc.count(), acc.tmpl());
    selection.apply(*own, batch.rules);
    own->rules_checked.clear();
    batch.reports.push_back(std::move(*own));
  }
  if (!o.expect.empty()) {
    emit::ReportResult list;
    list.source = o.expect;
    list.tmpl = &acc.tmpl();
    list.report.format = "units-list";
    list.report.template_id = acc.tmpl().id;
    list.text = std::move(units_text);
    list.diagnostics = rules::aggregate::check_units(units, present, o.expect);
    selection.apply(list, batch.rules);
    list.rules_checked.clear();
    diag::sort_diagnostics(list.diagnostics);
    batch.reports.push_back(std::move(list));
  }
  emission.format->write(batch, emission.oo, out);
  if (broken) {
    return k_exit_usage;
  }
  return exit_code(batch.reports, o, emission.fail_on, err);
}

enum class DocFormat { Text, Markdown, Json };

DocFormat doc_format(const Options& o, bool json_allowed) {
  std::vector<std::pair<std::string, DocFormat>> choices = {{"text", DocFormat::Text},
                                                            {"markdown", DocFormat::Markdown}};
  if (json_allowed) {
    choices.emplace_back("json", DocFormat::Json);
  }
  return choose("format (--format)", o.format, choices);
}

int run_rules(const Options& o, std::ostream& out) {
  const DocFormat format = doc_format(o, true);
  const emit::Lang lang = lang_of(o);
  const auto catalog = rule_catalog(load_templates(o));
  switch (format) {
  case DocFormat::Markdown:
    emit::write_rules_markdown(catalog, lang, out);
    break;
  case DocFormat::Json:
    emit::write_rules_json(catalog, out);
    break;
  case DocFormat::Text:
    emit::write_rule_table(catalog, lang, out);
    break;
  }
  return k_exit_clean;
}

/// `xxgk explain RULE…`: an exact ID, or a prefix that explains every rule it matches.
int run_explain(const Options& o, std::ostream& out) {
  const DocFormat format = doc_format(o, false);
  const emit::Lang lang = lang_of(o);
  const auto catalog = rule_catalog(load_templates(o));
  std::vector<const emit::RuleInfo*> picked;
  for (const auto& as_given : o.paths) {
    const std::string given = rule_id_case(as_given);
    std::vector<const emit::RuleInfo*> matches;
    for (const auto& r : catalog) {
      if (r.id == given) {
        matches = {&r};
        break;
      }
      if (r.id.starts_with(given)) {
        matches.push_back(&r);
      }
    }
    if (matches.empty()) {
      std::vector<std::string> ids;
      for (const auto& r : catalog) {
        ids.push_back(r.id);
      }
      throw UsageError{fmt::format("unknown rule '{}'{}; 'xxgk rules' lists the rules", given,
                                   suggestion(given, ids))};
    }
    picked.insert(picked.end(), matches.begin(), matches.end());
  }
  for (std::size_t i = 0; i < picked.size(); ++i) {
    if (i > 0) {
      out << (format == DocFormat::Markdown ? "\n" : "\n\n");
    }
    if (format == DocFormat::Markdown) {
      emit::write_explain_markdown(*picked[i], lang, out);
    } else {
      emit::write_explain_text(*picked[i], lang, out);
    }
  }
  return k_exit_clean;
}

int dispatch(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.command) {
  case Command::Check:
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    return run_check(options, out, err);
  case Command::Convert:
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    return run_convert(options, out, err);
  case Command::Aggregate:
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    return run_aggregate(options, out, err);
  case Command::Fix: {
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    const auto templates = load_templates(options);
    return run_fix(
        options, templates,
        [&](const std::function<void(emit::ReportResult &&)>& each) {
          const BatchInputs b = read_batch(options, templates, err, each);
          return b.inputs.problems.empty();
        },
        out, err);
  }
  case Command::Rules:
    return run_rules(options, out);
  case Command::Explain:
    if (options.paths.empty()) {
      throw UsageError{"which rule? (xxgk explain RULE; 'xxgk rules' lists them)"};
    }
    return run_explain(options, out);
  }
  return k_exit_usage;
}

} // namespace

std::vector<std::pair<std::string, std::string>> output_formats() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : emit::formats()) {
    out.emplace_back(f.name, f.description);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> limit_names() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : document::limit_infos()) {
    // As --limit takes them: 256M rather than 268435456.
    std::string value = std::to_string(l.default_value);
    for (const auto& [shift, suffix] : {std::pair{30, "G"}, {20, "M"}, {10, "K"}}) {
      const std::size_t unit = std::size_t{1} << shift;
      if (l.default_value >= unit && l.default_value % unit == 0) {
        value = fmt::format("{}{}", l.default_value / unit, suffix);
        break;
      }
    }
    out.emplace_back(std::string(l.name), fmt::format("{} (default {})", l.description, value));
  }
  return out;
}

int run(const Options& given, std::ostream& out, std::ostream& err) {
  // An interrupt (SIGINT/SIGTERM, io/signals.hpp) stops the batch between reports; the run then
  // writes no output file and exits 130 or 143.
  const auto interrupted = [&err] {
    err << "xxgk: interrupted\n";
    return io::interrupt_exit_code();
  };
  try {
    Options options = given;
    if (!options.input_format.empty()) {
      // Checked before any input is read: a misspelt name is one usage error, not one per file.
      std::vector<std::pair<std::string, std::string>> forms;
      for (const auto& f : document::input_formats()) {
        forms.emplace_back(f, f);
      }
      choose("input format (--input-format)", options.input_format, forms);
    }
    for (const auto& assignment : given.limits) {
      if (auto set = document::set_limit(options.read_limits, assignment); !set) {
        throw UsageError{fmt::format("--limit: {}", set.error().message)};
      }
    }
    if (options.command == Command::Check && options.fix) {
      // check --fix -o DIR: the fixed copies go into DIR (the changes listed on stderr), then the
      // inputs are checked as usual, the findings on stdout.
      if (options.output.empty()) {
        throw UsageError{"check --fix writes the fixed copies into a directory: give -o DIR"};
      }
      Options fixing = options;
      fixing.command = Command::Fix;
      fixing.format = "text";
      const int fixed = dispatch(fixing, err, err);
      if (io::interrupted()) {
        return interrupted();
      }
      Options checking = options;
      checking.output.clear();
      const int code = dispatch(checking, out, err);
      return io::interrupted() ? interrupted() : std::max(code, fixed);
    }
    if (options.output.empty() || options.command == Command::Fix) { // fix: -o is the copy
      const int code = dispatch(options, out, err);
      return io::interrupted() ? interrupted() : code;
    }
    // -o: the output goes into a temporary file as it is written (memory does not grow with it)
    // and is renamed into place only when the run got to its end: a usage error or an interrupt
    // leaves no file.
    auto file = io::AtomicFile::create(options.output);
    if (!file) {
      throw UsageError{fmt::format("{}: {}", options.output, file.error().message)};
    }
    const int code = dispatch(options, (*file)->stream(), err);
    if (io::interrupted()) {
      return interrupted();
    }
    if (auto w = (*file)->commit(); !w) {
      if (io::interrupted()) {
        return interrupted();
      }
      throw UsageError{fmt::format("{}: {}", options.output, w.error().message)};
    }
    return code;
  } catch (const UsageError& e) {
    err << "xxgk: error: " << e.message << "\n";
    return k_exit_usage;
  }
}

} // namespace xxgk::app
