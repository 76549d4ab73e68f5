#pragma once
// Line numbers from pugixml offsets, for locations and parse errors. The walk visits nodes in
// document order, so a forward cursor over the text counts each newline once; a table of newline
// offsets is used only when the text was parsed in place and has few lines (parse_xml).

#include "../byte_count.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace xxgk::document::word {

class LineCounter {
public:
  /// Lines counted in the text itself (which the parse left unchanged).
  explicit LineCounter(std::string_view text) : m_text(text) {}

  /// Lines from the offsets of the newlines, taken before the text was parsed in place (the
  /// parse overwrites some of them).
  explicit LineCounter(const std::vector<std::uint32_t>* newlines) : m_newlines(newlines) {}

  int line_of(std::ptrdiff_t offset) {
    if (offset < 0) {
      return 0;
    }
    if (m_newlines != nullptr) {
      const auto before =
          std::lower_bound(m_newlines->begin(), m_newlines->end(), static_cast<std::size_t>(offset),
                           [](std::uint32_t nl, std::size_t at) { return nl < at; });
      return 1 + static_cast<int>(before - m_newlines->begin());
    }
    auto target = std::min(static_cast<std::size_t>(offset), m_text.size());
    if (target < m_pos) {
      m_pos = 0;
      m_line = 1;
    }
    m_line += static_cast<int>(count_byte(m_text.substr(m_pos, target - m_pos), '\n'));
    m_pos = target;
    return m_line;
  }

private:
  std::string_view m_text;
  const std::vector<std::uint32_t>* m_newlines = nullptr;
  std::size_t m_pos = 0;
  int m_line = 1;
};

} // namespace xxgk::document::word
