// Tallies of findings, the closing summary of a batch and the exit code (tallies.hpp).

#include "tallies.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xxgk::app {

emit::Totals Tally::totals() const {
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

void write_not_reports(const BatchInputs& b, std::ostream& err) {
  for (const auto& path : b.not_report_paths) {
    err << fmt::format("xxgk: skipped {}: not a report document\n", path);
  }
}

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

namespace {

/// 1 when `failed` or there are more warnings than --max-warnings (said on `err`), unless
/// --exit-zero; else 0.
int failing_exit(bool failed, int warnings, const Options& o, std::ostream& err) {
  if (o.max_warnings >= 0 && warnings > o.max_warnings) {
    err << fmt::format("xxgk: {} {}, more than --max-warnings {}\n", warnings,
                       warnings == 1 ? "warning" : "warnings", o.max_warnings);
    failed = true;
  }
  return failed && !o.exit_zero ? k_exit_findings : k_exit_clean;
}

} // namespace

void report_unreadable(const std::vector<emit::ReportResult>& results, std::ostream& err) {
  for (const auto& r : results) {
    if (!r.readable) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, r.read_error);
    }
  }
}

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
  return failing_exit(failed, warnings, o, err);
}

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
  return failing_exit(failed, warnings, o, err);
}

} // namespace xxgk::app
