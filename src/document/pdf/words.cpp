// Tables drawn without ruling lines, from word positions (words.hpp).
//
// In a span of lines (words.hpp says which), each block (二 has one per 第二十条 caption) is read
// as: header lines, then body lines. A body line with figures is a data line and makes one row;
// the figures' x-extents, clustered, are the value columns, and everything left of the leftmost
// figure is the stub (the row labels). Stub text on the lines around a data line is joined into
// label cells: a fragment continues the cell above it (next line, overlapping x) unless it starts
// an item (1. （一） 一、), or it is the label of its own row, or it is the first half of the next
// row's label wrapped around that row's figures. A label cell belongs to the row of its data line;
// a group label (（三）不予公开, left of its rows' own labels) to the first row of its group.

#include "words.hpp"

#include "word_parts.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

namespace xxgk::document::pdf {

namespace {

class Builder {
public:
  Builder(const std::vector<SeqLine>& lines, std::size_t first, std::size_t last)
      : m_lines(lines), m_first(first), m_last(last) {
    double offset = 0;
    for (std::size_t k = first; k <= last; ++k) {
      // The pages of the span stacked: a page's first line follows the last of the page before.
      const Line& l = *lines[k].line;
      if (k > first && lines[k].page != lines[k - 1].page) {
        const Line& p = *lines[k - 1].line;
        offset = p.y1 + m_offsets.back() - l.y0;
      } else if (k > first) {
        offset = m_offsets.back();
      }
      m_offsets.push_back(offset);
      m_words.push_back(words_of(l, offset));
      m_data.push_back(has_figure(m_words.back()));
      m_row.push_back(m_data.back());
    }
  }

  std::optional<WordTable> build() {
    WordTable out;
    out.first = m_first;
    out.last = m_last;
    out.table.page = m_lines[m_first].page;
    // Blocks: a new one at each caption or header line of 二 after figures.
    std::size_t from = 0;
    bool seen_data = false;
    const std::size_t n = m_words.size();
    for (std::size_t k = 0; k <= n; ++k) {
      if (k == n || (seen_data && starts_block(m_lines[m_first + k].text))) {
        if (!block(from, k, out)) {
          return std::nullopt;
        }
        from = k;
        seen_data = false;
      }
      seen_data = seen_data || (k < n && m_data[k]);
    }
    return out.table.rows.empty() ? std::nullopt : std::optional<WordTable>(std::move(out));
  }

private:
  int page(std::size_t k) const { return m_lines[m_first + k].page; }

  void add_row(WordTable& out, std::vector<LCell> cells, int page) {
    out.table.rows.push_back(std::move(cells));
    out.row_pages.push_back(page);
  }

