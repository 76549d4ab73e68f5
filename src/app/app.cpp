#include <xxgk/app/app.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/rules/engine.hpp>
#include <xxgk/schema/schema.hpp>

#include <fmt/format.h>

#include <iostream>
#include <map>
#include <ostream>
#include <set>

namespace xxgk::app {

namespace {

/// Thrown for a fatal usage problem; run() turns it into "xxgk: error: …" and exit 2.
struct UsageError {
  std::string message;
};

util::Expected<std::string> read_input(const std::string& path) {
  if (path == "-") {
    std::string data;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > io::k_default_max_input) {
        return util::Error{"standard input is larger than the input limit"};
      }
    }
    return data;
  }
  return io::read_file(path);
}

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
      throw UsageError{fmt::format("unknown template '{}' (available: 2019, 2021)", o.template_id)};
    }
    out = std::move(picked);
  }
  return out;
}

emit::ReportResult process(const std::string& path, const std::vector<schema::Template>& templates,
                           const Options& o) {
  emit::ReportResult result;
  result.source = path == "-" ? "<stdin>" : path;
  auto bytes = read_input(path);
  if (!bytes) {
    result.readable = false;
    result.read_error = bytes.error().message;
    return result;
  }
  document::ReadOptions ro;
  ro.input_format = o.input_format;
  ro.encoding = o.encoding;
  auto doc = document::read(*bytes, ro);
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
  if (doc->format.rfind("text", 0) == 0 || doc->format == "markdown") {
    // Text forms: keep the decoded text for source excerpts.
    result.text = doc->source_text;
  }
  return result;
}

int exit_code(const std::vector<emit::ReportResult>& results) {
  bool errors = false;
  for (const auto& r : results) {
    if (!r.readable) {
      return k_exit_usage;
    }
    errors = errors || r.count(diag::Severity::Error) > 0;
  }
  return errors ? k_exit_findings : k_exit_clean;
}

void report_unreadable(const std::vector<emit::ReportResult>& results, std::ostream& err) {
  for (const auto& r : results) {
    if (!r.readable) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, r.read_error);
    }
  }
}

int run_check(const Options& o, std::ostream& out, std::ostream& err) {
  const auto templates = load_templates(o);
  std::vector<emit::ReportResult> results;
  for (const auto& p : o.paths) {
    results.push_back(process(p, templates, o));
  }
  report_unreadable(results, err);
  if (o.format == "json") {
    emit::write_json(results, out);
  } else {
    emit::TextOptions to;
    to.color = o.color == "always" || (o.color == "auto" && o.stdout_is_tty);
    emit::write_text(results, to, out);
  }
  return exit_code(results);
}

int run_convert(const Options& o, std::ostream& out, std::ostream& err) {
  const auto templates = load_templates(o);
  std::vector<emit::ReportResult> results;
  for (const auto& p : o.paths) {
    results.push_back(process(p, templates, o));
  }
  report_unreadable(results, err);
  // What extraction could not read is said on stderr, so that nothing is lost silently.
  for (const auto& r : results) {
    for (const auto& d : r.diagnostics) {
      if (d.rule.rfind("EXTRACT-", 0) == 0 || d.rule.rfind("READ-", 0) == 0) {
        err << fmt::format("xxgk: {}: {}: {} [{}]\n", diag::to_string(d.severity), r.source,
                           d.message, d.rule);
      }
    }
  }
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (const auto& r : results) {
    if (r.readable) {
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
  return k_exit_clean;
}

int run_rules(const Options& o, std::ostream& out) {
  const auto templates = load_templates(o);
  struct Entry {
    std::string severity;
    std::set<std::string> templates;
    std::string title;
    const schema::Rule* rule = nullptr;
  };
  std::map<std::string, Entry> rules;
  for (const auto& t : templates) {
    for (const auto& r : t.rules) {
      auto& e = rules[r.id];
      e.severity = std::string(diag::to_string(r.severity));
      e.templates.insert(t.id);
      e.title = r.title;
      e.rule = &r;
    }
  }
  if (o.format == "markdown") {
    // docs/rules.md is this output; a test fails when the file is out of date.
    out << "# Rules\n\nGenerated by `xxgk rules --format markdown` from `schemas/*.json` and the "
           "built-in extraction checks; do not edit by hand.\n\n";
    out << "| ID | severity | templates | title |\n|---|---|---|---|\n";
    for (const auto& [id, e] : rules) {
      out << fmt::format("| [{}](#{}) | {} | {} | {} |\n", id, id, e.severity,
                         fmt::join(e.templates, ", "), e.title);
    }
    for (const auto& b : extract::builtin_rules()) {
      out << fmt::format("| [{}](#{}) | {} | all | {} |\n", b.id, b.id, diag::to_string(b.severity),
                         b.title);
    }
    for (const auto& [id, e] : rules) {
      const schema::Rule& r = *e.rule;
      out << fmt::format("\n## {}\n\n**{}** ({}; templates {})\n\n{}\n", id, r.title,
                         e.severity, fmt::join(e.templates, ", "), r.description);
      if (!r.template_text.empty()) {
        out << fmt::format("\n- Template text: {}\n", r.template_text);
      }
      if (!r.fix.empty()) {
        out << fmt::format("- How to fix: {}\n", r.fix);
      }
      out << fmt::format("- Failing example: `samples/invalid/{}.txt`\n", id);
    }
    for (const auto& b : extract::builtin_rules()) {
      out << fmt::format("\n## {}\n\n**{}** ({}; built into extraction)\n\n{}\n\n"
                         "- Failing example: `samples/invalid/{}.txt`\n",
                         b.id, b.title, diag::to_string(b.severity), b.description, b.id);
    }
    return k_exit_clean;
  }
  out << fmt::format("{:<14} {:<8} {:<10} {}\n", "RULE", "SEVERITY", "TEMPLATES", "DESCRIPTION");
  for (const auto& [id, e] : rules) {
    out << fmt::format("{:<14} {:<8} {:<10} {}\n", id, e.severity,
                       fmt::format("{}", fmt::join(e.templates, ",")), e.title);
  }
  for (const auto& b : extract::builtin_rules()) {
    out << fmt::format("{:<14} {:<8} {:<10} {}\n", b.id, diag::to_string(b.severity), "all",
                       b.title);
  }
  return k_exit_clean;
}

} // namespace

int run(const Options& options, std::ostream& out, std::ostream& err) {
  try {
    if (options.command != Command::Rules && options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    switch (options.command) {
    case Command::Check:
      if (options.format != "text" && options.format != "json") {
        throw UsageError{fmt::format("unknown output format '{}' (text, json)", options.format)};
      }
      return run_check(options, out, err);
    case Command::Convert:
      if (options.to != "json") {
        throw UsageError{fmt::format("unknown conversion target '{}' (json)", options.to)};
      }
      return run_convert(options, out, err);
    case Command::Rules:
      return run_rules(options, out);
    }
  } catch (const UsageError& e) {
    err << "xxgk: error: " << e.message << "\n";
    return k_exit_usage;
  }
  return k_exit_usage;
}

} // namespace xxgk::app
