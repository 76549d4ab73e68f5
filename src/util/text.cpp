#include <xxgk/util/text.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace xxgk::util {

char32_t detail::next_codepoint_general(std::string_view s, std::size_t& pos) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
  } else {
    ++pos;
    return 0xFFFD;
  }
  if (pos + static_cast<std::size_t>(len) > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  for (int i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(i)]);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3Fu);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return 0xFFFD;
  }
  pos += static_cast<std::size_t>(len);
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t count_codepoints(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < s.size(); ++n) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
      ++pos;
      continue;
    }
    // Three bytes led by E1–EC or EE–EF (CJK, fullwidth forms) are one code point whenever two
    // continuation bytes follow: they can be neither overlong nor surrogates.
    if (pos + 3 <= s.size() && b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED &&
        (static_cast<unsigned char>(s[pos + 1]) & 0xC0U) == 0x80 &&
        (static_cast<unsigned char>(s[pos + 2]) & 0xC0U) == 0x80) {
      pos += 3;
      continue;
    }
    next_codepoint(s, pos);
  }
  return n;
}

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) {
  for (std::size_t pos = 0; pos < s.size();) {
    // ASCII (most of any XML or report text) eight bytes at a time.
    while (pos + 8 <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + pos, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) {
        break;
      }
      pos += 8;
    }
    if (pos >= s.size()) {
      break;
    }
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = next_codepoint(s, pos);
    if (cp == 0xFFFD) {
      // A literal U+FFFD is valid; a decoding failure advances by exactly one byte.
      const bool literal = pos - start == 3 && s.compare(start, 3, "\xEF\xBF\xBD") == 0;
      if (!literal) {
        if (bad_offset != nullptr) {
          *bad_offset = start;
        }
        return false;
      }
    }
  }
  return true;
}

bool is_space(char32_t cp) {
  switch (cp) {
  case ' ':
  case '\t':
  case '\n':
  case '\r':
  case '\v':
  case '\f':
  case 0x85:
  case 0xA0:
  case 0x1680:
  case 0x2028:
  case 0x2029:
  case 0x202F:
  case 0x205F:
  case 0x3000:
  case 0x200B:
  case 0x200C:
  case 0x200D:
  case 0x2060:
  case 0xFEFF:
    return true;
  default:
    return cp >= 0x2000 && cp <= 0x200A;
  }
}

std::string_view trim_view(std::string_view s) {
  // Forward: skip leading spaces.
  std::size_t begin = s.size();
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t start = pos;
    if (!is_space(next_codepoint(s, pos))) {
      begin = start;
      break;
    }
  }
  // Backward: drop trailing spaces. Decoding synchronizes at every lead byte, so the code point
  // that starts at the last lead byte is the one a forward pass would decode there.
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 &&
           (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
      --start;
    }
    std::size_t pos = start;
    const char32_t cp = next_codepoint(s.substr(0, end), pos);
    if (pos != end || !is_space(cp)) {
      break;
    }
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::string trim(std::string_view s) {
  return std::string(trim_view(s));
}

