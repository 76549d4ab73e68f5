#pragma once
// Cross-document checks (issue 6): figures that must agree between reports of the same agency,
// across years or within one year. Pure: no I/O. A batch keeps one small Summary per report
// instead of the reports themselves.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::rules::cross {

/// One cell as the cross-document checks need it.
struct Figure {
  std::string value; ///< the number as a decimal literal; "" when blank or absent
  diag::SourceLocation where;
};

/// The few figures of one report that cross-document checks compare.
struct Summary {
  std::size_t index = 0; ///< the report's position in the batch
  std::string source;
  std::string template_id;
  int year = 0;
  std::string agency;     ///< as in the title
  std::string agency_key; ///< normalized: width folded, whitespace and brackets removed
  /// requests.carried_over.*, requests.carried_forward.*, active.{regulations,
  /// normative_documents}.{issued,repealed,in_force}
  std::map<std::string, Figure> figures;
  std::string fingerprint; ///< every cell value of the report, for X-DUP
  /// Hashes and lengths (code points) of the narrative paragraphs, for X-TEXT.
  std::vector<std::size_t> paragraph_hashes;
  std::vector<std::size_t> paragraph_chars;
  std::size_t narrative_chars = 0;
};

/// The summary of a report, or nothing when its title gives no year or no agency.
std::optional<Summary> summarize(const report::Report& report, std::size_t index);

/// The normalized agency name reports are grouped by.
std::string agency_key(std::string_view agency);

/// A finding of a cross-document check, attached to the report at `index` (the later year's).
struct Finding {
  std::size_t index = 0;
  diag::Diagnostic diagnostic;
};

/// Runs every cross-document check over the summaries of one batch; findings in a deterministic
/// order (by report index, then rule, then cell).
std::vector<Finding> check(const std::vector<Summary>& summaries);

/// A cross-document rule, for `xxgk rules` and `xxgk explain`.
struct RuleMeta {
  std::string_view id;
  diag::Severity severity;
  std::string_view title;
  std::string_view title_en;
  std::string_view description;
  std::string_view template_text;
  std::string_view fix;
};
const std::vector<RuleMeta>& rule_metas();

} // namespace xxgk::rules::cross
