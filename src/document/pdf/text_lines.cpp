// Text lines of a PDF page (text_lines.hpp).

#include "text_lines.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace xxgk::document::pdf {

namespace {

bool is_latin(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         c == U'.' || c == U',' || c == U'%' || c == U'-' || c == U'@' || c == U'(' || c == U')';
}

} // namespace

void append_utf8(std::string& out, char32_t c) {
  const auto u = static_cast<std::uint32_t>(c);
  if (u < 0x80) {
    out += static_cast<char>(u);
  } else if (u < 0x800) {
    out += static_cast<char>(0xC0 | (u >> 6));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else if (u < 0x10000) {
    out += static_cast<char>(0xE0 | (u >> 12));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (u >> 18));
    out += static_cast<char>(0x80 | ((u >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (u & 0x3F));
  }
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0;
}

std::vector<Line> make_lines(std::vector<const Glyph*> glyphs) {
  std::vector<Line> lines;
  std::stable_sort(glyphs.begin(), glyphs.end(),
                   [](const Glyph* a, const Glyph* b) { return cy(*a) < cy(*b); });
  // A line's characters have their centres within a third of the (smaller) font size of the
  // line's mean centre. Not the box heights: some fonts' boxes (ascent to descent) are taller
  // than the line spacing, and boxes of neighbouring lines overlap.
  double centre_sum = 0;
  double count = 0;
  for (const Glyph* g : glyphs) {
    const double size = g->size > 0 ? g->size : std::max(g->y1 - g->y0, 1.0);
    if (!lines.empty()) {
      Line& l = lines.back();
      if (std::abs(cy(*g) - centre_sum / count) <= 0.35 * std::min(size, l.size)) {
        l.glyphs.push_back(g);
        l.y0 = std::min(l.y0, g->y0);
        l.y1 = std::max(l.y1, g->y1);
        l.size = std::max(l.size, size);
        centre_sum += cy(*g);
        count += 1;
        continue;
      }
    }
    Line l;
    l.glyphs.push_back(g);
    l.y0 = g->y0;
    l.y1 = g->y1;
    l.size = size;
    lines.push_back(std::move(l));
    centre_sum = cy(*g);
    count = 1;
  }
  for (auto& l : lines) {
    std::stable_sort(l.glyphs.begin(), l.glyphs.end(),
                     [](const Glyph* a, const Glyph* b) { return a->x0 < b->x0; });
    l.x0 = l.glyphs.front()->x0;
    l.x1 = l.glyphs.back()->x1;
    // The line's font size: the median of its characters' (digits may be set in another font).
    std::vector<double> sizes;
    for (const Glyph* g : l.glyphs) {
      sizes.push_back(g->size > 0 ? g->size : g->y1 - g->y0);
    }
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<std::ptrdiff_t>(sizes.size() / 2),
                     sizes.end());
    const double size = sizes[sizes.size() / 2];
    l.size = size > 0 ? size : 10;
  }
  return lines;
}

/// A line's text: a space only between Latin letters or digits that a word break or a gap
/// separates (Chinese text has none; the wide gaps of justified Chinese lines are not spaces).
std::string line_text(const Line& l) {
  std::string out;
  const Glyph* prev = nullptr;
  for (const Glyph* g : l.glyphs) {
    if (is_space(g->c)) {
      continue;
    }
    if (prev != nullptr && is_latin(prev->c) && is_latin(g->c)) {
      const double gap = g->x0 - prev->x1;
      if (prev->space_after || gap > 0.25 * std::max(l.size, 1.0)) {
        out += ' ';
      }
    }
    append_utf8(out, g->c);
    prev = g;
  }
  return out;
}

/// Joins wrapped lines: nothing between them, a space between two Latin words.
void join_wrapped(std::string& text, const std::string& next) {
  if (next.empty()) {
    return;
  }
  if (!text.empty()) {
    const char a = text.back();
    const char b = next.front();
    const auto latin = [](char ch) {
      return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    };
    if (latin(a) && latin(b)) {
      text += ' ';
    }
  }
  text += next;
}

/// An item's heading at the start of a line: （一）, (1), 一、, 1. or 1、.
bool starts_item(std::string_view text) {
  static const std::vector<std::string_view> k_numerals = {"一", "二", "三", "四", "五", "六", "七",
                                                           "八", "九", "十", "0",  "1",  "2",  "3",
                                                           "4",  "5",  "6",  "7",  "8",  "9"};
  const auto numeral_run = [&](std::string_view s) {
    std::size_t n = 0;
    for (bool more = true; more;) {
      more = false;
      for (auto d : k_numerals) {
        if (s.substr(n).starts_with(d)) {
          n += d.size();
          more = true;
          break;
        }
      }
    }
    return n;
  };
  for (std::string_view open : {"（", "("}) {
    if (text.starts_with(open)) {
      const std::size_t n = numeral_run(text.substr(open.size()));
      const std::string_view rest = text.substr(open.size() + n);
      return n > 0 && (rest.starts_with("）") || rest.starts_with(")"));
    }
  }
  const std::size_t n = numeral_run(text);
  const std::string_view rest = text.substr(n);
  return n > 0 &&
         (rest.starts_with("、") || rest.starts_with("．") ||
          (rest.starts_with(".") && !(rest.size() > 1 && rest[1] >= '0' && rest[1] <= '9')));
}

/// A value, not a label: digits with separators, or a placeholder dash.
bool is_number_text(const std::string& text) {
  if (text.empty()) {
    return false;
  }
  for (char ch : text) {
    if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == ',' || ch == '-' || ch == ' ')) {
      return false;
    }
  }
  return true;
}

} // namespace xxgk::document::pdf