  /// Reads lines [from, to) as one block into `out`; false when it is not a consistent table.
  bool block(std::size_t from, std::size_t to, WordTable& out) {
    std::vector<std::size_t> data;
    for (std::size_t k = from; k < to; ++k) {
      if (m_data[k]) {
        data.push_back(k);
      }
    }
    if (data.empty()) {
      return false;
    }
    double value_left = INFINITY;
    for (std::size_t k : data) {
      for (const auto& w : m_words[k]) {
        if (w.number) {
          value_left = std::min(value_left, w.x0);
        }
      }
    }
    const auto in_stub = [&](const Word& w) { return w.cx() < value_left; };
    // In the stub, words less than a character apart are one label (spaced-out characters).
    for (std::size_t k = from; k < to; ++k) {
      auto& words = m_words[k];
      for (std::size_t i = 1; i < words.size();) {
        Word& a = words[i - 1];
        const Word& b = words[i];
        if (in_stub(a) && in_stub(b) && !a.number && !b.number && b.x0 - a.x1 <= 0.35 * a.size) {
          a.text += b.text;
          a.x1 = b.x1;
          a.y0 = std::min(a.y0, b.y0);
          a.y1 = std::max(a.y1, b.y1);
          words.erase(words.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
          ++i;
        }
      }
    }
    const auto stub_only = [&](std::size_t k) {
      return std::all_of(m_words[k].begin(), m_words[k].end(), in_stub);
    };
    // The body starts at the first data line, or above it at the first half of its wrapped label.
    std::size_t body = data.front();
    while (body > from && stub_only(body - 1) && page(body - 1) == page(body) &&
           start_kind(m_lines[m_first + body - 1].text) == Kind::None &&
           !m_words[body - 1].empty() && !m_words[body].empty() &&
           m_words[body].front().cy() - m_words[body - 1].front().cy() <=
               1.5 * m_words[body].front().size) {
      --body;
    }

    // Value columns: the figures' x-extents, overlapping ones merged.
    std::vector<std::pair<double, double>> columns;
    {
      std::vector<const Word*> figures;
      for (std::size_t k : data) {
        for (const auto& w : m_words[k]) {
          if (w.number) {
            figures.push_back(&w);
          }
        }
      }
      std::sort(figures.begin(), figures.end(),
                [](const Word* a, const Word* b) { return a->x0 < b->x0; });
      for (const Word* w : figures) {
        if (!columns.empty() && w->x0 <= columns.back().second + 0.3 * w->size) {
          columns.back().second = std::max(columns.back().second, w->x1);
        } else {
          columns.emplace_back(w->x0, w->x1);
        }
      }
    }
    const auto column_of = [&](const Word& w) -> std::optional<std::size_t> {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (w.cx() >= columns[c].first - 0.5 * w.size &&
            w.cx() <= columns[c].second + 0.5 * w.size) {
          return c;
        }
      }
      return std::nullopt;
    };

    // Every row's values in its own columns; most rows with every column filled. A line of
    // figures right below another whose columns it does not share is the rest of that row (a
    // cell set lower than its neighbours).
    std::vector<std::vector<std::string>> values;
    std::vector<std::size_t> row_lines; // the first line of each row
    std::size_t last_line = 0;
    for (std::size_t k : data) {
      std::vector<std::string> v(columns.size());
      for (const auto& w : m_words[k]) {
        if (in_stub(w)) {
          continue;
        }
        const auto c = column_of(w);
        if (!c || !v[*c].empty()) {
          return false; // text between the columns, or two values in one column
        }
        v[*c] = w.text;
      }
      if (!values.empty() &&
          line_cy(k) - line_cy(last_line) <= 1.2 * m_lines[m_first + k].line->size) {
        auto& prev = values.back();
        bool disjoint = true;
        for (std::size_t c = 0; c < v.size(); ++c) {
          disjoint = disjoint && (prev[c].empty() || v[c].empty());
        }
        if (disjoint) {
          for (std::size_t c = 0; c < v.size(); ++c) {
            prev[c] += v[c];
          }
          last_line = k;
          continue;
        }
      }
      values.push_back(std::move(v));
      row_lines.push_back(k);
      last_line = k;
    }
    const std::size_t full =
        static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [](const auto& v) {
          return std::none_of(v.begin(), v.end(), [](const std::string& x) { return x.empty(); });
        }));
    if (full * 2 < values.size()) {
      return false;
    }
    for (std::size_t k = from; k < to; ++k) {
      m_row[k] = false;
    }
    for (std::size_t k : row_lines) {
      m_row[k] = true;
    }
    data = row_lines;
    for (std::size_t k = body; k < to; ++k) {
      if (!m_data[k] && !stub_only(k)) {
        return false; // text over the figures between the rows: not a table of figures
      }
    }

    // Header: fragments joined down their cells; a row per line on which cells start.
    const auto spans = [&](const Word& w) {
      const double pad = 0.5 * w.size;
      return std::count_if(columns.begin(), columns.end(), [&](const auto& col) {
        const double mid = (col.first + col.second) / 2;
        return mid >= w.x0 - pad && mid <= w.x1 + pad;
      });
    };
    std::vector<TextCell> header;
    for (std::size_t k = from; k < body; ++k) {
      for (const auto& w : m_words[k]) {
        if (TextCell* c = header_above(header, w, k, spans)) {
          c->add(w, k);
        } else {
          header.emplace_back().add(w, k);
        }
      }
    }
    for (std::size_t k = from; k < body; ++k) {
      std::vector<LCell> row;
      for (const auto& c : header) {
        if (c.parts.front() < m_words[k].data() ||
            c.parts.front() >= m_words[k].data() + m_words[k].size()) {
          continue;
        }
        LCell cell;
        cell.text = c.text();
        const double cx = (c.x0 + c.x1) / 2;
        if (cx < value_left) {
          cell.c0 = 0;
          cell.c1 = 1;
        } else {
          const double pad = 0.5 * c.parts.front()->size;
          std::optional<std::size_t> lo;
          std::size_t hi = 0;
          std::size_t nearest = 0;
          for (std::size_t col = 0; col < columns.size(); ++col) {
            const double mid = (columns[col].first + columns[col].second) / 2;
            if (mid >= c.x0 - pad && mid <= c.x1 + pad) {
              lo = lo.value_or(col);
              hi = col;
            }
            const double best = (columns[nearest].first + columns[nearest].second) / 2;
            if (std::abs(mid - cx) < std::abs(best - cx)) {
              nearest = col;
            }
          }
          cell.c0 = static_cast<int>(lo.value_or(nearest)) + 1;
          cell.c1 = static_cast<int>(lo ? hi : nearest) + 2;
        }
        row.push_back(std::move(cell));
      }
      if (!row.empty()) {
        add_row(out, std::move(row), page(k));
      }
    }

