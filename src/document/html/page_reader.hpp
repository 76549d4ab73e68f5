#pragma once
// The page reader (page_reader.cpp): walks the parsed tree into paragraphs and tables
// (page_walk.cpp), then keeps the report's part of the page (page_choose.cpp).

#include "dom.hpp"
#include "parse.hpp"

#include <xxgk/document/model.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace xxgk::document::html {

/// A block as read from the whole page, with the element it came from, before the report's
/// part of the page is chosen.
struct RawBlock {
  Block block;
  const xmlNode* anchor = nullptr;
  bool link = false; ///< a paragraph whose text is mostly link text
};

constexpr int k_max_depth = 512; // libxml2 stops nesting at 256
constexpr std::size_t k_max_title = 80;
constexpr std::size_t k_title_lookback = 20;

bool has_year(std::string_view text);

/// A report title: short, naming a year and a 报告 or 年报.
bool looks_like_title(std::string_view text);

/// Whether a cell holds a label only the report tables have.
bool is_report_label(std::string_view text);

class Reader {
public:
  Reader(std::string_view source, const SourcePositions& positions)
      : m_source(source), m_positions(positions), m_lines(source) {}

  Document read(const xmlDoc* doc);

private:
  enum class Flush {
    Soft,  ///< a block starts: only text already there makes a paragraph
    End,   ///< a block ends: an empty block is an empty cell line
    Break, ///< <br>: always a line
  };

  /// The paragraph (or cell line) being collected.
  struct Pending {
    std::string raw;
    std::optional<std::size_t> offset; ///< where its first visible text is
    std::size_t chars = 0;
    std::size_t link_chars = 0;
    bool opened = false; ///< a block element started it and nothing ended it yet
  };

  // --- locations

  [[nodiscard]] std::optional<std::size_t> start_of(const xmlNode* n) const;

  [[nodiscard]] SourceLocation location_of(const xmlNode* n) const;

  /// Skips white space, &nbsp; references and conditional markers in the source from `pos`, to
  /// where the visible text of a text node starts.
  [[nodiscard]] std::size_t skip_blank_source(std::size_t pos) const;

  // --- walking

  bool is_prefixed(const xmlNode* n) const { return m_positions.prefixed.contains(n); }

  void walk_children(const xmlNode* n, int depth);

  void walk(const xmlNode* n, int depth);

  void read_text_node(const xmlNode* n);

  void flush(Flush kind);

  /// A table that holds tables, or has a single cell, lays out the page: its cells are read as
  /// body content.
  bool is_layout_table(const xmlNode* table) const;

  bool holds_table(const xmlNode* n, int depth) const;

  void read_table(const xmlNode* n, int depth);

  /// Word's "Save as HTML" ends tables with <tr height=0> of empty cells (inside
  /// <![if !supportMisalignedColumns]>) that only carries column widths.
  static bool is_misaligned_columns_row(const xmlNode* tr, const Row& row);

  std::string cell_text(const xmlNode* cell, int depth, SourceLocation& where);

  // --- the report's part of the page

  static bool is_inside(const xmlNode* n, const xmlNode* ancestor);

  static bool is_core_hit(const RawBlock& b);

  static bool is_title_block(const RawBlock& b);

  static std::size_t visible_chars(const RawBlock& b);

  bool is_chrome_cached(const xmlNode* n);

  /// The deepest element holding every report heading and table (the whole page without any),
  /// its blocks without the site chrome inside it, and the title before it.
  std::vector<RawBlock> choose(const xmlNode* root);

  /// Whether chrome lies between `n` (included) and `container` (excluded).
  template <class Chrome>
  static bool in_chrome_below(const xmlNode* n, const xmlNode* container, Chrome& chrome) {
    for (; n != nullptr && n != container; n = n->parent) {
      if (chrome(n)) {
        return true;
      }
    }
    return false;
  }

  static const xmlNode* common_ancestor(const std::vector<const xmlNode*>& nodes);

  /// <title>, up to a site suffix ("…年度报告_某某县人民政府"), when it names the report.
  std::optional<RawBlock> page_title(const xmlNode* root) const;

  std::string_view m_source;
  const SourcePositions& m_positions;
  SourceLines m_lines;
  std::vector<RawBlock> m_blocks;
  Pending m_pending;
  const xmlNode* m_anchor = nullptr;
  int m_heading = 0;
  int m_link = 0;
  std::vector<std::string>* m_cell_lines = nullptr; ///< set while reading a table cell
  std::optional<std::size_t> m_cell_offset;         ///< the cell's first visible text
  std::unordered_map<const xmlNode*, bool> m_chrome;
};

} // namespace xxgk::document::html
