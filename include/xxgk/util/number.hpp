#pragma once
// Exact cell values: integers and decimals kept as scaled 64-bit integers (no binary floating
// point), with overflow-checked arithmetic.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace xxgk::util {

/// value = units / 10^scale, e.g. 96171.6 is {961716, 1}.
struct Number {
  std::int64_t units = 0;
  int scale = 0;

  /// True when the fractional part is zero ("3", "3.0").
  [[nodiscard]] bool is_integer() const;
  [[nodiscard]] bool is_negative() const { return units < 0; }
  /// Exactly as a decimal literal, e.g. "96171.6", "-8", "0".
  [[nodiscard]] std::string to_string() const;
  friend bool operator==(const Number& a, const Number& b);
};

/// Overflow-checked arithmetic; nullopt on overflow.
std::optional<Number> add(const Number& a, const Number& b);
std::optional<Number> negate(const Number& a);
int compare(const Number& a, const Number& b);

/// How a cell's text reads.
enum class ValueKind {
  Blank,       ///< nothing in the cell
  Placeholder, ///< —, -, /, 无, 不适用, N/A …: deliberately not a number, kept apart from 0
  Number,      ///< a number, possibly written with a unit, sign or thousands separators
  Text,        ///< anything else
};

struct ParsedValue {
  ValueKind kind = ValueKind::Blank;
  std::optional<Number> number;
  bool had_unit = false; ///< e.g. "3件", "251000元"
  bool had_plus = false; ///< a leading "+"
  bool overflow = false; ///< digits beyond 64 bits
};

/// True for 1 to 18 ASCII digits: a number that fits in 64 bits, with nothing to normalize (its
/// NFKC and label keys are the text itself).
inline bool is_plain_digits(std::string_view s) {
  if (s.empty() || s.size() > 18) {
    return false;
  }
  for (const char c : s) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

/// Reads a cell's text: NFKC first (full-width digits), then thousands separators, a leading
/// sign and a trailing unit (件 个 项 次 元 万元) are accepted.
ParsedValue parse_value(std::string_view text);

/// A number written in Chinese numerals: "十二" → 12, "一百零五" → 105, "两千" → 2000.
/// nullopt when `text` is not entirely such a numeral (or is beyond 64 bits).
std::optional<std::int64_t> parse_chinese_numeral(std::u32string_view text);
/// Whether a code point is a Chinese numeral character (零〇一二两三四五六七八九十百千万亿).
bool is_chinese_numeral(char32_t cp);

} // namespace xxgk::util
