#pragma once
// Tables drawn without ruling lines, rebuilt from word positions (internal to src/document/pdf/).
//
// Only the lines between a recognisable table start and the table's last row of figures are
// clustered: a start is a line whose leading label is a table header of the template (the short
// list in word_parts.hpp, the one place this reader knows template text: document/ cannot see the
// schema); the span ends before prose, a section heading, a big gap, a lattice table or the start
// of another table. Words are grouped into columns by their x-gaps and into rows by the lines of
// figures; a table whose rows do not have a consistent count of columns is not accepted, and its
// lines stay paragraphs.

#include "lattice.hpp"
#include "text_lines.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace xxgk::document::pdf {

/// A text line in reading order (pages in turn), or a barrier (`line` null: a lattice table).
struct SeqLine {
  const Line* line = nullptr;
  int page = 0;
  std::string text;
};

/// A table found in the lines `first`..`last` (inclusive) of the sequence.
struct WordTable {
  std::size_t first = 0;
  std::size_t last = 0;
  LTable table;
  std::vector<int> row_pages; ///< each row's page
};

/// The word-position tables in `lines`; `text_width` is the width of the page's text column.
std::vector<WordTable> find_word_tables(const std::vector<SeqLine>& lines, double text_width);

} // namespace xxgk::document::pdf
