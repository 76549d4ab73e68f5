// TAB-separated rows: a Word or Excel table pasted into a text editor (see text_forms.hpp).

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <optional>

namespace xxgk::document {

namespace {

/// How far a quoted Excel cell may run over lines before we stop believing it is one.
constexpr std::size_t k_max_quoted_lines = 20;
/// Longer TAB-less lines between rows are prose, not a one-cell caption row.
constexpr std::size_t k_max_caption = 40;

bool is_blank(std::string_view line) {
  return util::trim_view(line).empty();
}

/// A line that starts a TSV table: a TAB after some cell content, and either content after a TAB
/// or at least two TABs (a lone trailing TAB after a paragraph is an editing accident, while
/// Excel writes a merged caption as "第二十条第（一）项\t\t\t").
bool starts_row(std::string_view line) {
  const std::size_t content = line.find_first_not_of('\t');
  if (content == std::string_view::npos) {
    return false;
  }
  const std::size_t tab = line.find('\t', content);
  if (tab == std::string_view::npos) {
    return false;
  }
  const bool more_tabs = std::count(line.begin(), line.end(), '\t') >= 2;
  return more_tabs || !is_blank(line.substr(tab + 1));
}

/// Captions are short and are not sentences: "第二十条第（五）项", not "具体情况如下：".
bool looks_like_caption(std::string_view line) {
  const std::string t = util::trim(line);
  if (util::count_codepoints(t) > k_max_caption || looks_like_section_heading(t)) {
    return false;
  }
  for (const std::string_view end : {"。", "：", ":", "；", ";"}) {
    if (t.ends_with(end)) {
      return false;
    }
  }
  return true;
}

struct Position {
  int line = 0;
  int column = 0;
};

/// Accumulates one cell's text line by line, remembering where its first visible character is.
struct CellBuilder {
  std::string text;
  Position first;
  Position start;                   ///< where the field starts, for empty cells
  ColumnTracker* columns = nullptr; ///< the row's tracker, when the cell is on the row's line

  void add_line(std::string_view raw, int line_no, std::string_view whole_line,
                std::size_t raw_offset) {
    const std::string t = util::trim(raw);
    if (t.empty()) {
      return;
    }
    if (text.empty()) {
      first.line = line_no;
      const std::size_t byte = raw_offset + raw.find(t);
      first.column =
          columns != nullptr ? (*columns)(whole_line, byte) : column_of(whole_line, byte);
    } else {
      text.push_back('\n');
    }
    text += t;
  }

