// Paragraphs and tables from character boxes and ruling lines (layout.hpp): the tables come
// from the ruling-line lattice (lattice.cpp) or, where a table has no lines, from word positions
// (words.cpp); the rest of the page is text lines, grouped into paragraphs by indentation, line
// ends and gaps, with page furniture (page numbers, running headers) dropped.

#include "layout.hpp"

#include "lattice.hpp"
#include "text_lines.hpp"
#include "words.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>

namespace xxgk::document::pdf {

namespace {

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

  // 4. Reading order: per page, lattice tables and lines by their top; then the tables drawn
  // without lines, found among the lines in that order (words.cpp).
  struct Item {
    int page;
    double top;
    bool is_table;
    std::size_t index;
  };
  std::vector<Item> items;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const int page = static_cast<int>(p) + 1;
    const std::size_t start = items.size();
    for (std::size_t i = 0; i < tables[p].size(); ++i) {
      items.push_back({page, tables[p][i].top, true, i});
    }
    for (std::size_t i = 0; i < lines[p].lines.size(); ++i) {
      if (!lines[p].drop[i]) {
        items.push_back({page, lines[p].lines[i].y0, false, i});
      }
    }
    std::stable_sort(items.begin() + static_cast<std::ptrdiff_t>(start), items.end(),
                     [](const Item& a, const Item& b) { return a.top < b.top; });
  }
  std::vector<SeqLine> sequence;
  for (const auto& item : items) {
    const auto p = static_cast<std::size_t>(item.page - 1);
    if (item.is_table) {
      sequence.push_back({nullptr, item.page, {}});
    } else {
      sequence.push_back({&lines[p].lines[item.index], item.page, lines[p].texts[item.index]});
    }
  }
  const std::vector<WordTable> word_tables = find_word_tables(sequence, right - left);

  // 5. Blocks: paragraphs continue across a page break; a lattice table continued at the top of
  // the next page is joined.
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

  std::size_t next_word_table = 0;
  int current_page = 0;
  bool first_on_page = true;
  for (std::size_t it = 0; it < items.size(); ++it) {
    const Item& item = items[it];
    const int page = item.page;
    const auto p = static_cast<std::size_t>(page - 1);
    if (page != current_page) {
      current_page = page;
      first_on_page = true;
    }
    if (next_word_table < word_tables.size() && word_tables[next_word_table].first == it) {
      const WordTable& wt = word_tables[next_word_table++];
      flush_para();
      flush_table();
      blocks.emplace_back(to_table(wt.table, table_count++, wt.row_pages));
      it = wt.last;
      first_on_page = false;
      continue;
    }
    {
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
