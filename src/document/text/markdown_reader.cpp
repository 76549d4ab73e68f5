// The Markdown form: pipe, grid and pandoc dash tables become tables, other lines paragraphs
// without their inline markup (see text_forms.hpp).

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace xxgk::document {

namespace {

// --- pipe tables ---------------------------------------------------------------------------

struct RawCell {
  std::size_t begin = 0; ///< byte range of the cell's raw text in the line
  std::size_t end = 0;
};

bool is_escaped(std::string_view line, std::size_t pos) {
  std::size_t backslashes = 0;
  while (pos > backslashes && line[pos - backslashes - 1] == '\\') {
    ++backslashes;
  }
  return backslashes % 2 == 1;
}

/// Splits a pipe-table row on unescaped '|'; nullopt when the line has none. Leading and
/// trailing pipes are optional.
std::optional<std::vector<RawCell>> split_pipe_row(std::string_view line) {
  std::vector<std::size_t> pipes;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && !is_escaped(line, i)) {
      pipes.push_back(i);
    }
  }
  if (pipes.empty()) {
    return std::nullopt;
  }
  std::size_t begin = line.find_first_not_of(" \t");
  std::size_t end = line.find_last_not_of(" \t") + 1;
  if (line[begin] == '|') {
    ++begin;
  }
  if (end > begin && line[end - 1] == '|' && pipes.back() == end - 1) {
    --end;
  }
  std::vector<RawCell> cells;
  std::size_t cell_begin = begin;
  for (const std::size_t p : pipes) {
    if (p < begin || p >= end) {
      continue;
    }
    cells.push_back({cell_begin, p});
    cell_begin = p + 1;
  }
  cells.push_back({cell_begin, std::max(cell_begin, end)});
  return cells;
}

bool is_delimiter_row(std::string_view line, std::size_t& ncells) {
  const auto cells = split_pipe_row(line);
  if (!cells) {
    return false;
  }
  for (const auto& c : *cells) {
    std::string_view t = line.substr(c.begin, c.end - c.begin);
    const std::size_t b = t.find_first_not_of(" \t");
    if (b == std::string_view::npos) {
      return false;
    }
    t = t.substr(b, t.find_last_not_of(" \t") + 1 - b);
    if (t.front() == ':') {
      t.remove_prefix(1);
    }
    if (!t.empty() && t.back() == ':') {
      t.remove_suffix(1);
    }
    if (t.empty() || t.find_first_not_of('-') != std::string_view::npos) {
      return false;
    }
  }
  ncells = cells->size();
  return true;
}

/// Whether a pipe table (header row, delimiter row with as many cells) starts at `lines[i]`.
bool pipe_table_at(const std::vector<std::string_view>& lines, std::size_t i) {
  if (i + 1 >= lines.size()) {
    return false;
  }
  const auto header = split_pipe_row(lines[i]);
  std::size_t n = 0;
  return header && is_delimiter_row(lines[i + 1], n) && n == header->size();
}

Row pipe_row(std::string_view line, int line_no) {
  Row row;
  const auto raw_cells = split_pipe_row(line); // kept alive: the loop must not bind a temporary
  ColumnTracker columns;
  for (const auto& rc : *raw_cells) {
    const std::string_view raw = line.substr(rc.begin, rc.end - rc.begin);
    Cell c;
    std::string text;
    const std::string plain = markdown_inline_text(raw);
    for (const auto part : util::split_lines(plain)) {
      const std::string t = util::trim(part);
      if (!t.empty()) {
        text += text.empty() ? "" : "\n";
        text += t;
      }
    }
    c.text = std::move(text);
    c.where.line = line_no;
    const std::size_t visible = raw.find_first_not_of(" \t");
    c.where.column = columns(line, rc.begin + (visible == std::string_view::npos ? 0 : visible));
    row.cells.push_back(std::move(c));
  }
  return row;
}

// --- block structure -------------------------------------------------------------------------

/// "# 一、总体情况" → 3 (the bytes before the text); 0 when not an ATX heading. CJK text straight
/// after the marks ("#一、总体情况") is accepted too: converters and people write it.
std::size_t atx_heading_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') {
    ++i;
  }
  const std::size_t hashes = i;
  while (i < line.size() && line[i] == '#') {
    ++i;
  }
  const std::size_t level = i - hashes;
  if (level == 0 || level > 6) {
    return 0;
  }
  if (i == line.size() || line[i] == ' ' || line[i] == '\t') {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) {
      ++i;
    }
    return i;
  }
  return static_cast<unsigned char>(line[i]) >= 0x80 ? i : 0;
}

/// A thematic break or setext underline: only '-', '=', '*' or '_' (at least three) and spaces.
bool is_rule_line(std::string_view line) {
  std::size_t marks = 0;
  char mark = 0;
  for (const char c : line) {
    if (c == ' ' || c == '\t') {
      continue;
    }
    if ((c != '-' && c != '=' && c != '*' && c != '_') || (mark != 0 && c != mark)) {
      return false;
    }
    mark = c;
    ++marks;
  }
  return marks >= 3;
}

bool is_fence(std::string_view line) {
  const std::string_view t = line.substr(std::min(line.size(), line.find_first_not_of(' ')));
  return t.starts_with("```") || t.starts_with("~~~");
}