  Cell finish() && {
    Cell c;
    c.text = std::move(text);
    const Position& p = c.text.empty() ? start : first;
    c.where.line = p.line;
    c.where.column = p.column;
    return c;
  }
};

/// Tries to read an Excel-quoted field starting at the '"' at `lines[li][pos]`. On success
/// returns the cell and sets `li`/`pos` just past the closing quote.
std::optional<Cell> parse_quoted(const std::vector<std::string_view>& lines, std::size_t& li,
                                 std::size_t& pos) {
  CellBuilder b;
  b.start = {static_cast<int>(li) + 1, column_of(lines[li], pos)};
  std::size_t l = li;
  std::size_t p = pos + 1;
  std::string segment; // the current line's unescaped text
  std::size_t segment_offset = p;
  while (true) {
    const std::string_view line = lines[l];
    if (p >= line.size()) {
      // The quoted cell continues on the next line.
      b.add_line(segment, static_cast<int>(l) + 1, line, segment_offset);
      segment.clear();
      if (l + 1 >= lines.size() || l + 1 - li > k_max_quoted_lines) {
        return std::nullopt;
      }
      ++l;
      p = 0;
      segment_offset = 0;
      continue;
    }
    if (line[p] != '"') {
      if (line[p] == '\t') {
        return std::nullopt; // TABs never occur inside a quoted cell of a pasted table row
      }
      segment.push_back(line[p++]);
      continue;
    }
    if (p + 1 < line.size() && line[p + 1] == '"') {
      segment.push_back('"');
      p += 2;
      continue;
    }
    // The closing quote: it must end the field.
    if (p + 1 < line.size() && line[p + 1] != '\t') {
      return std::nullopt;
    }
    // `segment` is unescaped, so offsets within it may drift after a "" pair; locations point at
    // the first visible character, which precedes any such pair in practice.
    b.add_line(segment, static_cast<int>(l) + 1, line, segment_offset);
    li = l;
    pos = p + 1;
    return std::move(b).finish();
  }
}

/// Reads the row starting at `lines[li]`; `li` ends on the row's last line.
Row parse_row(const std::vector<std::string_view>& lines, std::size_t& li) {
  Row row;
  std::size_t pos = 0;
  ColumnTracker columns;
  while (true) {
    const std::string_view line = lines[li];
    if (pos < line.size() && line[pos] == '"') {
      std::size_t qli = li;
      std::size_t qpos = pos;
      if (auto cell = parse_quoted(lines, qli, qpos)) {
        row.cells.push_back(std::move(*cell));
        li = qli;
        pos = qpos;
        if (pos < lines[li].size() && lines[li][pos] == '\t') {
          ++pos;
          continue;
        }
        return row;
      }
    }
    const std::size_t tab = line.find('\t', pos);
    const std::size_t end = tab == std::string_view::npos ? line.size() : tab;
    CellBuilder b;
    b.start = {static_cast<int>(li) + 1, columns(line, pos)};
    b.columns = &columns;
    b.add_line(line.substr(pos, end - pos), static_cast<int>(li) + 1, line, pos);
    row.cells.push_back(std::move(b).finish());
    if (tab == std::string_view::npos) {
      return row;
    }
    pos = tab + 1;
  }
}

} // namespace

// Detection, TSV against the Tika form. Both put table cells after TABs; they differ in how many
// cells a line holds. Each non-blank line is classified:
//  - a one-cell line starts with a TAB and holds no other TAB: the Tika form's signature (every
//    cell is a line; an empty cell is a bare TAB);
//  - a row line holds a TAB after cell content, or at least two TABs: several cells on a line.
// TSV when there are at least two row lines and more row lines than one-cell lines. In the Tika
// form nearly every table line is a one-cell line (hundreds in a report) and row lines occur
// only where an exporter put a whole row on one line; in TSV nearly every table line is a row
// line, and one-cell lines come only from TAB-indented paragraphs or two-cell rows with an empty
// first cell — far fewer than the rows. Needing two row lines keeps a stray TAB inside a
// paragraph from making plain text a table. Lines without TAB (paragraphs, and in the Tika form
// the continuation paragraphs of cells) count for neither, so long narrative text cannot tip the
// balance.
bool looks_like_tsv_text(std::string_view text) {
  return looks_like_tsv_text(util::split_lines(text));
}

bool looks_like_tsv_text(const std::vector<std::string_view>& lines) {
  std::size_t row_lines = 0;
  std::size_t one_cell_lines = 0;
  for (const auto line : lines) {
    const std::size_t first_tab = line.find('\t');
    if (first_tab == std::string_view::npos || is_blank_line(line)) {
      continue;
    }
    // One TAB, at the start of the line?
    if (first_tab == 0 && line.find('\t', 1) == std::string_view::npos) {
      ++one_cell_lines;
    } else {
      ++row_lines;
    }
  }
  return row_lines >= 2 && row_lines > one_cell_lines;
}

Document read_tsv_text(std::string_view text) {
  Document doc;
  doc.format = "text-tsv";
  const auto lines = util::split_lines(text);
  Table* table = nullptr;

  // Inside a table every line with a TAB is a row (leading empty cells included). Outside, a line
  // opening with an Excel-quoted cell that runs over lines starts a table when the quoted cell is
  // followed by more cells.
  auto is_row = [&](std::size_t i) {
    if (table != nullptr) {
      return lines[i].find('\t') != std::string_view::npos;
    }
    if (starts_row(lines[i])) {
      return true;
    }
    if (!lines[i].starts_with('"')) {
      return false;
    }
    std::size_t probe = i;
    return parse_row(lines, probe).cells.size() >= 2;
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (is_page_number_line(line)) {
      continue; // page numbers inside a table must not split it
    }
    if (is_row(i)) {
      if (table == nullptr) {
        Table t;
        t.structure = RowStructure::Reliable;
        t.where.line = static_cast<int>(i) + 1;
        t.where.column = 1;
        doc.blocks.emplace_back(std::move(t));
        table = &std::get<Table>(doc.blocks.back());
      }
      table->rows.push_back(parse_row(lines, i));
      continue;
    }
    if (is_blank(line)) {
      table = nullptr;
      continue;
    }
    // A line without TAB between two rows is a row of one cell (a merged caption pasted from
    // Word), unless it is a section heading or a sentence between two tables.
    if (table != nullptr && i + 1 < lines.size() &&
        lines[i + 1].find('\t') != std::string_view::npos && looks_like_caption(line)) {
      table->rows.push_back(parse_row(lines, i));
      continue;
    }
    table = nullptr;
    add_line_paragraph(doc, line, i);
  }
  return doc;
}

} // namespace xxgk::document
