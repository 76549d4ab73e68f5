#pragma once
// Line numbers from pugixml offsets, for locations and parse errors. The walk visits nodes in
// document order, so a forward cursor counts each newline once; no per-line table (a file of
// newlines would make it huge).

#include "../byte_count.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace xxgk::document::word {

class LineCounter {
public:
  explicit LineCounter(std::string_view text) : m_text(text) {}

  int line_of(std::ptrdiff_t offset) {
    if (offset < 0) {
      return 0;
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
  std::size_t m_pos = 0;
  int m_line = 1;
};

} // namespace xxgk::document::word
