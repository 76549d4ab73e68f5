#pragma once
// What a run counts of its findings, and what it says about them at the end: the closing summary
// of a batch, the inputs passed over or unreadable, and the exit code.

#include "pipeline.hpp"

#include <xxgk/app/app.hpp>
#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/emit/emitters.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::app {

/// What a streamed `check` remembers of each report once it is written: one byte, which kinds of
/// findings it has (after --baseline, before --quiet: they decide the exit code and the closing
/// summary; the totals of the output, after --quiet, follow from them), with the counts of the
/// readable reports' findings summed; the findings per rule and the unreadable inputs.
struct Tally {
  /// Flags of a report in `found`.
  enum Kind : std::uint8_t {
    k_unreadable = 1,
    k_errors = 2,
    k_warnings = 4,
    k_infos = 8,
  };
  std::vector<std::uint8_t> found; ///< per report, before --quiet
  /// The findings of the readable reports, before --quiet.
  long long errors = 0;
  long long warnings = 0;
  long long infos = 0;

  /// Counts the findings of `r`, the report at `index` (read, or its late findings: a report may
  /// be added more than once).
  void add(std::size_t index, const emit::ReportResult& r);
  /// --quiet: a report's counts as written are then its errors alone (nothing else is kept per
  /// report for them).
  bool quiet = false;
  std::map<std::string, int> per_rule;
  std::vector<std::pair<std::string, std::string>> unreadable; ///< source, reason
  int baselined = 0;
  int hidden = 0;

  /// The totals of the output (emit::summarize of what was written).
  [[nodiscard]] emit::Totals totals() const;
};

/// The files passed over as not report documents, by name.
void write_not_reports(const BatchInputs& b, diag::Lang lang, std::ostream& err);

/// No report among the inputs is an error (a CI job pointed at the wrong folder must not pass),
/// unless --allow-empty. Returns whether the run may go on.
bool check_not_empty(std::size_t reports, const BatchInputs& b, const Options& o,
                     std::ostream& err);

/// The closing summary of a batch on stderr: counts, then the most frequent rules.
void write_batch_summary(const BatchInputs& b, const Tally& tally, diag::Lang lang,
                         std::ostream& err);

/// "xxgk: error: SOURCE: REASON" for each unreadable result.
void report_unreadable(const std::vector<emit::ReportResult>& results, std::ostream& err);

/// 2 when an input was unreadable; else 1 when a finding is at or above `fail_on` or there are
/// more warnings than --max-warnings (unless --exit-zero); else 0.
int exit_code(const std::vector<emit::ReportResult>& results, const Options& o,
              diag::Severity fail_on, std::ostream& err);

/// exit_code() from the counts a streamed run kept.
int exit_code(const Tally& tally, const Options& o, diag::Severity fail_on, std::ostream& err);

} // namespace xxgk::app
