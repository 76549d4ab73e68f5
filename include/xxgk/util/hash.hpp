#pragma once
// FNV-1a, 64 bits: stable across platforms and releases, which is all fingerprints and grouping
// keys need.

#include <cstdint>
#include <string_view>

namespace xxgk::util {

inline constexpr std::uint64_t k_fnv1a_offset = 0xcbf29ce484222325ULL;

/// The hash `h` extended by the bytes of `s` (from the offset basis when `h` is not given).
constexpr std::uint64_t fnv1a(std::string_view s, std::uint64_t h = k_fnv1a_offset) {
  for (const char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

} // namespace xxgk::util
