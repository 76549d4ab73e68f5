#pragma once
// UTF-8 helpers and the label normalizer used to match table labels.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::util {

namespace detail {
/// next_codepoint for everything but ASCII and well-formed three-byte sequences.
char32_t next_codepoint_general(std::string_view s, std::size_t& pos);
} // namespace detail

/// Decodes one code point at `pos` and advances `pos`; invalid bytes yield U+FFFD. Inline: it is
/// called for every character of every cell, and reports are ASCII and CJK (three bytes).
inline char32_t next_codepoint(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  if ((b0 & 0xF0) == 0xE0 && pos + 3 <= s.size()) {
    const auto b1 = static_cast<unsigned char>(s[pos + 1]);
    const auto b2 = static_cast<unsigned char>(s[pos + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      const char32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) {
        pos += 3;
        return cp;
      }
    }
  }
  return detail::next_codepoint_general(s, pos);
}
void append_utf8(std::string& out, char32_t cp);
std::size_t count_codepoints(std::string_view s);
/// Whether `s` is well-formed UTF-8; `bad_offset` receives the first bad byte's offset.
bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);

/// White space including U+3000 IDEOGRAPHIC SPACE, NBSP and zero-width characters.
bool is_space(char32_t cp);
/// Trims `is_space` code points from both ends.
std::string trim(std::string_view s);
/// trim without a copy: the part of `s` between its leading and trailing white space.
std::string_view trim_view(std::string_view s);
/// NFKC (width folding and compatibility forms), via utf8proc.
std::string nfkc(std::string_view s);

/// The key labels are matched by: NFKC, brackets/quotes/punctuation and all white space removed,
/// letters lower-cased. "第二十条第(一）项" and "第二十条第（一）项" give the same key.
std::string label_key(std::string_view s);
/// Like label_key, but explanatory parentheses after the start of the label are dropped first:
/// "本年收费金额（单位：万元）" → key of "本年收费金额"; "（一）予以公开" keeps its "（一）".
std::string label_core_key(std::string_view s);
struct LabelKeys {
  std::string key;  ///< label_key
  std::string core; ///< label_core_key
};
/// Both keys, normalizing `s` once.
LabelKeys label_keys(std::string_view s);
/// Edit distance on code points (for approximate label matches).
std::size_t edit_distance(std::string_view a, std::string_view b);

std::vector<std::string_view> split_lines(std::string_view s);

} // namespace xxgk::util
