// `xxgk convert`: every input read (a document extracted, or xxgk's own JSON and CSV read as it
// is), carried over to another template when --template asks, and written as one of the --to
// targets, which are listed once in the table below.

#include "commands.hpp"
#include "messages.hpp"
#include "options.hpp"
#include "pipeline.hpp"
#include "report_data.hpp"
#include "tallies.hpp"
#include <xxgk/rules/catalog.hpp>

#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/report_rows.hpp>
#include <xxgk/emit/xlsx.hpp>
#include <xxgk/report/fields.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace xxgk::app {

namespace {

/// What a --to target writes from: the run's options, its reports and how the run went so far.
struct Converted {
  const Options& o;
  const std::vector<schema::Template>& templates;
  const BatchInputs& inputs;
  const std::vector<emit::ReportResult>& results;
  emit::Lang lang;
  report::Headers headers;
  int retargeted;      ///< retarget()'s exit code
  bool any_unreadable; ///< some input could not be read
};

/// Writes the run's reports; returns the exit code.
using TargetWriter = int (*)(const Converted& c, std::ostream& out, std::ostream& err);

/// One `--to` value of `convert`.
struct Target {
  std::string_view name;
  std::string_view description; ///< for --help
  bool binary;                  ///< needs -o or a redirect, not a terminal
  TargetWriter write;
};

/// The exit code of the data targets (json, csv, jsonl) once their reports are written.
int data_exit(const Converted& c) {
  const auto& results = c.results;
  for (const auto& r : results) {
    if (!r.readable) {
      return k_exit_usage;
    }
  }
  if (!c.inputs.inputs.problems.empty()) {
    return k_exit_usage;
  }
  // A report whose tables could not be read was converted without them: not a clean run.
  const bool tables_missing = std::any_of(results.begin(), results.end(),
                                          [](const auto& r) { return !unread_tables(r).empty(); });
  return tables_missing ? std::max(c.retargeted, k_exit_findings) : c.retargeted;
}

int write_json(const Converted& c, std::ostream& out, std::ostream& /*err*/) {
  nlohmann::ordered_json docs = nlohmann::ordered_json::array();
  for (const auto& r : c.results) {
    if (r.readable) {
      docs.push_back(emit::report_json(r.report, *r.tmpl));
    }
  }
  if (docs.size() == 1 && c.results.size() == 1) {
    out << docs.front().dump(2) << "\n";
  } else if (!docs.empty()) {
    out << docs.dump(2) << "\n";
  }
  return data_exit(c);
}

/// Batch forms: one row or line per readable report.
int write_rows(const Converted& c, std::ostream& out,
               void (*row)(const emit::ReportResult&, std::ostream&)) {
  for (const auto& r : c.results) {
    if (r.readable) {
      row(r, out);
    }
  }
  return data_exit(c);
}

int write_csv(const Converted& c, std::ostream& out, std::ostream& /*err*/) {
  emit::write_report_csv_header(out, c.headers);
  return write_rows(c, out, emit::write_report_csv_row);
}

int write_jsonl(const Converted& c, std::ostream& out, std::ostream& /*err*/) {
  return write_rows(c, out, emit::write_report_jsonl);
}

int write_xlsx(const Converted& c, std::ostream& out, std::ostream& /*err*/) {
  const auto& results = c.results;
  // One report given by name: the template's layout; a batch: a row per report.
  const auto catalog = rules::catalog(c.templates);
  util::Expected<std::string> bytes =
      util::Error::of(util::ErrorKind::NotAReport, {&msg::k_no_readable_report, {}});
  if (c.inputs.inputs.expanded || results.size() != 1) {
    bytes = emit::xlsx_report_rows(results, catalog, c.lang, c.headers);
  } else if (results.front().readable) {
    bytes = emit::xlsx_report(results.front(), catalog, c.lang);
  } else {
    return k_exit_usage; // said above
  }
  if (!bytes) {
    throw UsageError{bytes.error().text(c.lang)};
  }
  out << *bytes;
  return c.any_unreadable || !c.inputs.inputs.problems.empty() ? k_exit_usage : c.retargeted;
}

/// Writes one report as a document.
using DocumentWriter = int (*)(const emit::ReportResult& result, diag::Lang lang, std::ostream& out,
                               std::ostream& err);

/// The document targets: a document holds one report.
int write_document(const Converted& c, std::ostream& out, std::ostream& err, DocumentWriter write) {
  const auto& results = c.results;
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
                                   c.o.to, results.size())};
    }
    return k_exit_usage;
  }
  const int written = write(*readable.front(), c.lang, out, err);
  return written != k_exit_clean ? written
                                 : (c.inputs.inputs.problems.empty() ? c.retargeted : k_exit_usage);
}

int write_markdown(const Converted& c, std::ostream& out, std::ostream& err) {
  return write_document(c, out, err,
                        [](const emit::ReportResult& result, diag::Lang /*lang*/, std::ostream& o,
                           std::ostream& /*e*/) {
                          emit::write_markdown_report(result.report, *result.tmpl, o);
                          return k_exit_clean;
                        });
}

int write_text(const Converted& c, std::ostream& out, std::ostream& err) {
  return write_document(c, out, err,
                        [](const emit::ReportResult& result, diag::Lang /*lang*/, std::ostream& o,
                           std::ostream& /*e*/) {
                          emit::write_text_report(result.report, *result.tmpl, o);
                          return k_exit_clean;
                        });
}

int write_docx(const Converted& c, std::ostream& out, std::ostream& err) {
  return write_document(
      c, out, err,
      [](const emit::ReportResult& result, diag::Lang lang, std::ostream& o, std::ostream& e) {
        auto bytes = emit::docx_report(result.report, *result.tmpl);
        if (!bytes) {
          e << fmt::format("xxgk: error: {}: {}\n", result.source, bytes.error().text(lang));
          return k_exit_usage;
        }
        o << *bytes;
        return k_exit_clean;
      });
}

/// Every --to target, in the order --help and the usage error list them.
const std::vector<Target>& targets() {
  static const std::vector<Target> k_targets = {
      {"json", "the normalized report (docs/model.md)", false, write_json},
      {"csv", "one row per report, UTF-8 with BOM", false, write_csv},
      {"jsonl", "one JSON object per line", false, write_jsonl},
      {"markdown", "Markdown pipe tables", false, write_markdown},
      {"text", "the Tika text form", false, write_text},
      {"docx", "the template's tables in Word (needs -o or a redirect)", true, write_docx},
      {"xlsx",
       "Excel: one report as the template's tables, a batch as a row per report (needs -o or a "
       "redirect)",
       true, write_xlsx},
  };
  return k_targets;
}

} // namespace

std::vector<std::pair<std::string, std::string>> convert_targets() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : targets()) {
    out.emplace_back(t.name, t.description);
  }
  return out;
}

int run_convert(const Options& o, std::ostream& out, std::ostream& err) {
  std::vector<std::pair<std::string, const Target*>> choices;
  for (const auto& t : targets()) {
    choices.emplace_back(t.name, &t);
  }
  const Target& target = *choose("conversion target (--to)", o.to, choices);
  if (target.binary && o.output.empty() && o.stdout_is_tty) {
    throw UsageError{
        fmt::format("--to {} writes a binary file: give -o FILE (or redirect the output)", o.to)};
  }
  const emit::Lang lang = lang_of(o);
  const report::Headers headers = headers_of(o);
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
    write_not_reports(inputs, message_lang(o), err);
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
  return target.write({o, templates, inputs, results, lang, headers, retargeted, any_unreadable},
                      out, err);
}

} // namespace xxgk::app
