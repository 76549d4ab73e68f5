// pandoc's simple and multiline tables (text_forms.hpp): columns come from the runs of a dash
// line, on display columns (a CJK character takes two), as pandoc aligns them.

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <utf8proc.h>

namespace xxgk::document {

namespace {

constexpr std::size_t k_max_body_lines = 2000;

struct Run {
  int begin = 0; ///< display column of the first dash
  int end = 0;   ///< one past the last dash
};

/// The runs of a line made only of '-' and spaces (at least three dashes a run), else empty.
std::vector<Run> dash_runs(std::string_view line) {
  std::vector<Run> runs;
  int col = 0;
  for (std::size_t i = 0; i < line.size(); ++i, ++col) {
    const char c = line[i];
    if (c == '-') {
      if (runs.empty() || runs.back().end != col) {
        runs.push_back({col, col + 1});
      } else {
        runs.back().end = col + 1;
      }
    } else if (c != ' ' && c != '\r') {
      return {};
    }
  }
  for (const auto& r : runs) {
    if (r.end - r.begin < 3) {
      return {};
    }
  }
  return runs;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// Column lines: two or more runs. A full line: exactly one run.
bool is_column_line(std::string_view line) {
  return dash_runs(line).size() >= 2;
}
bool is_full_line(std::string_view line) {
  return dash_runs(line).size() == 1;
}

/// `line` cut at the runs' starts (by display column); each piece trimmed.
std::vector<std::string> slice(std::string_view line, const std::vector<Run>& runs) {
  std::vector<std::string> out(runs.size());
  int col = 0;
  for (std::size_t pos = 0; pos < line.size();) {
    const std::size_t start = pos;
    const char32_t cp = util::next_codepoint(line, pos);
    int width = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    if (width <= 0) {
      width = cp < 0x300 ? 1 : 0;
    }
    std::size_t k = 0;
    while (k + 1 < runs.size() && col >= runs[k + 1].begin) {
      ++k;
    }
    out[k].append(line.substr(start, pos - start));
    col += width;
  }
  for (auto& piece : out) {
    piece = util::trim(piece);
    if (piece.ends_with('\\')) {
      piece.pop_back(); // pandoc's hard line break
      piece = util::trim(piece);
    }
  }
  return out;
}

struct Shape {
  std::size_t top = 0;     ///< first line of the table (full line, header or column line)
  std::size_t columns = 0; ///< the column line
  bool header = false;
  bool multiline = false;
};

/// The table whose first line is `lines[i]`, if one starts there.
std::optional<Shape> shape_at(const std::vector<std::string_view>& lines, std::size_t i) {
  if (i >= lines.size()) {
    return std::nullopt;
  }
  if (is_full_line(lines[i])) {
    // Multiline with header: full line, header lines, column line.
    for (std::size_t j = i + 1; j < lines.size() && j <= i + 8; ++j) {
      if (is_column_line(lines[j])) {
        return j > i + 1 ? std::optional<Shape>(Shape{i, j, true, true}) : std::nullopt;
      }
      if (is_blank(lines[j]) || is_full_line(lines[j])) {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }
  if (is_column_line(lines[i])) {
    // Headerless (simple or multiline): the previous line is blank or absent.
    if (i == 0 || is_blank(lines[i - 1])) {
      return Shape{i, i, false, false};
    }
    return std::nullopt;
  }
  // Simple with header: a text line right above a column line, after a blank line.
  if (!is_blank(lines[i]) && i + 1 < lines.size() && is_column_line(lines[i + 1]) &&
      (i == 0 || is_blank(lines[i - 1]))) {
    return Shape{i, i + 1, true, false};
  }
  return std::nullopt;
}

Cell make_cell(const std::vector<std::string>& parts, std::size_t line_index,
               InlineTextFn inline_text) {
  Cell c;
  std::string text;
  for (const auto& part : parts) {
    if (part.empty()) {
      continue;
    }
    const std::string plain = inline_text ? inline_text(part) : part;
    if (!text.empty()) {
      text += '\n';
    }
    text += plain;
  }
  c.text = text;
  c.where.line = static_cast<int>(line_index) + 1;
  return c;
}

/// One row from a group of lines (each already sliced into columns).
Row make_row(const std::vector<std::vector<std::string>>& group, std::size_t first_line,
             std::size_t ncols, InlineTextFn inline_text) {
  Row row;
  for (std::size_t k = 0; k < ncols; ++k) {
    std::vector<std::string> parts;
    for (const auto& line : group) {
      parts.push_back(line[k]);
    }
    row.cells.push_back(make_cell(parts, first_line, inline_text));
  }
  return row;
}

} // namespace

bool maybe_dash_line(std::string_view line) {
  // dash_runs accepts only these bytes, and at least one run of three dashes.
  for (const char c : line) {
    if (c != '-' && c != ' ' && c != '\r') {
      return false;
    }
  }
  return line.find("---") != std::string_view::npos;
}

bool dash_table_at(const std::vector<std::string_view>& lines, std::size_t i) {
  std::size_t next = 0;
  return shape_at(lines, i) && parse_dash_table(lines, i, next).has_value();
}

std::optional<Table> parse_dash_table(const std::vector<std::string_view>& lines, std::size_t first,
                                      std::size_t& next, InlineTextFn inline_text) {
  const auto shape = shape_at(lines, first);
  if (!shape) {
    return std::nullopt;
  }
  const auto runs = dash_runs(lines[shape->columns]);
  const std::size_t ncols = runs.size();
  Table table;
  table.structure = RowStructure::Reliable;
  table.where.line = static_cast<int>(first) + 1;
  table.where.column = 1;
  if (shape->header) {
    std::vector<std::vector<std::string>> group;
    const std::size_t from = shape->multiline ? shape->top + 1 : shape->top;
    for (std::size_t j = from; j < shape->columns; ++j) {
      group.push_back(slice(lines[j], runs));
    }
    table.rows.push_back(make_row(group, from, ncols, inline_text));
  }
  // The body: a multiline or headerless table ends at a dash line; a simple table with a header
  // at a blank line (or a dash line). Rows of a multiline table are groups between blank lines;
  // a headerless table is multiline when a blank line comes before its closing dash line.
  bool ends_with_dashes = shape->multiline || !shape->header;
  std::size_t end = shape->columns + 1;
  bool blank_inside = false;
  while (end < lines.size()) {
    if (is_full_line(lines[end]) || is_column_line(lines[end])) {
      break;
    }
    if (is_blank(lines[end])) {
      if (!ends_with_dashes) {
        break;
      }
      blank_inside = true;
    }
    if (end - shape->columns > k_max_body_lines) {
      return std::nullopt; // no closing dash line near: not a table
    }
    ++end;
  }
  const bool closed =
      end < lines.size() && (is_full_line(lines[end]) || is_column_line(lines[end]));
  if (ends_with_dashes && !closed) {
    return std::nullopt;
  }
  const bool grouped = shape->multiline || (!shape->header && blank_inside);
  std::vector<std::vector<std::string>> group;
  std::size_t group_first = 0;
  auto flush = [&] {
    if (!group.empty()) {
      table.rows.push_back(make_row(group, group_first, ncols, inline_text));
      group.clear();
    }
  };
  for (std::size_t j = shape->columns + 1; j < end; ++j) {
    if (is_page_number_line(lines[j])) {
      continue;
    }
    if (is_blank(lines[j])) {
      flush();
      // pandoc writes a row of empty cells as a line of spaces as wide as the table.
      if (grouped && lines[j].size() >= static_cast<std::size_t>(runs.back().begin)) {
        group_first = j;
        group.push_back(slice(lines[j], runs));
        flush();
      }
      continue;
    }
    if (group.empty()) {
      group_first = j;
    }
    group.push_back(slice(lines[j], runs));
    if (!grouped) {
      flush();
    }
  }
  flush();
  // A table has at least one row whose cells after the first are not all empty.
  bool data = false;
  for (const auto& row : table.rows) {
    for (std::size_t k = 1; k < row.cells.size(); ++k) {
      data = data || !row.cells[k].text.empty();
    }
  }
  if (!data) {
    return std::nullopt;
  }
  next = closed ? end + 1 : end;
  return table;
}

} // namespace xxgk::document