/// Strips block markers ("> ", "- ", "* ", "+ ", heading marks) and returns the byte offset of
/// the remaining text in the line.
std::size_t block_prefix(std::string_view line) {
  std::size_t pos = 0;
  auto skip_spaces = [&] {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) {
      ++pos;
    }
  };
  skip_spaces();
  while (pos < line.size() && line[pos] == '>') {
    ++pos;
    skip_spaces();
  }
  if (pos + 1 < line.size() && (line[pos] == '-' || line[pos] == '*' || line[pos] == '+') &&
      (line[pos + 1] == ' ' || line[pos + 1] == '\t')) {
    pos += 2;
    skip_spaces();
  }
  pos += atx_heading_prefix(line.substr(pos));
  return pos;
}

/// Drops a closing "###" sequence of an ATX heading.
std::string_view strip_closing_hashes(std::string_view s) {
  std::size_t end = s.find_last_not_of(" \t");
  if (end == std::string_view::npos) {
    return {};
  }
  std::size_t hashes = end + 1;
  while (hashes > 0 && s[hashes - 1] == '#') {
    --hashes;
  }
  if (hashes < end + 1 && hashes > 0 && (s[hashes - 1] == ' ' || s[hashes - 1] == '\t')) {
    return s.substr(0, hashes);
  }
  return s;
}

} // namespace

bool looks_like_markdown(std::string_view text) {
  return looks_like_markdown(util::split_lines(text));
}

bool looks_like_markdown(const std::vector<std::string_view>& lines) {
  // Every line is looked at once, and the table parsers run only where a table can start: a
  // pipe table needs a '|' in its header and in its delimiter row, a dash table a dash line
  // (maybe_dash_line) as its first or second line. A heading has a '#', so it is never blank.
  bool heading = false;
  bool tabs = false;
  const std::size_t n = lines.size();
  auto has_pipe = [&](std::size_t i) {
    return i < n && lines[i].find('|') != std::string_view::npos;
  };
  auto dash_line = [&](std::size_t i) { return i < n && maybe_dash_line(lines[i]); };
  bool pipe_next = has_pipe(0);
  bool dash_next = dash_line(0);
  for (std::size_t i = 0; i < n; ++i) {
    const bool pipe_here = pipe_next;
    const bool dash_here = dash_next;
    pipe_next = has_pipe(i + 1);
    dash_next = dash_line(i + 1);
    if ((pipe_here && pipe_next && pipe_table_at(lines, i)) ||
        ((dash_here || dash_next) && dash_table_at(lines, i))) {
      return true;
    }
    tabs = tabs || (lines[i].find('\t') != std::string_view::npos && !is_blank_line(lines[i]));
    heading = heading || atx_heading_prefix(lines[i]) > 0;
  }
  // Headings alone make Markdown only in text without TABs (TSV or Tika text with a stray '#'
  // line must keep its tables).
  return heading && !tabs;
}

Document read_markdown(std::string_view text) {
  Document doc;
  doc.format = "markdown";
  const auto lines = util::split_lines(text);
  bool in_fence = false;
  for (std::size_t i = 0; i < lines.size();) {
    const std::string_view line = lines[i];
    const int line_no = static_cast<int>(i) + 1;
    if (is_fence(line)) {
      in_fence = !in_fence;
      ++i;
      continue;
    }
    if (!in_fence) {
      if (pipe_table_at(lines, i)) {
        Table table;
        table.structure = RowStructure::Reliable;
        table.where.line = line_no;
        table.where.column = column_of(line, line.find_first_not_of(" \t"));
        table.rows.push_back(pipe_row(line, line_no));
        i += 2; // header and delimiter rows
        // Body rows run while lines hold a pipe; page numbers between rows are skipped.
        while (i < lines.size()) {
          if (is_page_number_line(lines[i])) {
            ++i;
            continue;
          }
          if (util::trim_view(lines[i]).empty() || !split_pipe_row(lines[i]) ||
              pipe_table_at(lines, i)) {
            break;
          }
          table.rows.push_back(pipe_row(lines[i], static_cast<int>(i) + 1));
          ++i;
        }
        doc.blocks.emplace_back(std::move(table));
        continue;
      }
      if (is_grid_border(line)) {
        std::size_t next = i + 1;
        if (auto table = parse_grid_table(lines, i, next, markdown_inline_text)) {
          doc.blocks.emplace_back(std::move(*table));
          i = next;
          continue;
        }
      }
      if (dash_table_at(lines, i)) {
        std::size_t next = i + 1;
        if (auto table = parse_dash_table(lines, i, next, markdown_inline_text)) {
          doc.blocks.emplace_back(std::move(*table));
          i = next;
          continue;
        }
      }
      if (is_rule_line(line) || is_page_number_line(line)) {
        ++i;
        continue;
      }
      if (util::trim(line).starts_with("<!--")) {
        ++i;
        continue;
      }
    }
    const std::size_t prefix = in_fence ? 0 : block_prefix(line);
    const std::string_view body =
        in_fence ? line : strip_closing_hashes(line.substr(std::min(prefix, line.size())));
    std::string content = in_fence ? std::string(body) : markdown_inline_text(body);
    const std::string trimmed = util::trim(content);
    if (!trimmed.empty()) {
      Paragraph p;
      p.text = trimmed;
      p.where.line = line_no;
      const std::size_t visible = line.find_first_not_of(" \t", prefix);
      p.where.column = column_of(line, visible == std::string_view::npos ? prefix : visible);
      doc.blocks.emplace_back(std::move(p));
    }
    ++i;
  }
  return doc;
}

} // namespace xxgk::document
