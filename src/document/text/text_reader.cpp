// The Tika-style text form: each table cell a line starting with TAB (see text_reader.hpp).

#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>
#include <xxgk/util/text.hpp>

#include <string>

namespace xxgk::document {

namespace {

constexpr std::string_view k_bookmark = "[bookmark:";

/// Removes "[bookmark: …]" artifacts that DOCX-to-text converters leave, anywhere in the line.
std::string strip_bookmarks(std::string_view line, std::size_t& removed_prefix_bytes) {
  std::string out;
  removed_prefix_bytes = 0;
  std::size_t pos = 0;
  bool at_start = true;
  while (pos < line.size()) {
    const std::size_t found = line.find(k_bookmark, pos);
    if (found == std::string_view::npos) {
      break;
    }
    const std::size_t close = line.find(']', found);
    if (close == std::string_view::npos) {
      break;
    }
    out.append(line.substr(pos, found - pos));
    if (at_start && found == pos && out.empty()) {
      removed_prefix_bytes = close + 1;
    }
    at_start = false;
    pos = close + 1;
  }
  out.append(line.substr(pos));
  return out;
}

constexpr std::size_t k_max_centred_label = 30;

/// Whether the three bytes at `p` are a CJK ideograph (U+4E00–U+9FFF), CJK punctuation other than
/// U+3000 (U+3001–U+303F) or a fullwidth form (U+FF00–U+FF7F): none of them is white space.
bool is_visible_cjk(const char* p) {
  const auto b0 = static_cast<unsigned char>(p[0]);
  const auto b1 = static_cast<unsigned char>(p[1]);
  const auto b2 = static_cast<unsigned char>(p[2]);
  if ((b1 & 0xC0U) != 0x80 || (b2 & 0xC0U) != 0x80) {
    return false;
  }
  return (b0 >= 0xE4 && b0 <= 0xE9 && (b0 != 0xE4 || b1 >= 0xB8)) ||
         (b0 == 0xEF && (b1 == 0xBC || b1 == 0xBD)) || (b0 == 0xE3 && b1 == 0x80 && b2 != 0x80);
}

bool is_visible_ascii(char c) {
  return c > ' ' && c < 0x7F;
}

/// util::trim_view, answered at once for a cell that starts and ends with a visible ASCII or CJK
/// character (nearly every cell): it has nothing to trim.
std::string_view trim_cell(std::string_view s) {
  const std::size_t n = s.size();
  const bool starts = n > 0 && (is_visible_ascii(s[0]) || (n >= 3 && is_visible_cjk(s.data())));
  const bool ends =
      n > 0 && (is_visible_ascii(s[n - 1]) || (n >= 3 && is_visible_cjk(s.data() + n - 3)));
  return starts && ends ? s : util::trim_view(s);
}

} // namespace

bool looks_like_tika_text(std::string_view text) {
  return looks_like_tika_text(util::split_lines(text));
}

bool looks_like_tika_text(const std::vector<std::string_view>& lines) {
  for (auto line : lines) {
    if (!line.empty() && line.front() == '\t') {
      return true;
    }
  }
  return false;
}

Document read_tika_text(std::string_view text) {
  return read_tika_text(util::split_lines(text));
}

Document read_tika_text(const std::vector<std::string_view>& lines) {
  Document doc;
  doc.format = "text-tika";

  Table* table = nullptr;
  Cell* cell = nullptr;
  bool cell_has_text = false;
  int pending_blanks = 0;
  bool row_break_pending = false;
  std::string stripped; // a line without its bookmarks, when it has any

  auto close_table = [&]() {
    table = nullptr;
    cell = nullptr;
    cell_has_text = false;
    pending_blanks = 0;
    row_break_pending = false;
  };
  // A new table gets room for its rows: the runs of TAB lines after blank lines that follow, up
  // to text after a blank line (where a table nearly always ends).
  auto reserve_rows = [&](std::size_t i) {
    std::size_t rows = 1;
    bool blank_before = false;
    for (std::size_t j = i + 1; j < lines.size(); ++j) {
      const std::string_view l = lines[j];
      if (l.empty()) {
        blank_before = true;
      } else if (l.front() == '\t') {
        rows += blank_before ? 1 : 0;
        blank_before = false;
      } else if (blank_before) {
        break;
      }
    }
    table->rows.reserve(rows);
  };
  // A new row gets room for its cells: the TAB lines that follow (one cell each, nearly always).
  auto open_row = [&](std::size_t i) {
    std::size_t n = 1;
    while (i + n < lines.size() && !lines[i + n].empty() && lines[i + n].front() == '\t') {
      ++n;
    }
    table->rows.emplace_back().cells.reserve(n);
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    std::string_view line = lines[i];
    // Column offset of the content after a stripped leading bookmark.
    int col_base = 1;
    if (line.find(k_bookmark) != std::string_view::npos) {
      std::size_t removed = 0;
      stripped = strip_bookmarks(lines[i], removed);
      line = stripped;
      col_base = 1 + static_cast<int>(util::count_codepoints(lines[i].substr(0, removed)));
    }
    if (is_page_number_line(line)) {
      continue;
    }
    if (!line.empty() && line.front() == '\t') {
      if (table == nullptr) {
        Table t;
        t.structure = RowStructure::Unreliable;
        t.where.line = line_no;
        t.where.column = 1;
        doc.blocks.emplace_back(std::move(t));
        table = &std::get<Table>(doc.blocks.back());
        reserve_rows(i);
        open_row(i);
      } else if (row_break_pending) {
        open_row(i);
      }
      row_break_pending = false;
      pending_blanks = 0;
      // Several TABs on one line: each opens a cell (some exports put a row on one line).
      Row& row = table->rows.back();
      std::string_view rest = line;
      int col = col_base;
      while (!rest.empty() && rest.front() == '\t') {
        rest.remove_prefix(1);
        ++col;
        const std::size_t next_tab = rest.find('\t');
        const std::string_view content =
            next_tab == std::string_view::npos ? rest : rest.substr(0, next_tab);
        const std::string_view trimmed = trim_cell(content);
        Cell& c = row.cells.emplace_back();
        c.text.assign(trimmed);
        c.where.line = line_no;
        c.where.column = col;
        if (!trimmed.empty()) {
          // Point at the first non-space character of the content (at the first byte like it).
          const std::size_t lead = content.find(trimmed.front());
          if (lead > 0) {
            c.where.column =
                col + static_cast<int>(util::count_codepoints(content.substr(0, lead)));
          }
        }
        cell = &c;
        cell_has_text = !trimmed.empty();
        if (next_tab == std::string_view::npos) {
          break; // the line's last cell (nearly always its only one)
        }
        col += static_cast<int>(util::count_codepoints(content));
        rest = rest.substr(next_tab);
      }
      continue;
    }
    if (is_blank_line(line)) {
      if (table != nullptr) {
        ++pending_blanks;
        row_break_pending = true;
      }
      continue;
    }
    const std::string_view trimmed = trim_cell(line);
    if (table != nullptr && cell != nullptr) {
      bool continues = false;
      if (pending_blanks == 0) {
        continues = !looks_like_section_heading(trimmed); // another paragraph of the cell
      } else if (!cell_has_text && util::count_codepoints(trimmed) <= k_max_centred_label &&
                 !looks_like_section_heading(trimmed)) {
        continues = true; // a vertically centred label: blank paragraphs, then the text
      }
      if (continues) {
        if (!cell_has_text) {
          cell->text.assign(trimmed);
          cell->where.line = line_no;
          cell->where.column =
              col_base +
              static_cast<int>(util::count_codepoints(line.substr(0, line.find(trimmed.front()))));
          cell_has_text = true;
        } else {
          cell->text += '\n';
          cell->text += trimmed;
        }
        pending_blanks = 0;
        row_break_pending = false;
        continue;
      }
      close_table();
    }
    Paragraph p;
    p.text.assign(trimmed);
    p.where.line = line_no;
    p.where.column = col_base;
    doc.blocks.emplace_back(std::move(p));
  }
  return doc;
}

} // namespace xxgk::document
