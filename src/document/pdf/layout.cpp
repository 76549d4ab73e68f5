// Paragraphs and tables from character boxes and ruling lines (layout.hpp).
//
// Tables: the ruling lines of a page fall into connected groups (horizontal and vertical lines
// that cross); each group with at least two cells is a lattice: its distinct line positions,
// snapped within k_snap, cut it into a grid, and two neighbouring grid cells with no line between
// them are one merged cell (a span). A table left open at the bottom or top of a page (its
// vertical lines run past the last horizontal one) is closed where its vertical lines end.
// Characters go to the cell that holds their centre; the rest of the page is text lines, grouped
// into paragraphs by indentation, line ends and gaps.

#include "layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <string>

namespace xxgk::document::pdf {

namespace {

/// Line positions closer than this (points) are one line; a line reaching within it of another
/// touches it.
constexpr double k_snap = 3.0;

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

bool is_latin(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
         c == U'.' || c == U',' || c == U'%' || c == U'-' || c == U'@' || c == U'(' || c == U')';
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == 0x3000 || c == 0xA0;
}

double cx(const Glyph& g) {
  return (g.x0 + g.x1) / 2;
}
double cy(const Glyph& g) {
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

// ---------------------------------------------------------------------------------------------
// Ruling lines and lattices.

/// Snaps positions: sorted, those within k_snap of the previous one merged into their mean.
std::vector<double> snap(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  double sum = 0;
  int n = 0;
  for (double x : v) {
    if (n > 0 && x - sum / n > k_snap) {
      out.push_back(sum / n);
      sum = 0;
      n = 0;
    }
    sum += x;
    ++n;
  }
  if (n > 0) {
    out.push_back(sum / n);
  }
  return out;
}

/// Collinear segments that overlap or touch merged; positions of near lines snapped together.
std::vector<Segment> merge_segments(std::vector<Segment> segs, bool horizontal) {
  std::vector<Segment> mine;
  std::vector<double> ats;
  for (const auto& s : segs) {
    if (s.horizontal == horizontal) {
      mine.push_back(s);
      ats.push_back(s.at);
    }
  }
  const std::vector<double> levels = snap(ats);
  for (auto& s : mine) {
    const auto it = std::min_element(levels.begin(), levels.end(), [&](double a, double b) {
      return std::abs(a - s.at) < std::abs(b - s.at);
    });
    s.at = *it;
  }
  std::sort(mine.begin(), mine.end(), [](const Segment& a, const Segment& b) {
    return a.at != b.at ? a.at < b.at : a.from < b.from;
  });
  std::vector<Segment> out;
  for (const auto& s : mine) {
    if (!out.empty() && out.back().at == s.at && s.from <= out.back().to + k_snap) {
      out.back().to = std::max(out.back().to, s.to);
      continue;
    }
    out.push_back(s);
  }
  return out;
}

struct LCell {
  int c0 = 0; ///< first grid column (index into the table's xs)
  int c1 = 0; ///< one past the last
  int row_span = 1;
  bool continuation = false;
  std::vector<const Glyph*> glyphs;
  std::string text;
};

struct LTable {
  std::vector<double> xs;
  std::vector<double> ys;
  std::vector<std::vector<LCell>> rows;
  int page = 0;
  double top = 0;
  double bottom = 0;
  double left = 0;
  double right = 0;
};

class Lattice {
public:
  Lattice(std::vector<Segment> h, std::vector<Segment> v) : m_h(std::move(h)), m_v(std::move(v)) {}

  /// The table of this group of lines, or nullopt when it makes fewer than two cells.
  std::optional<LTable> build(int page) const {
    std::vector<double> xs;
    std::vector<double> ys;
    double hmin = INFINITY;
    double hmax = -INFINITY;
    double vmin = INFINITY;
    double vmax = -INFINITY;
    for (const auto& s : m_h) {
      ys.push_back(s.at);
      hmin = std::min(hmin, s.from);
      hmax = std::max(hmax, s.to);
    }
    for (const auto& s : m_v) {
      xs.push_back(s.at);
      vmin = std::min(vmin, s.from);
      vmax = std::max(vmax, s.to);
    }
    // Open sides: a row left open at a page's bottom (or top) is closed where the vertical
    // lines end; columns without an outer line end where the horizontal lines end.
    ys.push_back(vmin);
    ys.push_back(vmax);
    xs.push_back(hmin);
    xs.push_back(hmax);
    xs = snap(xs);
    ys = snap(ys);
    if (xs.size() < 2 || ys.size() < 2 || (xs.size() - 1) * (ys.size() - 1) < 2) {
      return std::nullopt;
    }
    const std::size_t rows = ys.size() - 1;
    const std::size_t cols = xs.size() - 1;
    std::vector<std::vector<int>> owner(rows, std::vector<int>(cols, -1));
    struct Rect {
      std::size_t r0, r1, c0, c1; // inclusive
    };
    std::vector<Rect> rects;
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        if (owner[r][c] >= 0) {
          continue;
        }
        std::size_t c1 = c;
        while (c1 + 1 < cols && owner[r][c1 + 1] < 0 && !has_v(xs[c1 + 1], ys[r], ys[r + 1])) {
          ++c1;
        }
        std::size_t r1 = r;
        while (r1 + 1 < rows && !has_h(ys[r1 + 1], xs[c], xs[c1 + 1])) {
          bool free = true;
          for (std::size_t k = c; k <= c1; ++k) {
            free = free && owner[r1 + 1][k] < 0;
          }
          if (!free) {
            break;
          }
          ++r1;
        }
        const int id = static_cast<int>(rects.size());
        rects.push_back({r, r1, c, c1});
        for (std::size_t rr = r; rr <= r1; ++rr) {
          for (std::size_t k = c; k <= c1; ++k) {
            owner[rr][k] = id;
          }
        }
      }
    }
    if (rects.size() < 2) {
      return std::nullopt;
    }
    LTable t;
    t.xs = xs;
    t.ys = ys;
    t.page = page;
    t.top = ys.front();
    t.bottom = ys.back();
    t.left = xs.front();
    t.right = xs.back();
    t.rows.resize(rows);
    for (std::size_t r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < cols; ++c) {
        const Rect& rc = rects[static_cast<std::size_t>(owner[r][c])];
        if (rc.c0 != c) {
          continue;
        }
        LCell cell;
        cell.c0 = static_cast<int>(rc.c0);
        cell.c1 = static_cast<int>(rc.c1 + 1);
        cell.row_span = static_cast<int>(rc.r1 - rc.r0 + 1);
        cell.continuation = rc.r0 != r;
        t.rows[r].push_back(std::move(cell));
      }
    }
    return t;
  }

private:
  /// A vertical line at x covering most of [y0, y1] (the table's outer frame always counts).
  bool has_v(double x, double y0, double y1) const {
    double covered = 0;
    for (const auto& s : m_v) {
      if (std::abs(s.at - x) <= k_snap) {
        covered += std::max(0.0, std::min(s.to, y1) - std::max(s.from, y0));
      }
    }
    return covered >= 0.5 * (y1 - y0);
  }
  bool has_h(double y, double x0, double x1) const {
    double covered = 0;
    for (const auto& s : m_h) {
      if (std::abs(s.at - y) <= k_snap) {
        covered += std::max(0.0, std::min(s.to, x1) - std::max(s.from, x0));
      }
    }
    return covered >= 0.5 * (x1 - x0);
  }