namespace {

/// Code points that are their own NFKC and that NFKC never composes with a neighbour: the CJK
/// ideographs and the CJK punctuation reports are written in (checked against utf8proc by
/// test_util_text). ASCII, U+3000 and U+FF01–U+FF5E are handled by the caller.
bool is_nfkc_inert(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || // CJK Unified Ideographs
         (cp >= 0x3400 && cp <= 0x4DBF) || // Extension A
         cp == 0x3001 || cp == 0x3002 ||   // 、。
         (cp >= 0x3008 && cp <= 0x3011) || // 〈〉《》「」『』【】
         (cp >= 0x3014 && cp <= 0x301B) || // 〔〕〖〗〘〙〚〛
         cp == 0x2010 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || // ‐ – — ―
         cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D || // ‘ ’ “ ”
         cp == 0x00B7 || cp == 0x00D7 || cp == 0x00F7;                   // · × ÷
}

/// NFKC without utf8proc for text made only of ASCII, ideographic space, fullwidth ASCII
/// variants (U+FF01–U+FF5E, which NFKC maps to U+0021–U+007E) and `is_nfkc_inert` code points —
/// nearly every cell and label of a report. None of these composes under NFKC, so mapping them
/// one by one is NFKC. Returns false (leaving `out` unspecified) for any other code point or
/// invalid UTF-8.
bool nfkc_common(std::string_view s, std::string& out) {
  out.reserve(s.size());
  for (std::size_t pos = 0; pos < s.size();) {
    // A run of ASCII and of CJK Unified Ideographs (U+4E00–U+9FFF: E4 B8 80 … E9 BF BF), copied
    // at once.
    std::size_t run = pos;
    while (run < s.size()) {
      const auto b = static_cast<unsigned char>(s[run]);
      if (b < 0x80) {
        ++run;
        continue;
      }
      if (b >= 0xE4 && b <= 0xE9 && run + 3 <= s.size()) {
        const auto b1 = static_cast<unsigned char>(s[run + 1]);
        const auto b2 = static_cast<unsigned char>(s[run + 2]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b != 0xE4 || b1 >= 0xB8)) {
          run += 3;
          continue;
        }
      }
      break;
    }
    out.append(s.data() + pos, run - pos);
    pos = run;
    if (pos >= s.size()) {
      break;
    }
    const std::size_t start = pos;
    const char32_t cp = next_codepoint(s, pos);
    if (cp == 0x3000) {
      out.push_back(' ');
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      out.push_back(static_cast<char>(cp - 0xFEE0));
    } else if (is_nfkc_inert(cp)) {
      out.append(s.data() + start, pos - start);
    } else {
      return false;
    }
  }
  return true;
}

} // namespace

std::string nfkc(std::string_view s) {
  {
    std::string out;
    if (nfkc_common(s, out)) {
      return out;
    }
  }
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  if (n < 0 || out == nullptr) {
    std::free(out);
    return std::string(s); // invalid UTF-8: leave as is; callers decode with U+FFFD
  }
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

namespace {

bool is_open_bracket(char32_t cp) {
  return cp == '(' || cp == '[' || cp == '{' || cp == 0x3010 || cp == 0x3014 || cp == 0x3008 ||
         cp == 0x300A || cp == 0xFF08 || cp == 0x3016;
}
bool is_close_bracket(char32_t cp) {
  return cp == ')' || cp == ']' || cp == '}' || cp == 0x3011 || cp == 0x3015 || cp == 0x3009 ||
         cp == 0x300B || cp == 0xFF09 || cp == 0x3017;
}

/// Punctuation that carries no meaning in a label: brackets, quotes, list marks, separators.
bool is_label_punct(char32_t cp) {
  if (is_open_bracket(cp) || is_close_bracket(cp)) {
    return true;
  }
  switch (cp) {
  case '"':
  case '\'':
  case '.':
  case ',':
  case ':':
  case ';':
  case '/':
  case '\\':
  case '|':
  case '-':
  case '_':
  case '*':
  case '#':
  case 0x2018: // ‘ ’ “ ”
  case 0x2019:
  case 0x201C:
  case 0x201D:
  case 0x300C: // 「 」 『 』
  case 0x300D:
  case 0x300E:
  case 0x300F:
  case 0x3001: // 、
  case 0x3002: // 。
  case 0xFF0C: // ，
  case 0xFF1A: // ：
  case 0xFF1B: // ；
  case 0xFF0E: // ．
  case 0x00B7: // ·
  case 0x30FB: // ・
  case 0x2014: // —
  case 0x2013:
  case 0x2212:
  case 0xFF0F: // ／
    return true;
  default:
    return false;
  }
}

std::string key_of_nfkc(std::string_view folded) {
  std::string out;
  out.reserve(folded.size());
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t start = pos;
    char32_t cp = next_codepoint(folded, pos);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      out.append(folded.data() + start, 3); // an ideograph: neither space nor punctuation
      continue;
    }
    if (is_space(cp) || is_label_punct(cp)) {
      continue;
    }
    if (cp >= 'A' && cp <= 'Z') {
      cp = cp - 'A' + 'a';
    }
    if (cp < 0x80 || cp == 0xFFFD) {
      append_utf8(out, cp); // lower-cased, or an invalid byte made U+FFFD
    } else {
      out.append(folded.data() + start, pos - start); // well-formed: the same bytes
    }
  }
  return out;
}

