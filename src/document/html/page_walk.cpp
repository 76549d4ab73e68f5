// Walking a parsed page into blocks: paragraphs from block elements and line breaks, tables
// from rows and cells, hidden elements and non-content skipped (see html_reader.hpp).

#include "page_reader.hpp"

#include "markup.hpp"

#include <xxgk/document/cell_text.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <climits>
#include <utility>

namespace xxgk::document::html {

std::optional<std::size_t> Reader::start_of(const xmlNode* n) const {
  const auto it = m_positions.start.find(n);
  if (it == m_positions.start.end()) {
    return std::nullopt;
  }
  return it->second;
}

SourceLocation Reader::location_of(const xmlNode* n) const {
  if (const auto start = start_of(n)) {
    return m_lines.at(*start);
  }
  return m_lines.line_start(xmlGetLineNo(n));
}

std::size_t Reader::skip_blank_source(std::size_t pos) const {
  while (pos < m_source.size()) {
    if (is_ascii_space(m_source[pos])) {
      ++pos;
      continue;
    }
    bool skipped = false;
    for (const std::string_view ref : {"&nbsp;", "&#160;", "&#xa0;"}) {
      if (iequal_at(m_source, pos, ref)) {
        pos += ref.size();
        skipped = true;
        break;
      }
    }
    if (!skipped && m_source.compare(pos, 3, "<![") == 0) {
      const std::size_t close = m_source.find("]>", pos);
      if (close != std::string_view::npos) {
        pos = close + 2;
        skipped = true;
      }
    }
    if (!skipped) {
      std::size_t next = pos;
      if (!util::is_space(util::next_codepoint(m_source, next))) {
        break;
      }
      pos = next;
    }
  }
  return pos;
}

void Reader::walk_children(const xmlNode* n, int depth) {
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    walk(c, depth + 1);
  }
}

void Reader::walk(const xmlNode* n, int depth) {
  if (depth > k_max_depth) {
    return;
  }
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    read_text_node(n);
    return;
  }
  if (!is_element(n) || is_hidden(n)) {
    return;
  }
  const std::string_view name = name_of(n);
  if (is_prefixed(n)) {
    walk_children(n, depth); // o:p, w:sdt …: inline, whatever their local name
    return;
  }
  if (is_never_content(name)) {
    return;
  }
  if (name == "br") {
    if (m_heading > 0) {
      m_pending.raw += '\n'; // a title broken over lines is one title
    } else {
      flush(Flush::Break);
    }
    return;
  }
  if (name == "a") {
    ++m_link;
    walk_children(n, depth);
    --m_link;
    return;
  }
  if (name == "table" && !is_layout_table(n)) {
    flush(Flush::Soft);
    read_table(n, depth);
    return;
  }
  if (!is_block(name)) {
    walk_children(n, depth);
    return;
  }
  flush(Flush::Soft);
  const xmlNode* outer = m_anchor;
  m_anchor = n;
  m_pending.opened = true;
  const bool heading = is_heading(name);
  m_heading += heading ? 1 : 0;
  walk_children(n, depth);
  m_heading -= heading ? 1 : 0;
  flush(Flush::End);
  m_anchor = outer;
}

void Reader::read_text_node(const xmlNode* n) {
  if (n->content == nullptr) {
    return;
  }
  const std::string t = without_conditional_markers(reinterpret_cast<const char*>(n->content));
  if (!m_pending.offset && has_visible_text(t)) {
    if (const auto start = start_of(n)) {
      m_pending.offset = skip_blank_source(*start);
    } else if (const xmlNode* p = n->parent; p != nullptr) {
      m_pending.offset = start_of(p);
    }
  }
  std::size_t pos = 0;
  while (pos < t.size()) {
    if (!util::is_space(util::next_codepoint(t, pos))) {
      ++m_pending.chars;
      m_pending.link_chars += m_link > 0 ? 1 : 0;
    }
  }
  m_pending.raw += t;
}

