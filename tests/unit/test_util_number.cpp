#include <xxgk/util/number.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace xxgk::util;

TEST_CASE("parse_value keeps blank, placeholders and zero apart") {
  CHECK(parse_value("").kind == ValueKind::Blank);
  CHECK(parse_value(" \u3000 ").kind == ValueKind::Blank);
  for (const char* p : {"—", "-", "--", "/", "无", "不适用", "N/A"}) {
    CAPTURE(p);
    CHECK(parse_value(p).kind == ValueKind::Placeholder);
  }
  const auto zero = parse_value("0");
  CHECK(zero.kind == ValueKind::Number);
  CHECK(zero.number->units == 0);
}

TEST_CASE("parse_value reads signs, units, separators and full-width digits") {
  CHECK(parse_value("+1036").number->units == 1036);
  CHECK(parse_value("+1036").had_plus);
  CHECK(parse_value("-8").number->units == -8);
  CHECK(parse_value("251000元").number->units == 251000);
  CHECK(parse_value("251000元").had_unit);
  CHECK(parse_value("3件").number->units == 3);
  CHECK(parse_value("1,234").number->units == 1234);
  CHECK(parse_value("１２").number->units == 12);
  const auto amount = parse_value("96171.6");
  CHECK(amount.number->units == 961716);
  CHECK(amount.number->scale == 1);
  CHECK(amount.number->to_string() == "96171.6");
}

TEST_CASE("parse_value rejects text and malformed numbers") {
  CHECK(parse_value("abc").kind == ValueKind::Text);
  CHECK(parse_value("1,23").kind == ValueKind::Text);
  CHECK(parse_value("1.").kind == ValueKind::Text);
  CHECK(parse_value("2 0").kind == ValueKind::Number); // PDF splits; spaces are dropped
  const auto huge = parse_value("99999999999999999999999");
  CHECK(huge.kind == ValueKind::Text);
  CHECK(huge.overflow);
}

TEST_CASE("Number arithmetic is exact and overflow-checked") {
  const Number a{15, 1}; // 1.5
  const Number b{2, 0};
  CHECK(add(a, b)->to_string() == "3.5");
  CHECK(compare(Number{30, 1}, Number{3, 0}) == 0);
  CHECK(Number{30, 1}.is_integer());
  CHECK_FALSE(Number{31, 1}.is_integer());
  CHECK_FALSE(add(Number{std::numeric_limits<std::int64_t>::max(), 0}, Number{1, 0}).has_value());
  CHECK(Number{-5, 2}.to_string() == "-0.05");
}

TEST_CASE("parse_value's path for plain digits agrees with the general one") {
  // Up to 18 ASCII digits take a short path; with a space around them the same digits take the
  // general one (NFKC, white space dropped): both must read the same.
  for (const char* digits : {"0", "7", "007", "1036", "123456789012345678", "999999999999999999"}) {
    CAPTURE(digits);
    const auto plain = parse_value(digits);
    const auto spaced = parse_value(std::string(" ") + digits + " ");
    REQUIRE(plain.kind == ValueKind::Number);
    REQUIRE(spaced.kind == ValueKind::Number);
    CHECK(plain.number == spaced.number);
    CHECK(plain.had_unit == spaced.had_unit);
    CHECK(plain.had_plus == spaced.had_plus);
    CHECK(!plain.overflow);
  }
  CHECK(parse_value("999999999999999999").number->units == 999999999999999999);
  // 19 digits: the general path, which checks for overflow.
  CHECK(parse_value("9223372036854775807").number->units ==
        std::numeric_limits<std::int64_t>::max());
  CHECK(parse_value("9999999999999999999").kind == ValueKind::Text);
  CHECK(parse_value("9999999999999999999").overflow);
  CHECK(parse_value("12a").kind == ValueKind::Text);
}

TEST_CASE("is_plain_digits: 1 to 18 ASCII digits, nothing else") {
  using xxgk::util::is_plain_digits;
  CHECK(is_plain_digits("0"));
  CHECK(is_plain_digits("123456789012345678"));
  CHECK_FALSE(is_plain_digits("1234567890123456789")); // 19 digits: may not fit in 64 bits
  CHECK_FALSE(is_plain_digits(""));
  CHECK_FALSE(is_plain_digits("1,234"));
  CHECK_FALSE(is_plain_digits("１２"));
}