/// `folded` without its notes: bracketed groups longer than 3 code points that do not open the
/// label, such as （单位：万元） or (指2019年事项数), but not item numbers such as （一） or
/// 第（五）项. Returns false, leaving `kept` empty, when there is no such group.
bool drop_notes(std::string_view folded, std::string& kept) {
  bool dropped = false;
  bool seen_text = false;
  std::size_t copied = 0; // folded[0, copied) is in `kept` once something is dropped
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_codepoint(folded, pos);
    if (is_open_bracket(cp) && seen_text) {
      // find the matching close bracket
      std::size_t scan = pos;
      std::size_t inner = 0;
      int depth = 1;
      std::size_t close_end = std::string_view::npos;
      while (scan < folded.size()) {
        const char32_t c2 = next_codepoint(folded, scan);
        if (is_open_bracket(c2)) {
          ++depth;
        } else if (is_close_bracket(c2)) {
          if (--depth == 0) {
            close_end = scan;
            break;
          }
        }
        ++inner;
      }
      if (close_end != std::string_view::npos && inner > 3) {
        if (!dropped) {
          kept.reserve(folded.size());
          dropped = true;
        }
        kept.append(folded.substr(copied, start - copied));
        pos = close_end;
        copied = close_end;
        continue;
      }
    }
    if (!is_space(cp) && !is_label_punct(cp)) {
      seen_text = true;
    }
  }
  if (dropped) {
    kept.append(folded.substr(copied));
  }
  return dropped;
}

std::string core_key_of_nfkc(std::string_view folded) {
  std::string kept;
  return key_of_nfkc(drop_notes(folded, kept) ? std::string_view(kept) : folded);
}

/// key_of_nfkc(nfkc(s)) in one pass, for `s` made only of the code points nfkc_common maps one
/// by one (each is mapped, then kept or dropped by key_of_nfkc's rules). Returns false (leaving
/// `out` unspecified) where nfkc_common would.
bool key_common(std::string_view s, std::string& out) {
  out.reserve(s.size());
  auto ascii = [&out](char32_t cp) { // key_of_nfkc of an ASCII code point
    if (is_space(cp) || is_label_punct(cp)) {
      return;
    }
    if (cp >= 'A' && cp <= 'Z') {
      cp = cp - 'A' + 'a';
    }
    out.push_back(static_cast<char>(cp));
  };
  for (std::size_t pos = 0; pos < s.size();) {
    const auto b = static_cast<unsigned char>(s[pos]);
    if (b < 0x80) {
      ascii(b);
      ++pos;
      continue;
    }
    // A run of CJK Unified Ideographs (U+4E00–U+9FFF: E4 B8 80 … E9 BF BF), kept as it is.
    std::size_t run = pos;
    while (run + 3 <= s.size()) {
      const auto b0 = static_cast<unsigned char>(s[run]);
      const auto b1 = static_cast<unsigned char>(s[run + 1]);
      const auto b2 = static_cast<unsigned char>(s[run + 2]);
      if (b0 < 0xE4 || b0 > 0xE9 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80 ||
          (b0 == 0xE4 && b1 < 0xB8)) {
        break;
      }
      run += 3;
    }
    if (run > pos) {
      out.append(s.data() + pos, run - pos);
      pos = run;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = next_codepoint(s, pos);
    if (cp == 0x3000) {
      // NFKC: a space, which no key keeps
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      ascii(cp - 0xFEE0); // NFKC: the ASCII character
    } else if (is_nfkc_inert(cp)) {
      if (!is_space(cp) && !is_label_punct(cp)) {
        out.append(s.data() + start, pos - start);
      }
    } else {
      return false;
    }
  }
  return true;
}

} // namespace

std::string label_key(std::string_view s) {
  {
    std::string out;
    if (key_common(s, out)) {
      return out;
    }
  }
  return key_of_nfkc(nfkc(s));
}

std::string label_core_key(std::string_view s) {
  return core_key_of_nfkc(nfkc(s));
}

LabelKeys label_keys(std::string_view s, std::string* folded) {
  std::string own;
  std::string& nfkc_of_s = folded != nullptr ? *folded : own;
  nfkc_of_s = nfkc(s);
  LabelKeys keys;
  keys.key = key_of_nfkc(nfkc_of_s);
  std::string kept;
  keys.core = drop_notes(nfkc_of_s, kept) ? key_of_nfkc(kept) : keys.key;
  return keys;
}

