// CRC-32 by folding 64 bytes at a time with PCLMULQDQ (Intel, "Fast CRC Computation for Generic
// Polynomials Using PCLMULQDQ Instruction", 2009; the constants of its bit-reflected CRC-32, as
// in zlib-ng and Chromium's zlib), the rest by zlib.

#include "crc32.hpp"

#include <zlib.h>

#include <cstddef>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define XXGK_CRC32_CLMUL 1
#endif

namespace xxgk::document::word {

namespace {

std::uint32_t crc32_zlib(std::uint32_t crc, const unsigned char* data, std::size_t size) {
  while (size > 0) {
    const auto n = static_cast<uInt>(size > 0x40000000 ? 0x40000000 : size);
    crc = static_cast<std::uint32_t>(::crc32(crc, data, n));
    data += n;
    size -= n;
  }
  return crc;
}

#ifdef XXGK_CRC32_CLMUL

/// `acc` folded 16 bytes ahead onto `next`.
__attribute__((target("pclmul,sse4.1"))) inline __m128i fold16(__m128i acc, __m128i next,
                                                               __m128i k3k4) {
  const __m128i lo = _mm_clmulepi64_si128(acc, k3k4, 0x00);
  const __m128i hi = _mm_clmulepi64_si128(acc, k3k4, 0x11);
  return _mm_xor_si128(_mm_xor_si128(hi, next), lo);
}

/// The CRC of `size` bytes (a multiple of 16, at least 64) from `crc`, pre- and post-inverted by
/// the caller.
__attribute__((target("pclmul,sse4.1"))) std::uint32_t
crc32_fold(std::uint32_t crc, const unsigned char* buf, std::size_t size) {
  const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
  const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
  const __m128i k5k0 = _mm_set_epi64x(0, 0x0163cd6124);
  const __m128i poly = _mm_set_epi64x(0x01f7011641, 0x01db710641);
  const auto load = [](const unsigned char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  };

  __m128i x1 = load(buf);
  __m128i x2 = load(buf + 16);
  __m128i x3 = load(buf + 32);
  __m128i x4 = load(buf + 48);
  x1 = _mm_xor_si128(x1, _mm_cvtsi32_si128(static_cast<int>(crc)));
  buf += 64;
  size -= 64;
  // Four lanes of 16 bytes folded 64 bytes ahead.
  while (size >= 64) {
    const __m128i x5 = _mm_clmulepi64_si128(x1, k1k2, 0x00);
    const __m128i x6 = _mm_clmulepi64_si128(x2, k1k2, 0x00);
    const __m128i x7 = _mm_clmulepi64_si128(x3, k1k2, 0x00);
    const __m128i x8 = _mm_clmulepi64_si128(x4, k1k2, 0x00);
    x1 = _mm_clmulepi64_si128(x1, k1k2, 0x11);
    x2 = _mm_clmulepi64_si128(x2, k1k2, 0x11);
    x3 = _mm_clmulepi64_si128(x3, k1k2, 0x11);
    x4 = _mm_clmulepi64_si128(x4, k1k2, 0x11);
    x1 = _mm_xor_si128(_mm_xor_si128(x1, x5), load(buf));
    x2 = _mm_xor_si128(_mm_xor_si128(x2, x6), load(buf + 16));
    x3 = _mm_xor_si128(_mm_xor_si128(x3, x7), load(buf + 32));
    x4 = _mm_xor_si128(_mm_xor_si128(x4, x8), load(buf + 48));
    buf += 64;
    size -= 64;
  }
  // The four lanes into one, then 16 bytes at a time.
  x1 = fold16(x1, x2, k3k4);
  x1 = fold16(x1, x3, k3k4);
  x1 = fold16(x1, x4, k3k4);
  while (size >= 16) {
    x1 = fold16(x1, load(buf), k3k4);
    buf += 16;
    size -= 16;
  }
  // 128 bits to 64, then Barrett reduction to 32.
  const __m128i mask32 = _mm_setr_epi32(~0, 0, ~0, 0);
  x2 = _mm_clmulepi64_si128(x1, k3k4, 0x10);
  x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), x2);
  x2 = _mm_srli_si128(x1, 4);
  x1 = _mm_and_si128(x1, mask32);
  x1 = _mm_clmulepi64_si128(x1, k5k0, 0x00);
  x1 = _mm_xor_si128(x1, x2);
  x2 = _mm_and_si128(x1, mask32);
  x2 = _mm_clmulepi64_si128(x2, poly, 0x10);
  x2 = _mm_and_si128(x2, mask32);
  x2 = _mm_clmulepi64_si128(x2, poly, 0x00);
  x1 = _mm_xor_si128(x1, x2);
  return static_cast<std::uint32_t>(_mm_extract_epi32(x1, 1));
}

bool has_clmul() {
  static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return yes;
}

#endif

} // namespace

std::uint32_t crc32(std::uint32_t crc, std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t size = bytes.size();
#ifdef XXGK_CRC32_CLMUL
  if (size >= 64 && has_clmul()) {
    const std::size_t folded = size & ~std::size_t{15};
    crc = ~crc32_fold(~crc, data, folded);
    data += folded;
    size -= folded;
  }
#endif
  return crc32_zlib(crc, data, size);
}

} // namespace xxgk::document::word