void Reader::flush(Flush kind) {
  Pending p = std::move(m_pending);
  m_pending = Pending{};
  std::string line = collapse_white_space(p.raw);
  const bool keep = !line.empty() || kind == Flush::Break || (kind == Flush::End && p.opened);
  if (m_cell_lines != nullptr) {
    if (keep) {
      m_cell_lines->push_back(std::move(line));
      if (!m_cell_offset && p.offset && !m_cell_lines->back().empty()) {
        m_cell_offset = p.offset;
      }
    }
    return;
  }
  if (line.empty()) {
    return;
  }
  Paragraph para;
  para.text = std::move(line);
  para.where = p.offset ? m_lines.at(*p.offset) : location_of(m_anchor);
  RawBlock raw;
  raw.block = std::move(para);
  raw.anchor = m_anchor;
  raw.link = p.link_chars * 2 > p.chars;
  m_blocks.push_back(std::move(raw));
}

bool Reader::is_layout_table(const xmlNode* table) const {
  std::size_t cells = 0;
  for (const xmlNode* row : rows_of(table)) {
    cells += cells_of(row).size();
  }
  return cells <= 1 || holds_table(table, 0);
}

bool Reader::holds_table(const xmlNode* n, int depth) const {
  if (depth > k_max_depth) {
    return false;
  }
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    // As walk() reads them: prefixed elements are transparent, never-content is skipped.
    const bool prefixed = is_prefixed(c);
    if (!is_element(c) || is_hidden(c) || (!prefixed && is_never_content(name_of(c)))) {
      continue;
    }
    if ((!prefixed && name_of(c) == "table") || holds_table(c, depth + 1)) {
      return true;
    }
  }
  return false;
}

void Reader::read_table(const xmlNode* n, int depth) {
  Table t;
  t.where = location_of(n);
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (is_element(c) && name_of(c) == "caption" && !is_hidden(c)) {
      walk(c, depth + 1); // a caption is a paragraph before the table
    }
  }
  const auto rows = rows_of(n);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    Row row;
    const int remaining = static_cast<int>(std::min<std::size_t>(rows.size() - r, INT_MAX));
    for (const xmlNode* c : cells_of(rows[r])) {
      Cell cell;
      cell.col_span = std::max(span_attribute(c, "colspan", 1, k_max_colspan), 1);
      cell.row_span = span_attribute(c, "rowspan", 1, k_max_rowspan);
      if (cell.row_span == 0) {
        cell.row_span = remaining; // rowspan=0: to the end of the table
      }
      cell.text = cell_text(c, depth, cell.where);
      row.cells.push_back(std::move(cell));
    }
    if (row.cells.empty() || is_misaligned_columns_row(rows[r], row)) {
      continue;
    }
    const int row_index = static_cast<int>(t.rows.size());
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
      row.cells[i].where.row = row_index;
      row.cells[i].where.cell = static_cast<int>(i);
    }
    t.rows.push_back(std::move(row));
  }
  RawBlock raw;
  raw.block = std::move(t);
  raw.anchor = n;
  m_blocks.push_back(std::move(raw));
}

bool Reader::is_misaligned_columns_row(const xmlNode* tr, const Row& row) {
  const auto height = attribute(tr, "height");
  return height && util::trim(*height) == "0" &&
         std::all_of(row.cells.begin(), row.cells.end(),
                     [](const Cell& c) { return c.text.empty(); });
}

std::string Reader::cell_text(const xmlNode* cell, int depth, SourceLocation& where) {
  std::vector<std::string> lines;
  std::vector<std::string>* outer_lines = m_cell_lines;
  const std::optional<std::size_t> outer_offset = m_cell_offset;
  const xmlNode* outer_anchor = m_anchor;
  m_cell_lines = &lines;
  m_cell_offset.reset();
  m_anchor = cell;
  walk_children(cell, depth + 1);
  flush(Flush::Soft);
  where = m_cell_offset ? m_lines.at(*m_cell_offset) : location_of(cell);
  m_cell_lines = outer_lines;
  m_cell_offset = outer_offset;
  m_anchor = outer_anchor;
  return join_cell_lines(lines);
}

} // namespace xxgk::document::html
