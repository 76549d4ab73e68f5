#include "../../src/document/byte_count.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

using xxgk::document::count_byte;

TEST_CASE("count_byte agrees with std::count at every length, alignment and byte value") {
  std::string text;
  for (int i = 0; i < 100; ++i) {
    // '<', '\n', bytes with the high bit set (UTF-8) and their neighbours.
    static constexpr char k_bytes[] = {'<', '\n', '\x80', '\xff', '=', ';', '\x7f', 'a', '\0'};
    text += k_bytes[(i * 7 + i / 3) % 9];
  }
  for (std::size_t start = 0; start < 9; ++start) {
    for (std::size_t len = 0; start + len <= text.size(); ++len) {
      const std::string_view part = std::string_view(text).substr(start, len);
      for (const int b : {0x3c, 0x0a, 0x80, 0xff, 0x7f, 0x00}) { // '<', '\n' …
        const auto expected =
            static_cast<std::size_t>(std::count(part.begin(), part.end(), static_cast<char>(b)));
        REQUIRE(count_byte(part, static_cast<unsigned char>(b)) == expected);
      }
    }
  }
  CHECK(count_byte(std::string(64, '<'), '<') == 64);
  CHECK(count_byte("", '<') == 0);
}
