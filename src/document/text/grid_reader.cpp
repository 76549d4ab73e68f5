// pandoc grid tables (+---+ borders, spans read from the borders) and the text form made of them
// (see text_forms.hpp).

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <set>

namespace xxgk::document {

namespace {

// A grid table is laid out on display columns: pandoc aligns its borders by display width, where
// a CJK character takes two columns. Borders are ASCII, so their '+' positions are exact; content
// lines are mapped onto the same columns through each character's display width.

struct Glyph {
  char32_t cp = 0;
  std::size_t byte = 0; ///< offset in the source line
  int col = 0;          ///< first display column
};

struct LaidOutLine {
  std::string_view src;
  std::vector<Glyph> glyphs;
  std::vector<int> at; ///< display column → index in glyphs, -1 for none
};

LaidOutLine lay_out(std::string_view line) {
  LaidOutLine out;
  out.src = line;
  int col = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t start = pos;
    const char32_t cp = util::next_codepoint(line, pos);
    int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    if (cp == '\t' || (width == 0 && cp < 0x300)) {
      width = 1; // control characters: count as one column rather than vanish
    }
    const int index = static_cast<int>(out.glyphs.size());
    out.glyphs.push_back({cp, start, col});
    for (int w = 0; w < width; ++w) {
      out.at.push_back(index);
    }
    col += width;
  }
  return out;
}

/// The glyph at display column `col`, or nullptr.
const Glyph* glyph_at(const LaidOutLine& l, int col) {
  if (col < 0 || static_cast<std::size_t>(col) >= l.at.size()) {
    return nullptr;
  }
  const Glyph& g = l.glyphs[static_cast<std::size_t>(l.at[static_cast<std::size_t>(col)])];
  return g.col == col ? &g : nullptr;
}

bool is_junction(const Glyph* g) {
  return g != nullptr && (g->cp == '|' || g->cp == '+');
}

bool is_border_char(char32_t cp) {
  return cp == '-' || cp == '=' || cp == ':';
}

std::string_view trim_left(std::string_view s) {
  const std::size_t p = s.find_first_not_of(" \t");
  return p == std::string_view::npos ? std::string_view{} : s.substr(p);
}

bool is_table_line(std::string_view line) {
  const std::string_view t = trim_left(line);
  return !t.empty() && (t.front() == '+' || t.front() == '|');
}

/// One cell of the grid while it is being read.
struct GridCell {
  int col_begin = 0; ///< index into the boundaries
  int col_end = 0;
  int first_band = 0;
  int last_band = 0;
  std::vector<std::string> lines; ///< the raw text of each of its content lines
  SourceLocation where;           ///< first visible character
  SourceLocation start;           ///< the cell's first content position (for empty cells)
};

/// Joins a cell's lines: wrapped lines of a paragraph are joined, blank lines separate paragraphs
/// (joined with '\n'); then the inline transformation, and trimming of every line.
std::string cell_text(const std::vector<std::string>& lines, InlineTextFn inline_text) {
  std::string joined;
  bool pending_break = false;
  for (const auto& raw : lines) {
    const std::string t = util::trim(raw);
    if (t.empty()) {
      pending_break = !joined.empty();
      continue;
    }
    if (pending_break) {
      joined.push_back('\n');
      pending_break = false;
    }
    append_wrapped(joined, t);
  }
  if (inline_text != nullptr) {
    joined = inline_text(joined);
  }
  std::string out;
  for (const auto line : util::split_lines(joined)) {
    const std::string t = util::trim(line);
    if (t.empty()) {
      continue;
    }
    if (!out.empty()) {
      out.push_back('\n');
    }
    out += t;
  }
  return out;
}

/// The boundary index for each junction of `l`: exact positions when the line's right edge sits
/// on the last boundary; otherwise (display widths disagreeing with the writer's) each '|'/'+' is
/// mapped, in order, to the nearest boundary still free.
std::vector<int> junctions_of(const LaidOutLine& l, const std::vector<int>& bounds) {
  std::vector<int> exact;
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    if (is_junction(glyph_at(l, bounds[k]))) {
      exact.push_back(static_cast<int>(k));
    }
  }
  if (!exact.empty() && exact.back() == static_cast<int>(bounds.size()) - 1) {
    return exact;
  }
  std::vector<int> mapped;
  std::size_t k = 0;
  for (const auto& g : l.glyphs) {
    if (g.cp != '|' && g.cp != '+') {
      continue;
    }
    if (k >= bounds.size()) {
      break;
    }
    while (k + 1 < bounds.size() &&
           std::abs(bounds[k + 1] - g.col) <= std::abs(bounds[k] - g.col)) {
      ++k;
    }
    mapped.push_back(static_cast<int>(k));
    ++k;
  }
  return mapped;
}

} // namespace

