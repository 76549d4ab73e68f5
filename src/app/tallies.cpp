// Tallies of findings, the closing summary of a batch and the exit code (tallies.hpp).

#include "tallies.hpp"

#include "messages.hpp"
#include "options.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace xxgk::app {

void Tally::add(std::size_t index, const emit::ReportResult& r) {
  if (index >= found.size()) {
    found.resize(index + 1);
  }
  std::uint8_t& flags = found[index];
  if (!r.readable) {
    flags |= k_unreadable; // its findings (a read error's) are not counted
    return;
  }
  const int e = r.count(diag::Severity::Error);
  const int w = r.count(diag::Severity::Warning);
  const int i = r.count(diag::Severity::Info);
  flags |= (e > 0 ? k_errors : 0) | (w > 0 ? k_warnings : 0) | (i > 0 ? k_infos : 0);
  errors += e;
  warnings += w;
  infos += i;
}

emit::Totals Tally::totals() const {
  emit::Totals t;
  t.baselined = baselined;
  t.hidden = hidden;
  auto& s = t.summary;
  s.errors = static_cast<int>(errors);
  // As written: --quiet leaves out everything but errors.
  s.warnings = quiet ? 0 : static_cast<int>(warnings);
  s.infos = quiet ? 0 : static_cast<int>(infos);
  for (std::uint8_t flags : found) {
    if (quiet) {
      flags &= ~(k_warnings | k_infos);
    }
    ++s.reports;
    if ((flags & k_unreadable) != 0) {
      ++s.unreadable;
      continue;
    }
    s.reports_with_errors += (flags & k_errors) != 0 ? 1 : 0;
    s.reports_with_warnings += (flags & k_warnings) != 0 ? 1 : 0;
    s.clean += (flags & (k_errors | k_warnings)) == 0 ? 1 : 0;
  }
  return t;
}

void write_not_reports(const BatchInputs& b, diag::Lang lang, std::ostream& err) {
  for (const auto& path : b.not_report_paths) {
    err << "xxgk: " << msg::text(lang, msg::k_skipped_not_report, {path}) << "\n";
  }
}

bool check_not_empty(std::size_t reports, const BatchInputs& b, const Options& o,
                     std::ostream& err) {
  if (reports > 0 || o.allow_empty) {
    return true;
  }
  const diag::Arg not_reports =
      b.not_reports == 0
          ? diag::Arg(std::string())
          : diag::nested({b.not_reports == 1 ? &msg::k_not_reports_one : &msg::k_not_reports_many,
                          {b.not_reports}});
  err << "xxgk: error: "
      << msg::text(message_lang(o), msg::k_no_report_found,
                   {fmt::format("{}", fmt::join(o.paths, ", ")), not_reports})
      << "\n";
  return false;
}

void write_batch_summary(const BatchInputs& b, const Tally& tally, diag::Lang lang,
                         std::ostream& err) {
  int clean = 0;
  int with_errors = 0;
  int with_warnings = 0;
  int unreadable = 0;
  for (const std::uint8_t flags : tally.found) {
    if ((flags & Tally::k_unreadable) != 0) {
      ++unreadable;
      continue;
    }
    clean += (flags & (Tally::k_errors | Tally::k_warnings)) == 0 ? 1 : 0;
    with_errors += (flags & Tally::k_errors) != 0 ? 1 : 0;
    with_warnings += (flags & Tally::k_warnings) != 0 ? 1 : 0;
  }
  const std::size_t reports = tally.found.size();
  const auto& per_rule = tally.per_rule;
  const std::size_t read = reports - static_cast<std::size_t>(unreadable);
  err << "xxgk: "
      << msg::text(lang, msg::k_checked,
                   {read, msg::counted(static_cast<long long>(read), "份报告", "report", "reports"),
                    clean, with_errors, with_warnings, unreadable})
      << "\n";
  const int skipped =
      b.not_reports + b.inputs.hidden_skipped + b.inputs.special_skipped + b.inputs.links_skipped;
  if (skipped > 0) {
    err << "xxgk: "
        << msg::text(lang, msg::k_skipped,
                     {skipped, b.not_reports, b.inputs.hidden_skipped, b.inputs.links_skipped,
                      b.inputs.special_skipped})
        << "\n";
  }
  write_not_reports(b, lang, err);
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
    err << "xxgk: "
        << msg::text(lang, msg::k_top_rules,
                     {diag::Arg::both(fmt::format("{}", fmt::join(parts, "，")),
                                      fmt::format("{}", fmt::join(parts, ", ")))})
        << "\n";
  }
}

namespace {

/// 1 when `failed` or there are more warnings than --max-warnings (said on `err`), unless
/// --exit-zero; else 0.
int failing_exit(bool failed, int warnings, const Options& o, std::ostream& err) {
  if (o.max_warnings >= 0 && warnings > o.max_warnings) {
    err << "xxgk: "
        << msg::text(
               message_lang(o), msg::k_max_warnings,
               {warnings, msg::counted(warnings, "条警告", "warning", "warnings"), o.max_warnings})
        << "\n";
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
  bool failed = false;
  for (const std::uint8_t flags : tally.found) {
    if ((flags & Tally::k_unreadable) != 0) {
      return k_exit_usage;
    }
    failed = failed || (flags & Tally::k_errors) != 0 ||
             (fail_on <= diag::Severity::Warning && (flags & Tally::k_warnings) != 0) ||
             (fail_on <= diag::Severity::Info && (flags & Tally::k_infos) != 0);
  }
  return failing_exit(failed, static_cast<int>(tally.warnings), o, err);
}

} // namespace xxgk::app
