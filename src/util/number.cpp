#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <array>
#include <limits>

namespace xxgk::util {

namespace {

std::optional<std::int64_t> checked_mul10(std::int64_t v) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(v, std::int64_t{10}, &r)) {
    return std::nullopt;
  }
  return r;
}

/// Brings both numbers to the same scale; nullopt on overflow.
bool align(Number& a, Number& b) {
  while (a.scale < b.scale) {
    auto m = checked_mul10(a.units);
    if (!m) {
      return false;
    }
    a.units = *m;
    ++a.scale;
  }
  while (b.scale < a.scale) {
    auto m = checked_mul10(b.units);
    if (!m) {
      return false;
    }
    b.units = *m;
    ++b.scale;
  }
  return true;
}

} // namespace

std::string Number::to_string() const {
  const bool neg = units < 0;
  // Work in unsigned to handle INT64_MIN.
  unsigned long long mag =
      neg ? 0ULL - static_cast<unsigned long long>(units) : static_cast<unsigned long long>(units);
  const std::string digits = std::to_string(mag);
  const auto s = static_cast<std::size_t>(scale > 0 ? scale : 0);
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "-" + std::string.
  std::string out;
  if (neg) {
    out.push_back('-');
  }
  if (s == 0) {
    out.append(digits);
    return out;
  }
  const std::size_t int_digits = digits.size() > s ? digits.size() - s : 0;
  if (int_digits == 0) {
    out.append("0.");
    out.append(s - digits.size(), '0');
    out.append(digits);
  } else {
    out.append(digits, 0, int_digits);
    out.push_back('.');
    out.append(digits, int_digits, std::string::npos);
  }
  return out;
}

bool operator==(const Number& a, const Number& b) {
  return compare(a, b) == 0;
}

bool Number::is_integer() const {
  std::int64_t pow = 1;
  for (int i = 0; i < scale; ++i) {
    if (__builtin_mul_overflow(pow, std::int64_t{10}, &pow)) {
      return units == 0;
    }
  }
  return units % pow == 0;
}

std::optional<Number> add(const Number& a, const Number& b) {
  Number x = a;
  Number y = b;
  if (!align(x, y)) {
    return std::nullopt;
  }
  std::int64_t r = 0;
  if (__builtin_add_overflow(x.units, y.units, &r)) {
    return std::nullopt;
  }
  return Number{r, x.scale};
}

std::optional<Number> negate(const Number& a) {
  if (a.units == std::numeric_limits<std::int64_t>::min()) {
    return std::nullopt;
  }
  return Number{-a.units, a.scale};
}

int compare(const Number& a, const Number& b) {
  Number x = a;
  Number y = b;
  if (!align(x, y)) {
    // Cannot align without overflow: the one with the larger integer part wins; compare by
    // long double as a fallback (only reachable with absurd magnitudes).
    long double lx = static_cast<long double>(a.units);
    long double ly = static_cast<long double>(b.units);
    for (int i = 0; i < a.scale; ++i) {
      lx /= 10;
    }
    for (int i = 0; i < b.scale; ++i) {
      ly /= 10;
    }
    return lx < ly ? -1 : (lx > ly ? 1 : 0);
  }
  return x.units < y.units ? -1 : (x.units > y.units ? 1 : 0);
}

namespace {

bool is_placeholder(std::string_view s) {
  static const std::array<std::string_view, 16> k_placeholders = {
      "-",  "--",     "---", "—",  "——",  "–",  "/",  "//",
      "无", "不适用", "n/a", "na", "N/A", "NA", "/ ", "×"};
  for (auto p : k_placeholders) {
    if (s == p) {
      return true;
    }
  }
  return false;
}

/// Units accepted after a number.
constexpr std::array<std::string_view, 7> k_units = {"万元", "元", "件", "个", "项", "次", "份"};

} // namespace

