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

bool is_blank(std::string_view line) {
  return util::trim_view(line).empty();
}

constexpr std::size_t k_max_centred_label = 30;

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
  Document doc;
  doc.format = "text-tika";
  const auto lines = util::split_lines(text);

  Table* table = nullptr;
  Cell* cell = nullptr;
  bool cell_has_text = false;
  int pending_blanks = 0;
  bool row_break_pending = false;

  auto close_table = [&]() {
    table = nullptr;
    cell = nullptr;
    cell_has_text = false;
    pending_blanks = 0;
    row_break_pending = false;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i) + 1;
    std::size_t removed = 0;
    const std::string line = strip_bookmarks(lines[i], removed);
    // Column offset of the content after a stripped leading bookmark.
    const int col_base = 1 + static_cast<int>(util::count_codepoints(lines[i].substr(0, removed)));
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
        table->rows.emplace_back();
      } else if (row_break_pending) {
        table->rows.emplace_back();
      }
      row_break_pending = false;
      pending_blanks = 0;
      // Several TABs on one line: each opens a cell (some exports put a row on one line).
      std::string_view rest = line;
      int col = col_base;
      while (!rest.empty() && rest.front() == '\t') {
        rest.remove_prefix(1);
        ++col;
        const std::size_t next_tab = rest.find('\t');
        const std::string_view content =
            next_tab == std::string_view::npos ? rest : rest.substr(0, next_tab);
        Cell c;
        c.where.line = line_no;
        c.where.column = col;
        const std::string trimmed = util::trim(content);
        c.text = trimmed;
        if (!trimmed.empty()) {
          // Point at the first non-space character of the content.
          const std::size_t lead = content.find(trimmed.substr(0, 1));
          c.where.column = col + static_cast<int>(util::count_codepoints(content.substr(0, lead)));
        }
        table->rows.back().cells.push_back(std::move(c));
        cell = &table->rows.back().cells.back();
        cell_has_text = !trimmed.empty();
        col += static_cast<int>(util::count_codepoints(content));
        rest = next_tab == std::string_view::npos ? std::string_view{} : rest.substr(next_tab);
      }
      continue;
    }
    if (is_blank(line)) {
      if (table != nullptr) {
        ++pending_blanks;
        row_break_pending = true;
      }
      continue;
    }
    const std::string trimmed = util::trim(line);
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
          cell->text = trimmed;
          cell->where.line = line_no;
          cell->where.column =
              col_base + static_cast<int>(util::count_codepoints(
                             std::string_view(line).substr(0, line.find(trimmed.substr(0, 1)))));
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
    p.text = trimmed;
    p.where.line = line_no;
    p.where.column = col_base;
    doc.blocks.emplace_back(std::move(p));
  }
  return doc;
}

} // namespace xxgk::document
