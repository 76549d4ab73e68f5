#pragma once
// Splitting digit runs back into table cells (format.md §7 item 13).
//
// Scraped web text drops every cell separator: `一、本年新收政府信息公开申请数量640020470` is the
// row 64 | 0 | 0 | 2 | 0 | 4 | 70. The split is recovered from the template's arithmetic: a row's
// own identity first (six applicant columns sum to 总计; in 表四 each block's four results sum to
// its 总计), then the column identities of 表三 only to choose between the splits of rows that
// still have several. Pure functions; the work per row is bounded whatever the input.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document {

/// The arithmetic a row's cells must satisfy.
enum class RowIdentity {
  None,      ///< no identity (表二): only a split forced by the digits themselves is kept
  LastIsSum, ///< the last cell is the sum of the others (表三: six applicant columns → 总计)
  BlocksOf5, ///< every fifth cell is the sum of the four before it (表四)
};

/// What cells of a row may look like.
enum class CellSyntax {
  Count,  ///< a non-negative integer without leading zeros ("0", "12")
  Signed, ///< a count or a negative one ("-8"): 2019 表二 本年增/减
  Amount, ///< a non-negative decimal ("96171.6"): 表二 收费金额, 采购总金额
};

struct RunSpec {
  std::size_t cells = 0;
  RowIdentity identity = RowIdentity::None;
  /// Syntax of each cell; empty means Count for all.
  std::vector<CellSyntax> syntax;
};

struct RunSplits {
  /// The distinct splits that satisfy the syntax and the row identity (at most k_max_candidates).
  std::vector<std::vector<std::string>> candidates;
  /// For each candidate and cell: whether the cell came out of a longer run (not separated by
  /// white space in the input).
  std::vector<std::vector<bool>> recovered;
  /// The search stopped at its bound (too many splits or too much work): the row is ambiguous.
  bool gave_up = false;
  [[nodiscard]] bool unique() const { return !gave_up && candidates.size() == 1; }
};

/// More candidates than this make a row ambiguous without further search.
inline constexpr std::size_t k_max_candidates = 16;

/// Every split of `run` (digits, '-', separated by white space, which always separates cells)
/// into spec.cells cells. A run longer than 160 bytes is not split (gave_up).
RunSplits split_digit_run(std::string_view run, const RunSpec& spec);

/// Integer value of a Count or Signed cell text.
std::int64_t cell_value(std::string_view cell);

/// A column identity over rows: for every column, Σ lhs rows = Σ rhs rows.
struct ColumnEquation {
  std::vector<std::size_t> lhs;
  std::vector<std::size_t> rhs;
};

/// Chooses among the candidates of rows that have several, using the column equations: an
/// equation whose unsettled rows have few enough combinations keeps the combinations that make it
/// hold in every column; exactly one such combination settles those rows. A row with exactly one
/// candidate is never changed (so a real column error stays visible to the rules), and a row with
/// none (unreadable) blocks every equation it is in. `rows[i]` holds row i's candidates (cell
/// texts, all of one width). Returns, per row, the index of its candidate when settled.
/// Work is bounded: an equation with more than 4096 combinations is skipped.
std::vector<std::optional<std::size_t>>
choose_by_columns(const std::vector<std::vector<std::vector<std::string>>>& rows,
                  const std::vector<ColumnEquation>& equations);

} // namespace xxgk::document
