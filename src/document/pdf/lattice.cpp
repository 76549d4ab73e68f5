// Tables from ruling lines (lattice.hpp).

#include "lattice.hpp"

#include "text_lines.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace xxgk::document::pdf {

namespace {

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

} // namespace

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

} // namespace xxgk::document::pdf