    // Stub: label cells.
    std::vector<TextCell> labels;
    for (std::size_t k = body; k < to; ++k) {
      const auto& words = m_words[k];
      std::optional<std::size_t> rightmost;
      for (std::size_t i = 0; i < words.size(); ++i) {
        if (in_stub(words[i])) {
          rightmost = i;
        }
      }
      for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (!in_stub(w)) {
          continue;
        }
        const bool row_label = m_row[k] && rightmost == i;
        TextCell* up = above(labels, w, k);
        bool joins = false;
        if (up != nullptr && !starts_item(w.text) && start_kind(w.text) == Kind::None) {
          if (m_row[k]) {
            joins = !(row_label && anchored(*up, data));
          } else {
            joins = !(up->row_label && next_stub_empty(k, to, in_stub));
          }
        }
        TextCell& c = joins ? *up : labels.emplace_back();
        c.add(w, k);
        c.row_label = c.row_label || row_label;
        if (m_row[k] && !c.data_line) {
          c.data_line = k;
        }
      }
    }
    // Each label cell's row.
    std::vector<std::vector<const TextCell*>> row_cells(data.size());
    for (auto& c : labels) {
      c.row = anchor(c, data);
    }
    for (auto& c : labels) {
      if (c.row_label) {
        continue;
      }
      // A group label left of its rows' own labels goes to the first row of its group.
      const auto label_of = [&](std::size_t r) -> const TextCell* {
        const TextCell* best = nullptr;
        for (const auto& o : labels) {
          if (&o != &c && o.row == r && o.x0 > c.x0 && (best == nullptr || o.x0 > best->x0)) {
            best = &o;
          }
        }
        return best;
      };
      const auto other_group = [&](std::size_t r) {
        return std::any_of(labels.begin(), labels.end(), [&](const TextCell& o) {
          return &o != &c && o.row == r && !o.row_label && o.x0 < c.x1 && o.x1 > c.x0;
        });
      };
      if (label_of(c.row) == nullptr) {
        continue;
      }
      for (std::size_t r = c.row + 1; r-- > 0;) {
        if (r < c.row && other_group(r)) {
          break;
        }
        if (const TextCell* l = label_of(r); l != nullptr && first_item(l->text())) {
          c.row = r;
          break;
        }
      }
    }
    for (const auto& c : labels) {
      row_cells[c.row].push_back(&c);
    }
    for (std::size_t r = 0; r < data.size(); ++r) {
      auto& cells = row_cells[r];
      std::sort(cells.begin(), cells.end(),
                [](const TextCell* a, const TextCell* b) { return a->x0 < b->x0; });
      std::vector<LCell> row;
      for (const TextCell* c : cells) {
        LCell cell;
        cell.c0 = 0;
        cell.c1 = 1;
        cell.text = c->text();
        row.push_back(std::move(cell));
      }
      for (std::size_t col = 0; col < columns.size(); ++col) {
        LCell cell;
        cell.c0 = static_cast<int>(col) + 1;
        cell.c1 = static_cast<int>(col) + 2;
        cell.text = values[r][col];
        row.push_back(std::move(cell));
      }
      add_row(out, std::move(row), page(data[r]));
    }
    return true;
  }

  /// A data line lies in the cell's lines, or the cell holds text of one.
  bool anchored(const TextCell& c, const std::vector<std::size_t>& data) const {
    if (c.data_line) {
      return true;
    }
    return std::any_of(data.begin(), data.end(), [&](std::size_t k) {
      const double cy = line_cy(k);
      return cy >= c.y0 && cy <= c.y1;
    });
  }

  /// The next data line after `k` (before `to`) has no label text: a label wrapped around its
  /// figures starts above it.
  template <typename Stub>
  bool next_stub_empty(std::size_t k, std::size_t to, const Stub& in_stub) const {
    for (std::size_t j = k + 1; j < to; ++j) {
      if (m_row[j]) {
        return std::none_of(m_words[j].begin(), m_words[j].end(), in_stub);
      }
    }
    return false;
  }

  double line_cy(std::size_t k) const {
    const Line& l = *m_lines[m_first + k].line;
    return (l.y0 + l.y1) / 2 + m_offsets[k];
  }

  /// The row (index into `data`) of a label cell: its own data line, else a data line within
  /// its lines, else the nearest.
  std::size_t anchor(const TextCell& c, const std::vector<std::size_t>& data) const {
    std::size_t best = 0;
    for (std::size_t r = 0; r < data.size(); ++r) {
      if (c.data_line && *c.data_line == data[r]) {
        return r;
      }
    }
    for (std::size_t r = 0; r < data.size(); ++r) {
      const double cy = line_cy(data[r]);
      if (cy >= c.y0 && cy <= c.y1) {
        return r;
      }
    }
    const double mid = (c.y0 + c.y1) / 2;
    for (std::size_t r = 1; r < data.size(); ++r) {
      if (std::abs(line_cy(data[r]) - mid) < std::abs(line_cy(data[best]) - mid)) {
        best = r;
      }
    }
    return best;
  }

  const std::vector<SeqLine>& m_lines;
  std::size_t m_first;
  std::size_t m_last;
  std::vector<std::vector<Word>> m_words; ///< per line of the span
  std::vector<bool> m_data;               ///< a line with figures
  std::vector<bool> m_row;                ///< the first line of a row's figures
  std::vector<double> m_offsets;          ///< added to a line's y (pages stacked)
};

} // namespace

