#pragma once
// Counting one byte value in a buffer eight bytes at a time (the markup-limit scan counts '<', the
// Word reader's line counter '\n'): about one instruction per byte instead of three or four.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace xxgk::document {

/// How many bytes of `text` equal `byte`.
inline std::size_t count_byte(std::string_view text, unsigned char byte) {
  constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
  constexpr std::uint64_t k_low7 = 0x7F7F7F7F7F7F7F7FULL;
  const std::uint64_t pattern = k_ones * byte;
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, p + i, 8);
    const std::uint64_t x = word ^ pattern; // zero bytes where equal
    // High bit of each byte set iff that byte of x is non-zero (no carry crosses bytes).
    const std::uint64_t nonzero = (((x & k_low7) + k_low7) | x) & ~k_low7;
    // One per non-zero byte, summed into the top byte (at most 8).
    count += 8 - static_cast<std::size_t>(((nonzero >> 7) * k_ones) >> 56);
  }
  for (; i < n; ++i) {
    count += static_cast<unsigned char>(p[i]) == byte ? 1 : 0;
  }
  return count;
}

} // namespace xxgk::document
