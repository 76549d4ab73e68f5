#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace xxgk::document {

namespace {

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != prefix[i]) {
      return false;
    }
  }
  return true;
}

/// Length of an HTML tag such as "<br />" or "</span>" at the start of `s`, or 0.
std::size_t html_tag_length(std::string_view s) {
  std::size_t i = 1;
  if (i < s.size() && s[i] == '/') {
    ++i;
  }
  const std::size_t name = i;
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
                          (i > name && s[i] >= '0' && s[i] <= '9'))) {
    ++i;
  }
  if (i == name) {
    return 0;
  }
  const std::size_t close = s.find('>', i);
  if (close == std::string_view::npos ||
      s.substr(i, close - i).find('<') != std::string_view::npos ||
      (i < close && s[i] != ' ' && s[i] != '/')) {
    return 0;
  }
  return close + 1;
}

/// Decodes an HTML entity at the start of `s` ("&nbsp;", "&#12288;"); returns its length or 0.
std::size_t html_entity(std::string_view s, std::string& out) {
  const std::size_t semi = s.find(';');
  if (semi == std::string_view::npos || semi > 10) {
    return 0;
  }
  const std::string_view name = s.substr(1, semi - 1);
  static constexpr std::pair<std::string_view, std::string_view> k_named[] = {
      {"nbsp", " "}, {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
  };
  for (const auto& [n, v] : k_named) {
    if (name == n) {
      out += v;
      return semi + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) {
      return 0;
    }
    char* stop = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
    if (*stop != '\0' || cp == 0 || cp > 0x10FFFF) {
      return 0;
    }
    util::append_utf8(out, static_cast<char32_t>(cp));
    return semi + 1;
  }
  return 0;
}

/// A piece of inline text: literal text, or a run of emphasis delimiters (* _ ~).
struct Piece {
  std::string text;
  char delim = 0; ///< 0 for literal text
  bool can_open = false;
  bool can_close = false;
  bool removed = false;
};

char32_t codepoint_before(std::string_view s, std::size_t pos) {
  if (pos == 0) {
    return 0;
  }
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  return util::next_codepoint(s, start);
}

char32_t codepoint_at(std::string_view s, std::size_t pos) {
  return pos < s.size() ? util::next_codepoint(s, pos) : 0;
}

bool is_word_char(char32_t cp) {
  return cp != 0 && !util::is_space(cp) &&
         (cp >= 0x80
              ? true
              : (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'));
}

/// Pairs openers with closers of the same delimiter (a simplified CommonMark rule) and drops
/// the paired runs; unpaired delimiters stay as literal text ("注*", "3 * 4").
std::string resolve_emphasis(std::vector<Piece>& pieces) {
  // Open delimiter runs, one stack per delimiter ('*', '_', '~'), each in piece order. A closer
  // takes the nearest opener of its kind and discards every opener after that one, of any kind.
  // Per-kind stacks keep this linear: one list searched for each closer was quadratic in a line
  // of thousands of runs (issue 9).
  std::array<std::vector<std::size_t>, 3> openers;
  const auto kind = [](char delim) -> std::size_t {
    return delim == '*' ? 0 : (delim == '_' ? 1 : 2);
  };
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    Piece& p = pieces[i];
    if (p.delim == 0) {
      continue;
    }
    auto& same = openers[kind(p.delim)];
    if (p.can_close && !same.empty()) {
      const std::size_t opener = same.back();
      pieces[opener].removed = true;
      p.removed = true;
      for (auto& stack : openers) {
        while (!stack.empty() && stack.back() >= opener) {
          stack.pop_back();
        }
      }
      continue;
    }
    if (p.can_open) {
      same.push_back(i);
    }
  }
  std::string out;
  for (const auto& p : pieces) {
    if (!p.removed) {
      out += p.text;
    }
  }
  return out;
}

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

std::string markdown_inline_text(std::string_view s) {
  std::vector<Piece> pieces;
  auto literal = [&](std::string_view t) {
    if (pieces.empty() || pieces.back().delim != 0) {
      pieces.emplace_back();
    }
    pieces.back().text += t;
  };
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c == '\\') {
      if (i + 1 < s.size() && is_ascii_punct(s[i + 1])) {
        literal(s.substr(i + 1, 1));
        i += 2;
      } else if (i + 1 == s.size()) {
        ++i; // a hard line break marker at the end
      } else {
        literal("\\");
        ++i;
      }
      continue;
    }
    if (c == '<') {
      const std::size_t len = html_tag_length(s.substr(i));
      if (len > 0) {
        if (starts_with_icase(s.substr(i), "<br") &&
            (len == 4 || s[i + 3] == ' ' || s[i + 3] == '/')) {
          literal("\n");
        }
        i += len; // other tags (<span>, <u>, <sup> …) carry no text
        continue;
      }
    }
    if (c == '&') {
      std::string decoded;
      const std::size_t len = html_entity(s.substr(i), decoded);
      if (len > 0) {
        literal(decoded);
        i += len;
        continue;
      }
    }
    if (c == '`') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == '`') {
        ++run;
      }
      const std::string ticks(run, '`');
      std::size_t close = s.find(ticks, i + run);
      while (close != std::string_view::npos && close + run < s.size() && s[close + run] == '`') {
        close = s.find(ticks, close + run + 1);
      }
      if (close != std::string_view::npos) {
        literal(s.substr(i + run, close - i - run)); // code spans are literal
        i = close + run;
        continue;
      }
      literal(ticks);
      i += run;
      continue;
    }
    if (c == '[' || (c == '!' && i + 1 < s.size() && s[i + 1] == '[')) {
      // [text](url), ![alt](src), [text]{attrs} (pandoc spans; "[]{#_GoBack}" is a bookmark)
      const std::size_t open = c == '!' ? i + 1 : i;
      const std::size_t close = s.find(']', open);
      if (close != std::string_view::npos && close + 1 < s.size() &&
          (s[close + 1] == '(' || s[close + 1] == '{')) {
        const char closer = s[close + 1] == '(' ? ')' : '}';
        const std::size_t attr_end = s.find(closer, close + 2);
        if (attr_end != std::string_view::npos) {
          literal(markdown_inline_text(s.substr(open + 1, close - open - 1)));
          i = attr_end + 1;
          continue;
        }
      }
    }
    if (c == '*' || c == '_' || c == '~') {
      std::size_t run = 0;
      while (i + run < s.size() && s[i + run] == c) {
        ++run;
      }
      if (c == '~' && run < 2) {
        literal("~");
        ++i;
        continue;
      }
      const char32_t before = codepoint_before(s, i);
      const char32_t after = codepoint_at(s, i + run);
      Piece p;
      p.text = std::string(s.substr(i, run));
      p.delim = c;
      const bool left_flanking = after != 0 && !util::is_space(after);
      const bool right_flanking = before != 0 && !util::is_space(before);
      p.can_open = left_flanking && (c != '_' || !is_word_char(before));
      p.can_close = right_flanking && (c != '_' || !is_word_char(after));
      pieces.push_back(std::move(p));
      i += run;
      continue;
    }
    std::size_t next = i;
    util::next_codepoint(s, next);
    literal(s.substr(i, next - i));
    i = next;
  }
  return resolve_emphasis(pieces);
}

bool looks_like_markdown(std::string_view text) {
  const auto lines = util::split_lines(text);
  bool heading = false;
  bool tabs = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (pipe_table_at(lines, i) || dash_table_at(lines, i)) {
      return true;
    }
    const bool blank = util::trim(lines[i]).empty();
    tabs = tabs || (!blank && lines[i].find('\t') != std::string_view::npos);
    heading = heading || (!blank && atx_heading_prefix(lines[i]) > 0);
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
          if (util::trim(lines[i]).empty() || !split_pipe_row(lines[i]) ||
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
