// libFuzzer target: bytes → the .docx (zip) reader, with a small inflation cap so that the fuzzer
// explores structure rather than spending its time inflating.

#include <xxgk/document/word_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  xxgk::document::Limits limits;
  limits.max_inflated = std::size_t{4} << 20;
  (void)xxgk::document::read_docx(bytes, limits);
  return 0;
}
