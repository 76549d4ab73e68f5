#pragma once
// Rebuilds paragraphs and tables from the positions of a PDF's characters and ruling lines.
// Pure: no poppler here (pdf_reader.cpp and graphics.cpp talk to poppler).

#include "graphics.hpp"

#include <xxgk/document/model.hpp>

#include <vector>

namespace xxgk::document::pdf {

/// One character with its box, in the page frame of graphics.hpp (points, y down).
struct Glyph {
  char32_t c = 0;
  double x0 = 0;
  double y0 = 0;
  double x1 = 0;
  double y1 = 0;
  double size = 0;          ///< font size
  bool space_after = false; ///< the last character of a word followed by a space
};

struct PageContent {
  double width = 0;
  double height = 0;
  std::vector<Glyph> glyphs; ///< in poppler's reading order
  std::vector<Segment> segments;
};

/// Turns a page given in poppler's display frame whose text runs in direction `rotation`
/// (poppler's text_box::rotation(): 1 = top to bottom, 2 = upside down, 3 = bottom to top) so
/// that it runs left to right: boxes, ruling lines and the page size.
void turn_upright(PageContent& page, int rotation);

/// Paragraphs in reading order and tables from the ruling-line lattice (merged cells as spans, a
/// table continued on the next page joined when its columns line up), page furniture (page
/// numbers, running headers) dropped. Every location carries its page (1-based).
std::vector<Block> layout(const std::vector<PageContent>& pages);

} // namespace xxgk::document::pdf
