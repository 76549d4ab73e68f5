#pragma once
// CRC-32 (the zip one: reflected, polynomial 0xEDB88320), folded with carry-less multiplication
// where the processor has it (PCLMULQDQ), else zlib's. Reading a .docx checks each inflated entry
// against the CRC of its directory entry; zlib's byte-wise CRC was half as costly as inflating.

#include <cstdint>
#include <string_view>

namespace xxgk::document::word {

/// The CRC-32 of `bytes`, continuing from `crc` (0 for a fresh start), as zlib's crc32().
std::uint32_t crc32(std::uint32_t crc, std::string_view bytes);

} // namespace xxgk::document::word
