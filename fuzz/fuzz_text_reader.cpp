// libFuzzer target: bytes → encoding detection → every text-form reader (Tika, TSV, Markdown,
// grid, plain) and the text-form sniffing.

#include <xxgk/document/encoding.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xxgk::document;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = decode_to_utf8(bytes);
  if (!decoded) {
    return 0;
  }
  const std::string& text = decoded->text;
  (void)detect_text_form(text);
  for (const auto& name : text_form_names()) {
    (void)read_text_form(name, text);
  }
  (void)read_tika_text(text);
  return 0;
}
