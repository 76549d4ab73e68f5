#pragma once
// Text lines of a PDF page: characters grouped into lines by their vertical centre, a line's
// text, and the small text tests the layout uses (internal to src/document/pdf/).

#include "layout.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document::pdf {

void append_utf8(std::string& out, char32_t c);
bool is_space(char32_t c);

inline double cx(const Glyph& g) {
  return (g.x0 + g.x1) / 2;
}
inline double cy(const Glyph& g) {
  return (g.y0 + g.y1) / 2;
}

struct Line {
  std::vector<const Glyph*> glyphs; ///< left to right
  double x0 = 0;
  double x1 = 0;
  double y0 = 0;
  double y1 = 0;
  double size = 0;
};

/// Groups characters into lines (by vertical centre), each sorted left to right; lines top down.
std::vector<Line> make_lines(std::vector<const Glyph*> glyphs);

/// A line's text: a space only between Latin letters or digits that a word break or a gap
/// separates (Chinese text has none; the wide gaps of justified Chinese lines are not spaces).
std::string line_text(const Line& l);

/// Joins wrapped lines: nothing between them, a space between two Latin words.
void join_wrapped(std::string& text, const std::string& next);

/// An item's heading at the start of a line: （一）, (1), 一、, 1. or 1、.
bool starts_item(std::string_view text);

/// A value, not a label: digits with separators, or a placeholder dash.
bool is_number_text(const std::string& text);

} // namespace xxgk::document::pdf
