// The text forms' registry (names, readers, the order they are recognised in) and the building
// blocks the text readers share (see text_forms.hpp).

#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>
#include <xxgk/util/text.hpp>

#include <utf8proc.h>

#include <algorithm>

namespace xxgk::document {

namespace {

using Reader = Document (*)(std::string_view);
using LinesReader = Document (*)(const std::vector<std::string_view>&);

struct TextForm {
  std::string_view name;
  Reader read;
  /// The reader on the text's lines, when it has one (read_text_form passes them when known).
  LinesReader read_lines = nullptr;
};

/// Adding a text form: its reader here, its predicate in k_recognised.
constexpr TextForm k_text_forms[] = {
    {"text-tika", read_tika_text, read_tika_text},
    {"text-tsv", read_tsv_text},
    {"markdown", read_markdown},
    {"text-grid", read_grid_text},
    {"text-runon", read_runon_text},
    {"text-layout", read_layout_text},
    {"text-plain", read_plain_text},
};

/// How each text form is recognised, in the order they are tried; text-plain takes the rest.
/// Markdown first: its pipe tables are unmistakable, and its reader also reads grid tables.
/// Each predicate sees the text and its lines (split once for all of them).
struct Recogniser {
  std::string_view name;
  bool (*recognises)(std::string_view, const std::vector<std::string_view>&);
};

using LinesPredicate = bool (*)(const std::vector<std::string_view>&);
template <LinesPredicate Predicate>
bool on_lines(std::string_view /*text*/, const std::vector<std::string_view>& lines) {
  return Predicate(lines);
}
bool runon(std::string_view text, const std::vector<std::string_view>& /*lines*/) {
  return looks_like_runon_text(text);
}
/// Markdown needs a table ('|' or a dash line's "---") or a heading ('#'); a grid table '|'.
/// Texts without them (nearly every report not in these forms) are answered by a byte search.
bool markdown(std::string_view text, const std::vector<std::string_view>& lines) {
  if (text.find('|') == std::string_view::npos && text.find("---") == std::string_view::npos &&
      text.find('#') == std::string_view::npos) {
    return false;
  }
  return looks_like_markdown(lines);
}
bool grid(std::string_view text, const std::vector<std::string_view>& lines) {
  return text.find('|') != std::string_view::npos && looks_like_grid_text(lines);
}

constexpr Recogniser k_recognised[] = {
    {"markdown", markdown},
    {"text-grid", grid},
    {"text-layout", on_lines<looks_like_layout_text>},
    {"text-runon", runon},
    {"text-tsv", on_lines<looks_like_tsv_text>},
    {"text-tika", on_lines<looks_like_tika_text>},
};

bool is_wide(char32_t cp) {
  return utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp)) >= 2;
}

/// The last code point of non-empty UTF-8 `s`.
char32_t last_codepoint(std::string_view s) {
  std::size_t start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  return util::next_codepoint(s, start);
}

} // namespace

const std::vector<std::string>& text_form_names() {
  static const std::vector<std::string> k_names = [] {
    std::vector<std::string> v;
    for (const auto& form : k_text_forms) {
      v.emplace_back(form.name);
    }
    return v;
  }();
  return k_names;
}

std::string detect_text_form(std::string_view text) {
  return detect_text_form(text, util::split_lines(text));
}

std::string detect_text_form(std::string_view text, const std::vector<std::string_view>& lines) {
  for (const auto& form : k_recognised) {
    if (form.recognises(text, lines)) {
      return std::string(form.name);
    }
  }
  return "text-plain";
}

std::optional<Document> read_text_form(std::string_view name, std::string_view text) {
  for (const auto& form : k_text_forms) {
    if (form.name == name) {
      return form.read_lines != nullptr ? form.read_lines(util::split_lines(text))
                                        : form.read(text);
    }
  }
  return std::nullopt;
}

std::optional<Document> read_text_form(std::string_view name, std::string_view text,
                                       const std::vector<std::string_view>& lines) {
  for (const auto& form : k_text_forms) {
    if (form.name == name) {
      return form.read_lines != nullptr ? form.read_lines(lines) : form.read(text);
    }
  }
  return std::nullopt;
}

namespace {

/// is_page_number_line for a line that the quick test in it could not answer: folded and parsed.
[[gnu::noinline]] bool is_folded_page_number_line(std::string_view line) {
  const std::string t = util::nfkc(util::trim(line));
  std::size_t i = 0;
  auto skip_dashes = [&] {
    bool any = false;
    while (i < t.size()) {
      if (t[i] == '-') {
        ++i;
      } else if (t.compare(i, 3, "\xE2\x80\x94") == 0 || t.compare(i, 3, "\xE2\x80\x93") == 0) {
        i += 3; // — –
      } else {
        break;
      }
      any = true;
    }
    return any;
  };
  auto skip_spaces = [&] {
    while (i < t.size() && t[i] == ' ') {
      ++i;
    }
  };
  if (!skip_dashes()) {
    return false;
  }
  skip_spaces();
  const std::size_t digits = i;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
    ++i;
  }
  if (i == digits || i - digits > 4) {
    return false;
  }
  skip_spaces();
  return skip_dashes() && i == t.size();
}

} // namespace

