#pragma once
// A table cell's text from its lines (one per paragraph or line break), the same in every reader
// that builds cells from markup.

#include <string>
#include <vector>

namespace xxgk::document {

/// The lines joined by '\n', without the empty lines at the start and the end.
std::string join_cell_lines(const std::vector<std::string>& lines);

} // namespace xxgk::document
