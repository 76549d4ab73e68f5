#pragma once
// Rebuilds paragraphs and tables from the positions of a PDF's characters and ruling lines.
// Pure: no poppler here (the backend module, backend.hpp, talks to poppler).

#include "backend.hpp"

#include <xxgk/document/model.hpp>

#include <vector>

namespace xxgk::document::pdf {

/// Turns a page given in poppler's display frame whose text runs in direction `rotation`
/// (poppler's text_box::rotation(): 1 = top to bottom, 2 = upside down, 3 = bottom to top) so
/// that it runs left to right: boxes, ruling lines and the page size.
void turn_upright(PageContent& page, int rotation);

/// Paragraphs in reading order and tables from the ruling-line lattice (merged cells as spans, a
/// table continued on the next page joined when its columns line up), page furniture (page
/// numbers, running headers) dropped. Every location carries its page (1-based).
std::vector<Block> layout(const std::vector<PageContent>& pages);

} // namespace xxgk::document::pdf