bool is_grid_border(std::string_view line) {
  std::string_view t = trim_left(line);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) {
    t.remove_suffix(1);
  }
  if (t.size() < 3 || t.front() != '+' || t.back() != '+') {
    return false;
  }
  bool dash = false;
  for (const char c : t) {
    if (c == '-' || c == '=') {
      dash = true;
    } else if (c != '+' && c != ':') {
      return false;
    }
  }
  return dash;
}

bool looks_like_grid_text(std::string_view text) {
  return looks_like_grid_text(util::split_lines(text));
}

bool looks_like_grid_text(const std::vector<std::string_view>& lines) {
  // The cheap test first: nearly no line starts with '|'.
  auto starts_with_bar = [](std::string_view line) {
    std::size_t p = 0;
    while (p < line.size() && (line[p] == ' ' || line[p] == '\t')) {
      ++p;
    }
    return p < line.size() && line[p] == '|';
  };
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    if (starts_with_bar(lines[i + 1]) && is_grid_border(lines[i])) {
      return true;
    }
  }
  return false;
}

std::optional<Table> parse_grid_table(const std::vector<std::string_view>& lines, std::size_t first,
                                      std::size_t& next, InlineTextFn inline_text) {
  if (first >= lines.size() || !is_grid_border(lines[first])) {
    return std::nullopt;
  }
  // The table runs while lines start with '+' or '|', and ends at its last full border.
  std::size_t end = first + 1;
  std::size_t last_border = first;
  while (end < lines.size() && is_table_line(lines[end])) {
    if (is_grid_border(lines[end])) {
      last_border = end;
    }
    ++end;
  }
  if (last_border == first) {
    return std::nullopt;
  }
  end = last_border + 1;

  std::vector<LaidOutLine> laid;
  for (std::size_t i = first; i < end; ++i) {
    laid.push_back(lay_out(lines[i]));
  }
  // Column boundaries: every '+' of a border, full or partial (a partial border, "|   +----+",
  // is where a row-spanning cell continues past the end of its neighbours' row). A '+' in cell
  // text ("+1036") has no border character beside it.
  std::set<int> bound_set;
  for (const auto& l : laid) {
    for (std::size_t g = 0; g < l.glyphs.size(); ++g) {
      if (l.glyphs[g].cp != '+') {
        continue;
      }
      const bool left = g > 0 && is_border_char(l.glyphs[g - 1].cp);
      const bool right = g + 1 < l.glyphs.size() && is_border_char(l.glyphs[g + 1].cp);
      if (left || right) {
        bound_set.insert(l.glyphs[g].col);
      }
    }
  }
  const std::vector<int> bounds(bound_set.begin(), bound_set.end());
  const int ncols = static_cast<int>(bounds.size()) - 1;

  std::vector<GridCell> cells;
  std::vector<int> open(static_cast<std::size_t>(ncols), -1); // fine column → cell index
  std::vector<int> band_line;                                 // band → its first content line
  int band = 0;
  bool band_has_content = false;

  for (std::size_t i = 1; i < laid.size(); ++i) {
    const LaidOutLine& l = laid[i];
    const int line_no = static_cast<int>(first + i) + 1;
    const std::vector<int> junctions = junctions_of(l, bounds);
    bool any_border = false;
    for (std::size_t s = 0; s + 1 < junctions.size(); ++s) {
      const int kb = junctions[s];
      const int ke = junctions[s + 1];
      const int left = bounds[static_cast<std::size_t>(kb)];
      const int right = bounds[static_cast<std::size_t>(ke)];
      // Where the segment's glyphs are in the line; the junction glyphs found by the fallback
      // mapping may sit off the boundaries, so locate them by glyph order.
      const Glyph* lj = glyph_at(l, left);
      const Glyph* rj = glyph_at(l, right);
      std::size_t gb = 0;
      std::size_t ge = 0;
      if (is_junction(lj) && is_junction(rj)) {
        gb = static_cast<std::size_t>(lj - l.glyphs.data()) + 1;
        ge = static_cast<std::size_t>(rj - l.glyphs.data());
      } else {
        // fallback: the s-th and (s+1)-th junction glyphs of the line
        std::size_t seen = 0;
        for (std::size_t g = 0; g < l.glyphs.size(); ++g) {
          if (l.glyphs[g].cp == '|' || l.glyphs[g].cp == '+') {
            if (seen == s) {
              gb = g + 1;
            } else if (seen == s + 1) {
              ge = g;
              break;
            }
            ++seen;
          }
        }
      }
      if (ge < gb) {
        ge = gb;
      }
      bool border = ge > gb;
      for (std::size_t g = gb; g < ge; ++g) {
        if (!is_border_char(l.glyphs[g].cp)) {
          border = false;
          break;
        }
      }
      if (border) {
        for (int c = kb; c < ke; ++c) {
          open[static_cast<std::size_t>(c)] = -1;
        }
        any_border = true;
        continue;
      }
      // Content: belongs to the cell open at its first column, or opens a new one.
      int id = open[static_cast<std::size_t>(kb)];
      if (id < 0) {
        GridCell cell;
        cell.col_begin = kb;
        cell.col_end = ke;
        cell.first_band = band;
        cell.last_band = band;
        cell.start.line = line_no;
        cell.start.column =
            column_of(l.src, gb < l.glyphs.size() ? l.glyphs[gb].byte : l.src.size());
        id = static_cast<int>(cells.size());
        cells.push_back(std::move(cell));
        for (int c = kb; c < ke; ++c) {
          open[static_cast<std::size_t>(c)] = id;
        }
      }
      GridCell& cell = cells[static_cast<std::size_t>(id)];
      cell.last_band = band;
      const std::size_t byte_begin = gb < l.glyphs.size() ? l.glyphs[gb].byte : l.src.size();
      const std::size_t byte_end = ge < l.glyphs.size() ? l.glyphs[ge].byte : l.src.size();
      const std::string_view raw = l.src.substr(byte_begin, byte_end - byte_begin);
      const std::string t = util::trim(raw);
      if (!t.empty() && cell.where.line == 0) {
        cell.where.line = line_no;
        cell.where.column = column_of(l.src, byte_begin + raw.find(t));
      }
      cell.lines.emplace_back(raw);
      if (!band_has_content) {
        band_has_content = true;
        band_line.push_back(line_no);
      }
    }
    if (any_border && band_has_content) {
      ++band;
      band_has_content = false;
    }
  }

  // Rows: per band, each cell covering it, in column order; cells begun in an earlier band appear
  // as merged continuations (as Word writes a vertical merge).
  Table table;
  table.structure = RowStructure::Reliable;
  table.where.line = static_cast<int>(first) + 1;
  table.where.column = column_of(lines[first], lines[first].find('+'));
  const int nbands = static_cast<int>(band_line.size());
  std::vector<std::vector<const GridCell*>> band_cells(band_line.size());
  for (const auto& cell : cells) {
    for (int b = cell.first_band; b <= cell.last_band && b < nbands; ++b) {
      band_cells[static_cast<std::size_t>(b)].push_back(&cell);
    }
  }
  for (int b = 0; b < nbands; ++b) {
    std::vector<const GridCell*>& row_cells = band_cells[static_cast<std::size_t>(b)];
    std::sort(row_cells.begin(), row_cells.end(),
              [](const GridCell* x, const GridCell* y) { return x->col_begin < y->col_begin; });
    Row row;
    for (const GridCell* gc : row_cells) {
      Cell c;
      c.col_span = gc->col_end - gc->col_begin;
      if (gc->first_band == b) {
        c.text = cell_text(gc->lines, inline_text);
        c.row_span = gc->last_band - gc->first_band + 1;
        c.where = gc->where.line != 0 ? gc->where : gc->start;
      } else {
        c.merged_continuation = true;
        c.where.line = band_line[static_cast<std::size_t>(b)];
        c.where.column = gc->start.column;
      }
      row.cells.push_back(std::move(c));
    }
    table.rows.push_back(std::move(row));
  }
  next = end;
  return table;
}

Document read_grid_text(std::string_view text) {
  Document doc;
  doc.format = "text-grid";
  const auto lines = util::split_lines(text);
  for (std::size_t i = 0; i < lines.size();) {
    std::size_t next = i + 1;
    if (is_grid_border(lines[i])) {
      if (auto table = parse_grid_table(lines, i, next)) {
        doc.blocks.emplace_back(std::move(*table));
        i = next;
        continue;
      }
    }
    const std::string_view line = lines[i];
    if (!util::trim_view(line).empty() && !is_page_number_line(line)) {
      add_line_paragraph(doc, line, i);
    }
    i = next;
  }
  return doc;
}

} // namespace xxgk::document
