#pragma once
// Tables from ruling lines (internal to src/document/pdf/): the ruling lines of a page fall into
// connected groups (horizontal and vertical lines that cross); each group with at least two cells
// is a lattice: its distinct line positions, snapped within k_snap, cut it into a grid, and two
// neighbouring grid cells with no line between them are one merged cell (a span). A table left
// open at the bottom or top of a page (its vertical lines run past the last horizontal one) is
// closed where its vertical lines end. The grid types are shared with the word-position tables
// (words.hpp), so that both join across pages and become document tables the same way.

#include "layout.hpp"

#include <optional>
#include <string>
#include <vector>

namespace xxgk::document::pdf {

/// Line positions closer than this (points) are one line; a line reaching within it of another
/// touches it.
constexpr double k_snap = 3.0;

struct LCell {
  int c0 = 0; ///< first grid column (index into the table's xs)
  int c1 = 0; ///< one past the last
  int row_span = 1;
  bool continuation = false;
  std::vector<const Glyph*> glyphs;
  std::string text;
};

struct LTable {
  std::vector<double> xs;
  std::vector<double> ys;
  std::vector<std::vector<LCell>> rows;
  int page = 0;
  double top = 0;
  double bottom = 0;
  double left = 0;
  double right = 0;
};

/// The lattice tables of a page's ruling lines, top down.
std::vector<LTable> find_tables(const std::vector<Segment>& segments, int page);

/// Puts a character into the cell holding its centre; false when it is in no table.
bool place(std::vector<LTable>& tables, const Glyph& g);

/// The text of a cell from the characters placed in it.
std::string cell_text(const LCell& cell);

/// Maps each of `next`'s column positions to one of `prev`'s; nullopt unless every one lines up
/// and both tables end at the same right edge. `next` may start further right: a browser does
/// not draw, on the next page, a column whose cell spans rows across the break.
std::optional<std::vector<int>> column_map(const LTable& prev, const LTable& next);

/// Appends `next` (the same table on the next page) to `prev`; returns the rows added (0: not
/// joined, `prev` unchanged).
std::size_t append_table(LTable& prev, LTable&& next, const std::vector<int>& map);

/// The document table of a grid table; `row_pages` gives each row's page.
Table to_table(const LTable& t, int table_index, std::vector<int> row_pages);

} // namespace xxgk::document::pdf
