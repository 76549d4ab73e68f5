// libFuzzer target: bytes → the Word XML readers: the sniffed form (document.xml, Flat OPC,
// Word 2003 XML) and, whatever the root element, the WordprocessingML part reader directly.

#include <xxgk/document/word_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xxgk::document;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const WordXmlForm form = sniff_word_xml(bytes);
  if (form != WordXmlForm::None) {
    (void)read_word_xml(bytes, form);
  }
  (void)read_wordml_part(std::string(bytes), "word/document.xml", "word-xml");
  return 0;
}
