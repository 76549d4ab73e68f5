#pragma once
// What a run produced for each input, handed to the emitters.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/rules/catalog.hpp>
#include <xxgk/schema/schema.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::emit {

struct ReportResult {
  std::string source;
  bool readable = true;
  std::string read_error; ///< when !readable
  report::Report report;
  const schema::Template* tmpl = nullptr;
  std::vector<diag::Diagnostic> diagnostics; ///< sorted
  std::string text; ///< decoded input text (text forms; for source excerpts), may be empty
  /// Instead of `text` (late findings): the pieces of its lines the excerpts show, by line.
  std::vector<diag::SourceWindow> windows;
  std::string form; ///< the document's form (document::Document::format); "" for report data
  /// IDs of the rules this report was checked against after selection (JUnit: one testcase each).
  std::vector<std::string> rules_checked;

  [[nodiscard]] int count(diag::Severity s) const;
};

/// One rule as the catalogue (rules/catalog.hpp) describes it.
using RuleInfo = rules::RuleInfo;

/// Everything one `check` run hands to an emitter.
struct Batch {
  std::vector<ReportResult> reports;
  std::vector<RuleInfo> rules; ///< every known rule, in listing order
  int baselined = 0;           ///< findings suppressed by --baseline
  int hidden = 0;              ///< warnings and infos left out by --quiet

  /// The catalogue entry of a rule ID, or nullptr.
  [[nodiscard]] const RuleInfo* rule(std::string_view id) const;
};

struct Summary {
  int reports = 0;
  int unreadable = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int reports_with_errors = 0;
  int reports_with_warnings = 0;
  int clean = 0;
};
Summary summarize(const std::vector<ReportResult>& results);

/// A fingerprint of a finding that survives unrelated edits of the report: a hash of the rule,
/// the cells involved (model paths, not lines) and the report's normalized agency and year; for
/// findings without cells, their table/row/column names and message. 16 hex digits.
std::string fingerprint(const ReportResult& report, const diag::Diagnostic& d);

} // namespace xxgk::emit
