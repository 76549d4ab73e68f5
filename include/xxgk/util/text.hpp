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
/// Both keys, normalizing `s` once; nfkc(s) goes to `folded` when given.
LabelKeys label_keys(std::string_view s, std::string* folded = nullptr);
/// The first code point of label_key(s), told without normalizing `s` when `s` opens (after white
/// space and punctuation that NFKC leaves as such) with a CJK ideograph, or with ASCII followed
/// by ASCII or an ideograph: 0 when the key is empty, k_key_start_unknown when it cannot be told
/// that cheaply. Lets a caller skip the keys of long prose that cannot match a label.
inline constexpr char32_t k_key_start_unknown = 0xFFFFFFFF;
char32_t label_key_start(std::string_view s);
/// A lower bound on the code points of both label_key(s) and label_core_key(s), told without
/// normalizing: the CJK ideographs outside brackets when `s` is made only of code points that
/// NFKC maps one by one (ASCII, ideographs, fullwidth forms, common CJK punctuation); 0 (no
/// bound) otherwise. Counting stops once past `enough` (the count so far is a bound too). Lets a
/// caller skip long prose that cannot be a short label.
std::size_t label_key_min_length(std::string_view s,
                                 std::size_t enough = static_cast<std::size_t>(-1));
/// Edit distance on code points (for approximate label matches).
std::size_t edit_distance(std::string_view a, std::string_view b);

std::vector<std::string_view> split_lines(std::string_view s);

} // namespace xxgk::util
