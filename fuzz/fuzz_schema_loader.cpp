// libFuzzer target: bytes → schema::load_template (a user's --schema file); a template that loads
// is then used to extract and check a real sample report, since a loaded schema drives extraction
// and the rule engine.

#include <xxgk/document/read.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/rules/engine.hpp>
#include <xxgk/schema/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace {

const xxgk::document::Document& sample_document() {
  static const xxgk::document::Document k_doc = [] {
    std::ifstream in(XXGK_SOURCE_DIR "/samples/dongfanghong-2023.txt", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    auto doc = xxgk::document::read(ss.str());
    return doc ? std::move(*doc) : xxgk::document::Document{};
  }();
  return k_doc;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xxgk;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto tmpl = schema::load_template(text);
  if (!tmpl) {
    return 0;
  }
  const auto& doc = sample_document();
  const auto ex = extract::extract(doc, *tmpl);
  (void)rules::check(ex.report, *tmpl);
  return 0;
}
