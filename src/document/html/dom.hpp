#pragma once
// The page's tree as report text sees it: which elements are never content, blocks, hidden or
// site chrome; table rows, cells and spans; HTML white space; line/column of source offsets.

#include <xxgk/document/model.hpp>
#include <xxgk/util/text.hpp>

#include <libxml/tree.h>

#include <algorithm>
#include <climits>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document::html {

/// Elements whose content is never report text.
bool is_never_content(std::string_view name);
bool is_block(std::string_view name);
bool is_heading(std::string_view name);
std::string_view name_of(const xmlNode* n);
std::optional<std::string> attribute(const xmlNode* n, const char* name);
bool is_element(const xmlNode* n);
/// hidden, aria-hidden="true", and inline styles display:none, visibility:hidden and Word's
/// mso-hide:all.
bool is_hidden(const xmlNode* n);
/// Site chrome by element: navigation, side bars, footers, forms, share widgets, breadcrumbs.
bool is_chrome(const xmlNode* n);
/// The rows of a table: its tr children and those of its thead/tbody/tfoot (not nested tables').
std::vector<const xmlNode*> rows_of(const xmlNode* table);
std::vector<const xmlNode*> cells_of(const xmlNode* row);
/// colspan / rowspan by the HTML rules for non-negative integers; `fallback` when absent or bad.
int span_attribute(const xmlNode* cell, const char* name, int fallback, int max);

constexpr int k_max_colspan = 1000; // the HTML standard's limits
constexpr int k_max_rowspan = 65534;

/// HTML white space handling for one paragraph or cell line: runs of ASCII white space become
/// one space, or nothing at the ends and where a line break touches a CJK character; &nbsp;
/// (U+00A0) is a space that does not collapse; a stray U+FEFF is dropped.
std::string collapse_white_space(std::string_view raw);
/// Text without Word's downlevel-revealed conditional markers (<![if !supportLists]>,
/// <![endif]>), which libxml2 keeps as text.
std::string without_conditional_markers(std::string_view s);
bool has_visible_text(std::string_view s);

/// Line starts of the decoded page, and line/column of byte offsets (lines as util::split_lines
/// counts them; columns in code points, 1-based).
class SourceLines {
public:
  explicit SourceLines(std::string_view source) : m_source(source) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < source.size(); ++i) {
      if (source[i] == '\n' ||
          (source[i] == '\r' && (i + 1 >= source.size() || source[i + 1] != '\n'))) {
        m_starts.push_back(i + 1);
      }
    }
  }

  [[nodiscard]] SourceLocation at(std::size_t offset) const {
    offset = std::min(offset, m_source.size());
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const auto line = static_cast<std::size_t>(it - m_starts.begin()); // 1-based
    const std::size_t line_start = m_starts[line - 1];
    // Locations come mostly in source order: count on from the last one on the same line, so
    // that a page on one long line stays linear.
    std::size_t from = line_start;
    std::size_t column = 1;
    if (m_cache_line == line && m_cache_offset <= offset) {
      from = m_cache_offset;
      column = m_cache_column;
    }
    column += util::count_codepoints(m_source.substr(from, offset - from));
    m_cache_line = line;
    m_cache_offset = offset;
    m_cache_column = column;
    SourceLocation where;
    where.line = static_cast<int>(std::min<std::size_t>(line, INT_MAX));
    where.column = static_cast<int>(std::min<std::size_t>(column, INT_MAX));
    return where;
  }

  /// The first non-blank character of a 1-based line (for nodes without a recorded offset).
  [[nodiscard]] SourceLocation line_start(long line) const {
    if (line <= 0 || static_cast<std::size_t>(line) > m_starts.size()) {
      return {};
    }
    std::size_t pos = m_starts[static_cast<std::size_t>(line) - 1];
    while (pos < m_source.size() && (m_source[pos] == ' ' || m_source[pos] == '\t')) {
      ++pos;
    }
    return at(pos);
  }

private:
  std::string_view m_source;
  std::vector<std::size_t> m_starts;
  mutable std::size_t m_cache_line = 0;
  mutable std::size_t m_cache_offset = 0;
  mutable std::size_t m_cache_column = 1;
};

} // namespace xxgk::document::html