bool is_page_number_line(std::string_view line) {
  // Nearly every line starts, after white space, with a character NFKC leaves as it is and that is
  // no dash: an ASCII character or a CJK ideograph. Those lines are answered without folding.
  std::size_t pos = 0;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t' || line[pos] == '\r' ||
                               line[pos] == '\n' || line[pos] == '\v' || line[pos] == '\f')) {
    ++pos;
  }
  if (pos == line.size()) {
    return false;
  }
  const char32_t first = util::next_codepoint(line, pos);
  if ((first < 0x80 && first != '-') || (first >= 0x4E00 && first <= 0x9FFF)) {
    return false;
  }
  // Fullwidth ASCII (NFKC: ASCII) other than the fullwidth hyphen-minus, such as "（一）", and
  // CJK brackets and quotes (NFKC leaves them) cannot fold to a dash either.
  if ((first >= 0xFF01 && first <= 0xFF5E && first != 0xFF0D) ||
      (first >= 0x3001 && first <= 0x3002) || (first >= 0x3008 && first <= 0x3011) ||
      (first >= 0x3014 && first <= 0x301B) || (first >= 0x2018 && first <= 0x2019) ||
      (first >= 0x201C && first <= 0x201D)) {
    return false;
  }
  return is_folded_page_number_line(line);
}

bool is_blank_line(std::string_view line) {
  // trim_view(line) is empty when every code point is white space. An ASCII byte is always a
  // code point of its own, so the bytes are looked at one by one while they are ASCII.
  for (std::size_t pos = 0; pos < line.size(); ++pos) {
    const auto c = static_cast<unsigned char>(line[pos]);
    if (c >= 0x80) {
      // U+3000, NBSP, zero-width spaces … or, nearly always, the first character of the text.
      while (pos < line.size()) {
        if (!util::is_space(util::next_codepoint(line, pos))) {
          return false;
        }
      }
      return true;
    }
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f') {
      return false;
    }
  }
  return true;
}

void add_line_paragraph(Document& doc, std::string_view line, std::size_t index) {
  const std::string trimmed = util::trim(line);
  Paragraph p;
  p.text = trimmed;
  p.where.line = static_cast<int>(index) + 1;
  p.where.column = column_of(line, line.find(trimmed));
  doc.blocks.emplace_back(std::move(p));
}

bool looks_like_section_heading(std::string_view line) {
  const std::string t = util::trim(line);
  static constexpr std::string_view k_numerals[] = {"一", "二", "三", "四", "五", "六"};
  bool numbered = false;
  for (const auto n : k_numerals) {
    if (t.starts_with(n)) {
      numbered = true;
      break;
    }
  }
  if (!numbered) {
    return false;
  }
  const std::string key = util::label_key(t);
  return key.ends_with("情况") || key.ends_with("事项");
}

int column_of(std::string_view line, std::size_t byte) {
  // Readers call this once per cell, from the start of the line: it must be cheap (a long line of
  // cells makes it quadratic). The text is valid UTF-8 (decode_to_utf8), so the code points are
  // the bytes that are not continuation bytes; this loop vectorizes.
  const std::string_view prefix = line.substr(0, byte);
  std::size_t continuation = 0;
  for (const char c : prefix) {
    continuation += (static_cast<unsigned char>(c) & 0xC0U) == 0x80U ? 1U : 0U;
  }
  return 1 + static_cast<int>(prefix.size() - continuation);
}

int ColumnTracker::operator()(std::string_view line, std::size_t byte) {
  byte = std::min(byte, line.size());
  if (line.data() != m_line.data() || line.size() != m_line.size() || byte < m_byte) {
    m_line = line;
    m_byte = 0;
    m_column = 1;
  }
  m_column += column_of(line.substr(m_byte), byte - m_byte) - 1;
  m_byte = byte;
  return m_column;
}

void append_wrapped(std::string& out, std::string_view next) {
  if (next.empty()) {
    return;
  }
  if (!out.empty() && out.back() != '\n') {
    std::size_t pos = 0;
    const char32_t first = util::next_codepoint(next, pos);
    if (!is_wide(last_codepoint(out)) && !is_wide(first)) {
      out.push_back(' ');
    }
  }
  out.append(next);
}

} // namespace xxgk::document