char32_t label_key_start(std::string_view s) {
  auto skipped = [](char32_t cp) { return is_space(cp) || is_label_punct(cp); };
  for (std::size_t pos = 0; pos < s.size();) {
    const char32_t cp = next_codepoint(s, pos);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      return cp; // its own NFKC, composing with nothing; key_of_nfkc keeps it
    }
    if (cp < 0x80) {
      if (skipped(cp)) {
        continue; // NFKC leaves ASCII as it is, and nothing composes with this punctuation
      }
      if (pos < s.size() && static_cast<unsigned char>(s[pos]) >= 0x80) {
        // A letter or digit before a non-ASCII code point: unless that is an ideograph, NFKC
        // might compose the two.
        std::size_t next = pos;
        const char32_t after = next_codepoint(s, next);
        if (after < 0x4E00 || after > 0x9FFF) {
          return k_key_start_unknown;
        }
      }
      return cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
    }
    // Non-ASCII white space and punctuation whose NFKC is white space or punctuation too (also
    // when `s` is invalid UTF-8 elsewhere and NFKC leaves it unchanged).
    const bool folds_to_skipped =
        is_nfkc_inert(cp) || cp == 0x3000 || (cp >= 0xFF01 && cp <= 0xFF5E && skipped(cp - 0xFEE0));
    if (skipped(cp) && folds_to_skipped) {
      continue;
    }
    return k_key_start_unknown;
  }
  return 0;
}

std::size_t label_key_min_length(std::string_view s, std::size_t enough) {
  // For such text NFKC is the code points' mapping one by one (nfkc_common), so the brackets
  // drop_notes sees are these brackets mapped, and a group it drops never holds an ideograph
  // at depth 0 here: every such ideograph is in both keys. That holds for a prefix of `s` too
  // (its code points are all starters, and none of them composes with what follows), so
  // counting may stop early.
  std::size_t ideographs = 0;
  std::size_t depth = 0;
  for (std::size_t pos = 0; pos < s.size();) {
    char32_t cp = next_codepoint(s, pos);
    if (cp >= 0x4E00 && cp <= 0x9FFF) {
      ideographs += depth == 0 ? 1 : 0;
      if (ideographs > enough) {
        return ideographs;
      }
      continue;
    }
    if (cp == 0x3000) {
      cp = ' ';
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cp -= 0xFEE0;
    } else if (cp >= 0x80 && !is_nfkc_inert(cp)) {
      return 0; // NFKC may map, compose or reorder it (or invalid UTF-8: U+FFFD)
    }
    if (is_open_bracket(cp)) {
      ++depth;
    } else if (is_close_bracket(cp) && depth > 0) {
      --depth;
    }
  }
  return ideographs;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<char32_t> x;
  std::vector<char32_t> y;
  for (std::size_t p = 0; p < a.size();) {
    x.push_back(next_codepoint(a, p));
  }
  for (std::size_t p = 0; p < b.size();) {
    y.push_back(next_codepoint(b, p));
  }
  std::vector<std::size_t> prev(y.size() + 1);
  std::vector<std::size_t> cur(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) {
    prev[j] = j;
  }
  for (std::size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[y.size()];
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  if (s.find('\r') == std::string_view::npos) {
    // LF only (nearly every text): memchr from line to line. Reserved for lines of 32 bytes
    // (counting the lines first would read the text once more).
    lines.reserve(s.size() / 32 + 1);
    for (std::size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', start)) {
      lines.push_back(s.substr(start, nl - start));
      start = nl + 1;
    }
    if (start < s.size()) {
      lines.push_back(s.substr(start));
    }
    return lines;
  }
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      std::size_t end = i;
      if (end > start && s[end - 1] == '\r') {
        --end;
      }
      lines.push_back(s.substr(start, end - start));
      start = i + 1;
    } else if (s[i] == '\r' && (i + 1 >= s.size() || s[i + 1] != '\n')) {
      lines.push_back(s.substr(start, i - start)); // old Mac line end
      start = i + 1;
    }
  }
  if (start < s.size()) {
    lines.push_back(s.substr(start));
  }
  return lines;
}

} // namespace xxgk::util
