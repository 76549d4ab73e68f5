// A table cell's text from its lines (see cell_text.hpp).

#include <xxgk/document/cell_text.hpp>

#include <cstddef>

namespace xxgk::document {

std::string join_cell_lines(const std::vector<std::string>& lines) {
  std::size_t first = 0;
  std::size_t last = lines.size();
  while (first < last && lines[first].empty()) {
    ++first;
  }
  while (last > first && lines[last - 1].empty()) {
    --last;
  }
  std::string joined;
  for (std::size_t i = first; i < last; ++i) {
    joined += i == first ? "" : "\n";
    joined += lines[i];
  }
  return joined;
}

} // namespace xxgk::document
