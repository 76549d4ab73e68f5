#include "streams.hpp"

#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/results.hpp>
#include <xxgk/emit/xlsx.hpp>
#include <xxgk/util/hash.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace xxgk::emit {

int ReportResult::count(diag::Severity s) const {
  return static_cast<int>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [s](const diag::Diagnostic& d) { return d.severity == s; }));
}

const RuleInfo* find_rule(const std::vector<RuleInfo>& rules, std::string_view id) {
  const auto it =
      std::find_if(rules.begin(), rules.end(), [id](const RuleInfo& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
}

const RuleInfo* Batch::rule(std::string_view id) const {
  return find_rule(rules, id);
}

Totals totals_of(const Batch& batch) {
  Totals t;
  t.summary = summarize(batch.reports);
  t.baselined = batch.baselined;
  t.hidden = batch.hidden;
  return t;
}

Summary summarize(const std::vector<ReportResult>& results) {
  Summary s;
  for (const auto& r : results) {
    ++s.reports;
    if (!r.readable) {
      ++s.unreadable;
      continue;
    }
    const int e = r.count(diag::Severity::Error);
    const int w = r.count(diag::Severity::Warning);
    s.errors += e;
    s.warnings += w;
    s.infos += r.count(diag::Severity::Info);
    if (e > 0) {
      ++s.reports_with_errors;
    }
    if (w > 0) {
      ++s.reports_with_warnings;
    }
    if (e == 0 && w == 0) {
      ++s.clean;
    }
  }
  return s;
}

namespace {

std::string base_name(std::string_view path) {
  const auto slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

} // namespace

std::string fingerprint(const ReportResult& r, const diag::Diagnostic& d) {
  // The report is identified by what it says about itself, so that renaming or moving the file,
  // or editing other parts of it, keeps its fingerprints.
  std::string identity;
  if (r.report.agency || r.report.year) {
    identity = fmt::format("{}|{}", r.report.agency ? util::label_key(*r.report.agency) : "",
                           r.report.year ? std::to_string(*r.report.year) : "");
  } else {
    identity = base_name(r.source);
  }
  std::string key = "xxgk-v1|" + d.rule + "|" + identity + "|";
  if (!d.cells.empty()) {
    std::vector<std::string> cells = d.cells;
    std::sort(cells.begin(), cells.end());
    key += fmt::format("{}", fmt::join(cells, ","));
  } else {
    const auto& w = d.location;
    key += w.table_name + "|" + w.row_label + "|" + w.column_label + "|" + d.message;
  }
  return fmt::format("{:016x}", util::fnv1a(key));
}

const std::vector<Format>& formats() {
  static const std::vector<Format> k_formats = {
      {"text", "compiler-style lines with source excerpts and a summary (default)", write_text,
       text_stream},
      {"json", "one JSON document for all reports", write_json, json_stream},
      {"sarif", "SARIF 2.1.0 (GitHub code scanning, IDEs)", write_sarif},
      {"junit", "JUnit XML (Jenkins, GitLab test reports)", write_junit},
      {"github", "GitHub Actions annotations and a job summary", write_github, github_stream},
      {"gitlab", "GitLab Code Quality JSON", write_gitlab, gitlab_stream},
      {"csv", "one CSV row per finding", write_csv, csv_stream},
      {"html", "one self-contained HTML page with the tables highlighted", write_html},
      {"xlsx", "an Excel workbook: the findings as a sheet with filters (needs -o or a redirect)",
       write_xlsx},
  };
  return k_formats;
}

namespace {

/// For formats that need the whole batch first: keeps each result (without its source text) and
/// writes everything in finish(), with the late findings merged into their reports as if they had
/// been found with the rest.
class BufferingStream : public Stream {
public:
  BufferingStream(Writer write, const std::vector<RuleInfo>& rules, const OutputOptions& options,
                  std::ostream& out)
      : m_write(write), m_options(options), m_out(out) {
    m_batch.rules = rules;
  }

  void report(const ReportResult& result) override {
    m_batch.reports.push_back(result);
    m_batch.reports.back().text = std::string(); // no writer of this kind shows source lines
  }

  void finish(LateSequence& late, const Totals& totals) override {
    while (const LateFindings* l = late.next()) {
      if (l->index >= m_batch.reports.size()) {
        continue;
      }
      auto& r = m_batch.reports[l->index];
      r.diagnostics.insert(r.diagnostics.end(), l->result.diagnostics.begin(),
                           l->result.diagnostics.end());
      diag::sort_diagnostics(r.diagnostics);
    }
    m_batch.baselined = totals.baselined;
    m_batch.hidden = totals.hidden;
    m_write(m_batch, m_options, m_out);
  }

private:
  Writer m_write;
  OutputOptions m_options;
  std::ostream& m_out;
  Batch m_batch;
};

} // namespace

std::unique_ptr<Stream> make_stream(const Format& format, const std::vector<RuleInfo>& rules,
                                    const OutputOptions& options, std::ostream& out) {
  if (format.stream != nullptr) {
    return format.stream(rules, options, out);
  }
  return std::make_unique<BufferingStream>(format.write, rules, options, out);
}

const Format* find_format(std::string_view name) {
  for (const auto& f : formats()) {
    if (f.name == name) {
      return &f;
    }
  }
  return nullptr;
}

} // namespace xxgk::emit
