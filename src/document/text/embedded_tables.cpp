// HTML <table> blocks inside text (converter Markdown): cut out of the text, read by the HTML
// reader, put back among the text's blocks (see embedded_tables.hpp).

#include "embedded_tables.hpp"

#include <xxgk/document/html_reader.hpp>

#include <algorithm>
#include <cctype>

namespace xxgk::document {

namespace {

bool iequal_at(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[pos + i])) != word[i]) {
      return false;
    }
  }
  return true;
}

/// Whether a tag (start or end tag when `closing`) named `name` starts at `pos`.
bool tag_at(std::string_view s, std::size_t pos, std::string_view name, bool closing = false) {
  if (pos >= s.size() || s[pos] != '<') {
    return false;
  }
  std::size_t at = pos + 1;
  if (closing) {
    if (at >= s.size() || s[at] != '/') {
      return false;
    }
    ++at;
  }
  if (!iequal_at(s, at, name)) {
    return false;
  }
  const std::size_t after = at + name.size();
  if (after >= s.size()) {
    return true;
  }
  const char c = s[after];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' || c == '>';
}

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0; ///< one past the matching "</table>"
};

/// Outermost <table>…</table> spans, nesting counted; an unclosed table runs to the end.
std::vector<Span> table_spans(std::string_view s) {
  std::vector<Span> spans;
  int depth = 0;
  std::size_t begin = 0;
  for (auto pos = s.find('<'); pos != std::string_view::npos; pos = s.find('<', pos + 1)) {
    if (tag_at(s, pos, "table")) {
      if (depth++ == 0) {
        begin = pos;
      }
    } else if (depth > 0 && tag_at(s, pos, "table", true)) {
      if (--depth == 0) {
        const auto close = s.find('>', pos);
        const std::size_t end = close == std::string_view::npos ? s.size() : close + 1;
        spans.push_back({begin, end});
        pos = end - 1;
      }
    }
  }
  if (depth > 0) {
    spans.push_back({begin, s.size()});
  }
  return spans;
}

/// Whether a line (white space trimmed at its start) opens with an HTML element or comment.
bool starts_with_markup(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string_view::npos || line[first] != '<' || first + 1 >= line.size()) {
    return false;
  }
  const char c = line[first + 1];
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '/' || c == '!';
}

} // namespace

bool looks_like_text_with_html_tables(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return false;
  }
  const auto spans = table_spans(bytes);
  if (spans.empty()) {
    return false;
  }
  // Outside the tables: text lines, and next to none that open with markup.
  std::size_t text_lines = 0;
  std::size_t markup_lines = 0;
  std::size_t from = 0;
  bool first_line = true;
  auto scan = [&](std::string_view part) {
    std::size_t start = 0;
    while (start <= part.size()) {
      auto nl = part.find('\n', start);
      const std::string_view line =
          part.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
        for (const std::string_view page : {"html", "head", "body", "meta", "title"}) {
          for (auto p = line.find('<'); p != std::string_view::npos; p = line.find('<', p + 1)) {
            if (tag_at(line, p, page)) {
              markup_lines += 1000; // a page, not text
            }
          }
        }
        if (starts_with_markup(line)) {
          ++markup_lines;
          if (first_line) {
            markup_lines += 1000; // a file that opens with markup is a page or fragment
          }
        } else {
          ++text_lines;
        }
        first_line = false;
      }
      if (nl == std::string_view::npos) {
        break;
      }
      start = nl + 1;
    }
  };
  for (const auto& span : spans) {
    scan(bytes.substr(from, span.begin - from));
    first_line = false;
    from = span.end;
  }
  scan(bytes.substr(from));
  return text_lines >= 3 && markup_lines * 10 < text_lines;
}

std::vector<HtmlTableBlock> cut_html_tables(std::string& text) {
  std::vector<HtmlTableBlock> blocks;
  int line = 1;
  std::size_t counted = 0;
  for (const auto& span : table_spans(text)) {
    line +=
        static_cast<int>(std::count(text.begin() + static_cast<std::ptrdiff_t>(counted),
                                    text.begin() + static_cast<std::ptrdiff_t>(span.begin), '\n'));
    counted = span.begin;
    blocks.push_back({line, text.substr(span.begin, span.end - span.begin)});
    for (std::size_t i = span.begin; i < span.end; ++i) {
      if (text[i] != '\n') {
        text[i] = ' ';
      }
    }
  }
  return blocks;
}

void splice_html_tables(Document& doc, const std::vector<HtmlTableBlock>& blocks) {
  if (blocks.empty()) {
    return;
  }
  for (const auto& block : blocks) {
    auto html = read_html_text(block.html);
    if (!html) {
      continue;
    }
    doc.diagnostics.insert(doc.diagnostics.end(), html->diagnostics.begin(),
                           html->diagnostics.end());
    const int shift = block.first_line - 1;
    auto shift_line = [&](SourceLocation& where) {
      if (where.line > 0) {
        where.line += shift;
      }
    };
    auto at = std::find_if(doc.blocks.begin(), doc.blocks.end(), [&](const Block& b) {
      const auto& where =
          std::visit([](const auto& x) -> const SourceLocation& { return x.where; }, b);
      return where.line > block.first_line;
    });
    std::vector<Block> tables;
    for (auto& b : html->blocks) {
      if (auto* t = std::get_if<Table>(&b)) {
        shift_line(t->where);
        for (auto& row : t->rows) {
          for (auto& cell : row.cells) {
            shift_line(cell.where);
          }
        }
        tables.emplace_back(std::move(*t));
      } else if (auto* p = std::get_if<Paragraph>(&b)) {
        // A layout table's cells come back as paragraphs: keep them as text.
        shift_line(p->where);
        tables.emplace_back(std::move(*p));
      }
    }
    doc.blocks.insert(at, std::make_move_iterator(tables.begin()),
                      std::make_move_iterator(tables.end()));
  }
  int index = 0;
  for (auto& b : doc.blocks) {
    if (auto* t = std::get_if<Table>(&b)) {
      t->where.table = index;
      for (auto& row : t->rows) {
        for (auto& cell : row.cells) {
          cell.where.table = index;
        }
      }
      ++index;
    }
  }
}

} // namespace xxgk::document
