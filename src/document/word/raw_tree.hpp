#pragma once
// The raw tree the body walker builds; converted to the model once a table is complete (vertical
// merges and the grid need whole tables; nested tables become text of their cell).

#include <string>
#include <variant>
#include <vector>

namespace xxgk::document::word {

struct RawCell;

struct RawRow {
  std::vector<RawCell> cells;
  int grid_before = 0;
  int grid_after = 0;
  int xml_line = 0;
};

struct RawTable {
  std::vector<RawRow> rows;
  int grid_cols = 0;
  int xml_line = 0;
};

struct RawParagraph {
  std::string text;
  int xml_line = 0;
  bool mark_deleted = false; ///< tracked deletion of the paragraph mark: joins the next one
  int absorbed = 0;          ///< paragraphs merged into this one (for paragraph numbering)
};

using RawBlock = std::variant<RawParagraph, RawTable>;

enum class VMerge { None, Restart, Continue };

struct RawCell {
  std::vector<RawBlock> blocks;
  int span = 1;
  VMerge vmerge = VMerge::None;
  bool hmerge_continue = false;
  int xml_line = 0;
  long long offset = -1; ///< of the w:tc element in the parsed part
};

constexpr int k_max_span = 1000; // Word allows 63 columns; anything far beyond is crafted

} // namespace xxgk::document::word
