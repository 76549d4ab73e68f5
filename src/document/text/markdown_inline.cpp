// Markdown inline markup to plain text: escapes, emphasis, links, entities, raw HTML tags
// (see markdown_inline_text in text_forms.hpp).

#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>
#include <vector>

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
  // of thousands of runs.
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

} // namespace xxgk::document