std::vector<WordTable> find_word_tables(const std::vector<SeqLine>& lines, double text_width) {
  std::vector<WordTable> out;
  const std::size_t n = lines.size();
  const auto figures = [&](std::size_t k) { return has_figure(words_of(*lines[k].line, 0)); };
  for (std::size_t i = 0; i < n; ++i) {
    if (lines[i].line == nullptr) {
      continue;
    }
    const Kind kind = start_kind(lines[i].text);
    if (kind == Kind::None || is_prose(*lines[i].line, text_width)) {
      continue;
    }
    // The span: to the last line of figures before prose, a heading, a big gap, a lattice table
    // or another table's start.
    std::optional<std::size_t> last_data;
    std::size_t k = i;
    for (; k < n; ++k) {
      const SeqLine& s = lines[k];
      if (s.line == nullptr) {
        break;
      }
      if (k > i) {
        const Kind other = start_kind(s.text);
        const SeqLine& p = lines[k - 1];
        const double size = std::max({p.line->size, s.line->size, 1.0});
        if ((other != Kind::None && other != kind) || is_prose(*s.line, text_width) ||
            is_heading(s.text) || (p.page == s.page && s.line->y0 - p.line->y1 > 2.5 * size)) {
          break;
        }
      }
      if (figures(k)) {
        last_data = k;
      }
    }
    if (!last_data) {
      i = k - 1; // no figures up to the stop: no start inside the span has any either
      continue;
    }
    // …and the rest of the last row's label wrapped below its figures.
    std::size_t end = *last_data;
    while (end + 1 < k && lines[end + 1].page == lines[end].page && !figures(end + 1) &&
           !starts_item(lines[end + 1].text) && start_kind(lines[end + 1].text) == Kind::None &&
           (lines[end + 1].line->y0 + lines[end + 1].line->y1) / 2 -
                   (lines[end].line->y0 + lines[end].line->y1) / 2 <=
               1.5 * std::max(lines[end].line->size, 1.0)) {
      ++end;
    }
    if (auto t = Builder(lines, i, end).build()) {
      out.push_back(std::move(*t));
      i = end;
    } else {
      i = k - 1; // a span that is not a table stays paragraphs
    }
  }
  return out;
}

} // namespace xxgk::document::pdf
