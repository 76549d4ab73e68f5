#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/results.hpp>
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

const RuleInfo* Batch::rule(std::string_view id) const {
  const auto it =
      std::find_if(rules.begin(), rules.end(), [id](const RuleInfo& r) { return r.id == id; });
  return it == rules.end() ? nullptr : &*it;
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

/// FNV-1a, 64 bits: stable across platforms and releases, which is all a fingerprint needs.
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

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
  return fmt::format("{:016x}", fnv1a(key));
}

const std::vector<Format>& formats() {
  static const std::vector<Format> k_formats = {
      {"text", "compiler-style lines with source excerpts and a summary (default)", write_text},
      {"json", "one JSON document for all reports", write_json},
      {"sarif", "SARIF 2.1.0 (GitHub code scanning, IDEs)", write_sarif},
      {"junit", "JUnit XML (Jenkins, GitLab test reports)", write_junit},
      {"github", "GitHub Actions annotations and a job summary", write_github},
      {"gitlab", "GitLab Code Quality JSON", write_gitlab},
      {"csv", "one CSV row per finding", write_csv},
      {"html", "one self-contained HTML page with the tables highlighted", write_html},
  };
  return k_formats;
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