ParsedValue parse_value(std::string_view text) {
  ParsedValue result;
  // Most cells: plain digits, a number with nothing to normalize (what the general path below
  // gives for them).
  if (is_plain_digits(text)) {
    std::int64_t units = 0;
    for (const char c : text) {
      units = units * 10 + (c - '0');
    }
    result.kind = ValueKind::Number;
    result.number = Number{units, 0};
    return result;
  }
  // NFKC folds full-width digits, signs and ideographic space; then drop all white space.
  const std::string folded = nfkc(text);
  std::string s;
  for (std::size_t pos = 0; pos < folded.size();) {
    const std::size_t start = pos;
    const char32_t cp = next_codepoint(folded, pos);
    if (!is_space(cp)) {
      s.append(folded, start, pos - start);
    }
  }
  if (s.empty()) {
    result.kind = ValueKind::Blank;
    return result;
  }
  if (is_placeholder(s)) {
    result.kind = ValueKind::Placeholder;
    return result;
  }
  std::string_view v = s;
  for (auto unit : k_units) {
    if (v.size() > unit.size() && v.substr(v.size() - unit.size()) == unit) {
      v.remove_suffix(unit.size());
      result.had_unit = true;
      break;
    }
  }
  bool negative = false;
  if (!v.empty() && (v.front() == '+' || v.front() == '-')) {
    negative = v.front() == '-';
    result.had_plus = v.front() == '+';
    v.remove_prefix(1);
  } else if (v.size() >= 3 && v.substr(0, 3) == "\xE2\x88\x92") { // U+2212 MINUS SIGN
    negative = true;
    v.remove_prefix(3);
  }
  if (v.empty()) {
    result.kind = ValueKind::Text;
    return result;
  }
  std::int64_t units = 0;
  int scale = 0;
  bool seen_digit = false;
  bool seen_point = false;
  std::size_t digits_since_comma = 0;
  bool seen_comma = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const char c = v[i];
    if (c >= '0' && c <= '9') {
      auto m = checked_mul10(units);
      std::int64_t next = 0;
      if (!m || __builtin_add_overflow(*m, static_cast<std::int64_t>(c - '0'), &next)) {
        result.kind = ValueKind::Text;
        result.overflow = true;
        return result;
      }
      units = next;
      seen_digit = true;
      if (seen_point) {
        ++scale;
      } else {
        ++digits_since_comma;
      }
    } else if (c == ',' && seen_digit && !seen_point) {
      // Thousands separator: groups of exactly three digits follow.
      if (seen_comma && digits_since_comma != 3) {
        result.kind = ValueKind::Text;
        return result;
      }
      seen_comma = true;
      digits_since_comma = 0;
    } else if (c == '.' && seen_digit && !seen_point) {
      if (seen_comma && digits_since_comma != 3) {
        result.kind = ValueKind::Text;
        return result;
      }
      seen_point = true;
    } else {
      result.kind = ValueKind::Text;
      return result;
    }
  }
  if (!seen_digit || (seen_comma && !seen_point && digits_since_comma != 3) ||
      (seen_point && scale == 0)) {
    result.kind = ValueKind::Text;
    return result;
  }
  result.kind = ValueKind::Number;
  result.number = Number{negative ? -units : units, scale};
  return result;
}

bool is_chinese_numeral(char32_t cp) {
  return std::u32string_view(U"零〇一二两三四五六七八九十百千万亿").find(cp) !=
         std::u32string_view::npos;
}

std::optional<std::int64_t> parse_chinese_numeral(std::u32string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  auto digit = [](char32_t cp) -> int {
    switch (cp) {
    case U'零':
    case U'〇':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
    }
  };
  auto unit = [](char32_t cp) -> std::int64_t {
    switch (cp) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    case U'万':
      return 10000;
    case U'亿':
      return 100000000;
    default:
      return 0;
    }
  };
  std::int64_t total = 0;   // completed 万/亿 sections
  std::int64_t section = 0; // below 万
  std::int64_t current = -1;
  for (char32_t cp : text) {
    const int d = digit(cp);
    if (d >= 0) {
      current = d;
      continue;
    }
    const std::int64_t u = unit(cp);
    if (u == 0) {
      return std::nullopt;
    }
    if (u >= 10000) {
      const std::int64_t part = section + (current < 0 ? 0 : current);
      std::int64_t scaled = 0;
      if (__builtin_mul_overflow(part == 0 ? 1 : part, u, &scaled) ||
          __builtin_add_overflow(total, scaled, &total)) {
        return std::nullopt;
      }
      section = 0;
    } else {
      section += (current < 0 ? 1 : current) * u; // "十二": 十 without a digit is 10
    }
    current = -1;
  }
  std::int64_t result = 0;
  if (__builtin_add_overflow(total, section + (current < 0 ? 0 : current), &result)) {
    return std::nullopt;
  }
  return result;
}

} // namespace xxgk::util
