// libFuzzer target: bytes → the PDF reader (poppler, ruling lines, layout), with small limits on
// pages and time so that the fuzzer explores structure rather than waiting on big documents.

#include <xxgk/document/pdf_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  xxgk::document::Limits limits;
  limits.max_pages = 50;
  limits.max_pdf_objects = 100'000;
  limits.max_pdf_seconds = 5;
  (void)xxgk::document::read_pdf(bytes, limits);
  return 0;
}
