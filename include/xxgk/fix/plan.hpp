#pragma once
// `xxgk fix`: which cells the template's arithmetic decides. Pure: a report and its template in,
// the list of changes out (docs/fix.md).

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/number.hpp>

#include <string>
#include <vector>

namespace xxgk::fix {

/// One cell to change.
struct Change {
  std::string path;     ///< model path, e.g. "requests.granted.total"
  std::string old_text; ///< the cell's text as read ("" when blank)
  bool was_blank = false;
  util::Number value;  ///< the new value
  std::string rule;    ///< the identity's rule that decided it, e.g. "T3-ROW"
  bool unsafe = false; ///< replaces a filled total (only with --unsafe)
  diag::SourceLocation where;
};

/// A total that disagrees with its parts and was left alone: why.
struct Refusal {
  std::string path;
  std::string rule;
  std::string reason;
  diag::SourceLocation where;
};

struct Plan {
  std::vector<Change> changes; ///< in template cell order
  std::vector<Refusal> refused;
};

/// Safe fixes: a blank or placeholder cell that an identity determines from its other cells
/// (blank cells counting as 0, as the rules count them), kept only when every identity the cell is
/// in then holds. Blank parts of a total that equals the sum of its filled parts become 0.
/// With `unsafe`: a filled total that disagrees with its parts is replaced by their sum when every
/// other identity it is in then holds. Never a part from a total; never a cell on which two
/// identities disagree.
Plan plan(const report::Report& report, const schema::Template& tmpl, bool unsafe);

/// Writes the planned values into `report` (cells become numbers).
void apply(report::Report& report, const Plan& plan);

} // namespace xxgk::fix