  std::vector<Segment> m_h;
  std::vector<Segment> m_v;
};

/// Groups of lines that cross or touch, each a candidate table.
std::vector<LTable> find_tables(const std::vector<Segment>& segments, int page) {
  const auto h = merge_segments(segments, true);
  const auto v = merge_segments(segments, false);
  std::vector<std::size_t> parent(h.size() + v.size());
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  auto find = [&](std::size_t x) {
    while (parent[x] != x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (std::size_t i = 0; i < h.size(); ++i) {
    for (std::size_t j = 0; j < v.size(); ++j) {
      if (v[j].at >= h[i].from - k_snap && v[j].at <= h[i].to + k_snap &&
          h[i].at >= v[j].from - k_snap && h[i].at <= v[j].to + k_snap) {
        parent[find(i)] = find(h.size() + j);
      }
    }
  }
  std::map<std::size_t, std::pair<std::vector<Segment>, std::vector<Segment>>> groups;
  for (std::size_t i = 0; i < h.size(); ++i) {
    groups[find(i)].first.push_back(h[i]);
  }
  for (std::size_t j = 0; j < v.size(); ++j) {
    groups[find(h.size() + j)].second.push_back(v[j]);
  }
  std::vector<LTable> out;
  for (auto& [root, g] : groups) {
    if (g.first.empty() || g.second.empty()) {
      continue;
    }
    if (auto t = Lattice(std::move(g.first), std::move(g.second)).build(page)) {
      out.push_back(std::move(*t));
    }
  }
  std::sort(out.begin(), out.end(), [](const LTable& a, const LTable& b) { return a.top < b.top; });
  return out;
}

/// Puts a character into the cell holding its centre; false when it is in no table.
bool place(std::vector<LTable>& tables, const Glyph& g) {
  const double x = cx(g);
  const double y = cy(g);
  for (auto& t : tables) {
    if (x < t.left || x > t.right || y < t.top || y > t.bottom) {
      continue;
    }
    const auto r = static_cast<std::size_t>(
        std::clamp<std::ptrdiff_t>(std::upper_bound(t.ys.begin(), t.ys.end(), y) - t.ys.begin() - 1,
                                   0, static_cast<std::ptrdiff_t>(t.ys.size()) - 2));
    const auto c = static_cast<int>(
        std::clamp<std::ptrdiff_t>(std::upper_bound(t.xs.begin(), t.xs.end(), x) - t.xs.begin() - 1,
                                   0, static_cast<std::ptrdiff_t>(t.xs.size()) - 2));
    // The cell covering column c in row r; a continuation sends it up to its merged cell.
    std::size_t rr = r;
    while (true) {
      auto& row = t.rows[rr];
      auto it = std::find_if(row.begin(), row.end(),
                             [&](const LCell& cell) { return cell.c0 <= c && c < cell.c1; });
      if (it == row.end()) {
        return false;
      }
      if (!it->continuation || rr == 0) {
        it->glyphs.push_back(&g);
        return true;
      }
      --rr;
    }
  }
  return false;
}

std::string cell_text(const LCell& cell) {
  std::string text;
  for (const auto& l : make_lines(cell.glyphs)) {
    join_wrapped(text, line_text(l));
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Page furniture.

/// `-4-`, `— 3 —`, `第 3 页`, `3`, `第3页 共5页`, `3/5`: a page number alone on its line.
bool is_page_number(const std::string& text) {
  std::string digits;
  std::string rest;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char ch = static_cast<unsigned char>(text[i]);
    if (ch >= '0' && ch <= '9') {
      digits += text[i];
      ++i;
      continue;
    }
    std::size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
    len = std::min(len, text.size() - i);
    rest += text.substr(i, len);
    i += len;
  }
  if (digits.empty() || digits.size() > 8) {
    return false;
  }
  static const std::vector<std::string> k_allowed = {"-",  "—", "–",  "－", "_", "/", "第", "页",
                                                     "共", "·", "P",  "p",  "a", "g", "e",  ".",
                                                     "(",  ")", "（", "）", "─", "━", "―",  "‐"};
  for (std::size_t i = 0; i < rest.size();) {
    bool ok = false;
    for (const auto& a : k_allowed) {
      if (rest.compare(i, a.size(), a) == 0) {
        i += a.size();
        ok = true;
        break;
      }
    }
    if (!ok) {
      return false;
    }
  }
  return true;
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

/// Ends a sentence: the line before an item heading that starts a new paragraph.
bool ends_sentence(std::string_view text) {
  for (std::string_view end : {"。", "！", "？", "；", "：", ".", "!", "?", ";", ":"}) {
    if (text.ends_with(end)) {
      return true;
    }
  }
  return false;
}

struct PageLines {
  std::vector<Line> lines;
  std::vector<std::string> texts;
  std::vector<bool> drop;
};

// ---------------------------------------------------------------------------------------------
// Joining a table continued on the next page.

/// Maps each of `next`'s column positions to one of `prev`'s; nullopt unless every one lines up
/// and both tables end at the same right edge. `next` may start further right: a browser does
/// not draw, on the next page, a column whose cell spans rows across the break.
std::optional<std::vector<int>> column_map(const LTable& prev, const LTable& next) {
  std::vector<int> map;
  for (double x : next.xs) {
    const auto it = std::min_element(prev.xs.begin(), prev.xs.end(), [&](double a, double b) {
      return std::abs(a - x) < std::abs(b - x);
    });
    if (std::abs(*it - x) > k_snap) {
      return std::nullopt;
    }
    map.push_back(static_cast<int>(it - prev.xs.begin()));
  }
  if (map.back() != static_cast<int>(prev.xs.size()) - 1) {
    return std::nullopt;
  }
  return map;
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

/// A label that starts a new item: （一）, (1), 一、, 1. or 1、.
bool starts_enumerated(const std::string& text) {
  for (std::string_view start : {"（", "(", "一", "二", "三", "四", "五", "六", "七", "八", "九",
                                 "十", "0", "1",  "2",  "3",  "4",  "5",  "6",  "7",  "8",  "9"}) {
    if (text.starts_with(start)) {
      return true;
    }
  }
  return false;
}

/// Appends `next` (the same table on the next page) to `prev`; returns the rows added. At the
/// seam, a merged label cell that the page break cut goes on: an empty cell below a label cell of
/// the same columns is a continuation, and the rest of a label cut mid-text ("（四）无" | "法提供")
/// is joined to it; a row cut in two by the break ("6.属于四类过" | "程性信息", the values above)
/// stays one row. Columns missing at the left of `next` continue the merged cells above them.
std::size_t append_table(LTable& prev, LTable&& next, const std::vector<int>& map) {
  // The label cell covering each column in prev's last row, and whether that row's cell there
  // continues or spans into it (a vertical merge that the break cut).
  std::vector<LCell*> above(prev.xs.size(), nullptr);
  std::vector<bool> merged(prev.xs.size(), false);
  for (std::size_t r = 0; r < prev.rows.size(); ++r) {
    for (auto& cell : prev.rows[r]) {
      const bool reaches_end = r + static_cast<std::size_t>(cell.row_span) == prev.rows.size();
      for (int k = cell.c0; k < cell.c1; ++k) {
        const auto col = static_cast<std::size_t>(k);
        if (r + 1 == prev.rows.size() && cell.continuation) {
          merged[col] = true;
        }
        if (!cell.continuation && reaches_end) {
          merged[col] = merged[col] || cell.row_span > 1;
          if (!cell.text.empty() && !is_number_text(cell.text)) {
            above[col] = &cell;
          }
        }
      }
    }
  }
  const int missing = map.front(); // columns at the left that next does not draw
  for (int k = 0; k < missing; ++k) {
    if (!merged[static_cast<std::size_t>(k)] && above[static_cast<std::size_t>(k)] == nullptr) {
      return 0;
    }
  }
  std::size_t added = 0;
  bool first = true;
  for (auto& row : next.rows) {
    for (auto& cell : row) {
      cell.c0 = map[static_cast<std::size_t>(cell.c0)];
      cell.c1 = map[static_cast<std::size_t>(cell.c1)];
    }
    if (missing > 0) {
      LCell lead;
      lead.c0 = 0;
      lead.c1 = missing;
      lead.continuation = true;
      row.insert(row.begin(), std::move(lead));
    }
    bool rest_of_row = first; // the first row holds only the cut-off rest of prev's last row
    std::vector<LCell*> joins;
    for (auto& cell : row) {
      if (!first || cell.continuation) {
        continue;
      }
      LCell* up = above[static_cast<std::size_t>(cell.c0)];
      const bool label_below = up != nullptr && up->c0 == cell.c0 && up->c1 == cell.c1;
      if (label_below &&
          (cell.text.empty() || (!is_number_text(cell.text) && !starts_enumerated(cell.text)))) {
        joins.push_back(&cell);
      } else if (!cell.text.empty()) {
        rest_of_row = false;
      }
    }
    for (LCell* cell : joins) {
      LCell* up = above[static_cast<std::size_t>(cell->c0)];
      join_wrapped(up->text, cell->text);
      cell->text.clear();
      cell->continuation = true;
      if (!rest_of_row) {
        up->row_span += cell->row_span;
      }
    }
    first = false;
    if (rest_of_row && !joins.empty()) {
      continue; // its text went up into the row it belongs to
    }
    prev.rows.push_back(std::move(row));
    ++added;
  }
  prev.bottom = next.bottom;
  prev.page = next.page;
  return added;
}

Table to_table(const LTable& t, int table_index, std::vector<int> row_pages) {
  Table out;
  out.structure = RowStructure::Reliable;
  out.where.table = table_index;
  out.where.page = row_pages.empty() ? 0 : row_pages.front();
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    Row row;
    int index = 0;
    for (const auto& lc : t.rows[r]) {
      Cell c;
      c.col_span = std::max(1, lc.c1 - lc.c0);
      c.row_span = lc.row_span;
      c.merged_continuation = lc.continuation;
      if (!lc.continuation) {
        c.text = lc.text;
      }
      c.where.page = r < row_pages.size() ? row_pages[r] : out.where.page;
      c.where.table = table_index;
      c.where.row = static_cast<int>(r);
      c.where.cell = index++;
      row.cells.push_back(std::move(c));
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

} // namespace

void turn_upright(PageContent& page, int rotation) {
  const double w = page.width;
  const double h = page.height;
  // Upright (x, y) of a display point; the upright page is h wide for a quarter turn.
  auto point = [&](double x, double y) -> std::pair<double, double> {
    switch (rotation) {
    case 1:
      return {y, w - x};
    case 2:
      return {w - x, h - y};
    case 3:
      return {h - y, x};
    default:
      return {x, y};
    }
  };
  if (rotation < 1 || rotation > 3) {
    return;
  }
  for (auto& g : page.glyphs) {
    const auto [ax, ay] = point(g.x0, g.y0);
    const auto [bx, by] = point(g.x1, g.y1);
    g.x0 = std::min(ax, bx);
    g.x1 = std::max(ax, bx);
    g.y0 = std::min(ay, by);
    g.y1 = std::max(ay, by);
  }
  for (auto& s : page.segments) {
    const auto [ax, ay] = s.horizontal ? point(s.from, s.at) : point(s.at, s.from);
    const auto [bx, by] = s.horizontal ? point(s.to, s.at) : point(s.at, s.to);
    if (std::abs(ay - by) < std::abs(ax - bx)) {
      s = {true, (ay + by) / 2, std::min(ax, bx), std::max(ax, bx)};
    } else {
      s = {false, (ax + bx) / 2, std::min(ay, by), std::max(ay, by)};
    }
  }
  if (rotation != 2) {
    page.width = h;
    page.height = w;
  }
}

std::vector<Block> layout(const std::vector<PageContent>& pages) {
  // 1. Per page: tables with their text, and the remaining lines.
  std::vector<std::vector<LTable>> tables(pages.size());
  std::vector<PageLines> lines(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const int page = static_cast<int>(p) + 1;
    tables[p] = find_tables(pages[p].segments, page);
    std::vector<const Glyph*> outside;
    for (const auto& g : pages[p].glyphs) {
      if (is_space(g.c)) {
        continue;
      }
      if (!place(tables[p], g)) {
        outside.push_back(&g);
      }
    }
    for (auto& t : tables[p]) {
      for (auto& row : t.rows) {
        for (auto& cell : row) {
          cell.text = cell_text(cell);
        }
      }
    }
    lines[p].lines = make_lines(std::move(outside));
    for (const auto& l : lines[p].lines) {
      lines[p].texts.push_back(line_text(l));
    }
    lines[p].drop.assign(lines[p].lines.size(), false);
  }

  // 2. Page furniture: a page number alone on a line near the top or bottom of its page, and a
  // running header or footer (the same line near the edge of most pages).
  std::map<std::string, int> edge_count;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const double h = pages[p].height > 0 ? pages[p].height : 842;
    for (std::size_t i = 0; i < lines[p].lines.size(); ++i) {
      const Line& l = lines[p].lines[i];
      const bool edge = l.y1 < 0.12 * h || l.y0 > 0.85 * h;
      if (edge && is_page_number(lines[p].texts[i])) {
        lines[p].drop[i] = true;
      } else if (edge) {
        ++edge_count[lines[p].texts[i]];
      }
    }
  }
  if (pages.size() >= 3) {
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const double h = pages[p].height > 0 ? pages[p].height : 842;
      for (std::size_t i = 0; i < lines[p].lines.size(); ++i) {
        const Line& l = lines[p].lines[i];
        const bool edge = l.y1 < 0.12 * h || l.y0 > 0.85 * h;
        if (edge && edge_count[lines[p].texts[i]] * 2 > static_cast<int>(pages.size())) {
          lines[p].drop[i] = true;
        }
      }
    }
  }

  // 3. The text column's left edge and full-line right edge, for paragraph breaks.
  std::vector<double> lefts;
  std::vector<double> rights;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    for (std::size_t i = 0; i < lines[p].lines.size(); ++i) {
      const Line& l = lines[p].lines[i];
      if (!lines[p].drop[i] && l.glyphs.size() >= 8) {
        lefts.push_back(l.x0);
        rights.push_back(l.x1);
      }
    }
  }
  auto percentile = [](std::vector<double> v, double q, double fallback) {
    if (v.empty()) {
      return fallback;
    }
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
  };
  const double left = percentile(lefts, 0.1, 0);
  const double right = percentile(rights, 0.9, 1e9);
  std::vector<double> sizes;
  for (const auto& pl : lines) {
    for (const auto& l : pl.lines) {
      sizes.push_back(l.size);
    }
  }
  const double body_size = percentile(sizes, 0.5, 10);

  // 4. Blocks in reading order: per page, tables and lines by their top; paragraphs continue
  // across a page break; a table continued at the top of the next page is joined.
  std::vector<Block> blocks;
  std::optional<LTable> open_table;
  std::vector<int> open_rows; // page of each row of open_table
  int table_count = 0;
  std::optional<Paragraph> para;
  const Line* para_last = nullptr;
  int para_last_page = 0;

  auto flush_para = [&] {
    if (para && !para->text.empty()) {
      blocks.emplace_back(std::move(*para));
    }
    para.reset();
    para_last = nullptr;
  };
  auto flush_table = [&] {
    if (open_table) {
      blocks.emplace_back(to_table(*open_table, table_count++, open_rows));
    }
    open_table.reset();
    open_rows.clear();
  };

  for (std::size_t p = 0; p < pages.size(); ++p) {
    const int page = static_cast<int>(p) + 1;
    struct Item {
      double top;
      bool is_table;
      std::size_t index;
    };
    std::vector<Item> items;
    for (std::size_t i = 0; i < tables[p].size(); ++i) {
      items.push_back({tables[p][i].top, true, i});
    }
    for (std::size_t i = 0; i < lines[p].lines.size(); ++i) {
      if (!lines[p].drop[i]) {
        items.push_back({lines[p].lines[i].y0, false, i});
      }
    }
    std::stable_sort(items.begin(), items.end(),
                     [](const Item& a, const Item& b) { return a.top < b.top; });
    bool first_on_page = true;
    for (const auto& item : items) {
      if (item.is_table) {
        LTable& t = tables[p][item.index];
        flush_para();
        if (open_table && first_on_page && open_table->page + 1 == page) {
          if (const auto map = column_map(*open_table, t)) {
            LTable copy = t; // append_table leaves prev alone when it refuses
            if (const std::size_t n = append_table(*open_table, std::move(copy), *map); n > 0) {
              open_rows.insert(open_rows.end(), n, page);
              first_on_page = false;
              continue;
            }
          }
        }
        flush_table();
        open_rows.assign(t.rows.size(), page);
        open_table = std::move(t);
        first_on_page = false;
        continue;
      }
      first_on_page = false;
      const Line& l = lines[p].lines[item.index];
      const std::string& text = lines[p].texts[item.index];
      if (text.empty()) {
        continue;
      }
      flush_table();
      bool new_para = !para || para_last == nullptr;
      if (!new_para) {
        const double size = std::max(l.size, 1.0);
        const bool indented = l.x0 > left + 0.8 * size;
        const bool prev_short = para_last->x1 < right - 1.5 * size;
        const bool gap = para_last_page == page && l.y0 - para_last->y1 > 1.2 * size;
        // A title set on two centred lines is one paragraph.
        const double middle = (left + right) / 2;
        const auto centred = [&](const Line& x) {
          return x.x0 > left + size && x.x1 < right - size &&
                 std::abs((x.x0 + x.x1) / 2 - middle) < 0.5 * size;
        };
        // …and so is a title in a larger font wrapped over lines.
        const bool same_size = std::abs(para_last->size - l.size) < 0.5;
        const bool title_lines =
            !gap && same_size && para_last_page == page &&
            ((centred(l) && centred(*para_last)) ||
             (centred(l) && l.size > 1.3 * body_size && para_last->x1 > right - 2 * size));
        // A paragraph set without a first-line indent: an item heading after a full stop.
        const bool heading = starts_item(text) && ends_sentence(para->text);
        // A centred line (a title) is not the start of a justified paragraph below it.
        const bool after_centred = centred(*para_last) && !centred(l);
        new_para = !title_lines && (indented || prev_short || gap || heading || after_centred);
      }
      if (new_para) {
        flush_para();
        para = Paragraph{};
        para->where.page = page;
      }
      join_wrapped(para->text, text);
      para_last = &l;
      para_last_page = page;
    }
  }
  flush_para();
  flush_table();
  return blocks;
}

} // namespace xxgk::document::pdf
