#include <xxgk/document/read.hpp>
#include <xxgk/document/text_reader.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

namespace xxgk::document {

const std::vector<std::string>& input_formats() {
  static const std::vector<std::string> k_formats = {"text-tika"};
  return k_formats;
}

namespace {

util::Expected<std::string> decode_text(std::string_view bytes, const ReadOptions& options) {
  if (!options.encoding.empty() && options.encoding != "utf-8" && options.encoding != "UTF-8") {
    return util::Error{fmt::format("unsupported encoding '{}'", options.encoding)};
  }
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
  }
  std::size_t bad = 0;
  if (!util::is_valid_utf8(bytes, &bad)) {
    return util::Error{fmt::format("not valid UTF-8 text (invalid byte sequence at byte offset {})",
                                   bad)};
  }
  return std::string(bytes);
}

} // namespace

util::Expected<Document> read(std::string_view bytes, const ReadOptions& options) {
  if (bytes.empty()) {
    return util::Error{"the file is empty"};
  }
  if (!options.input_format.empty() && options.input_format != "text-tika") {
    return util::Error{fmt::format("unknown input format '{}'", options.input_format)};
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return util::Error{"binary data: not a report document in a supported form"};
  }
  auto text = decode_text(bytes, options);
  if (!text) {
    return text.error();
  }
  Document doc = read_tika_text(*text);
  doc.source_text = std::move(*text);
  return doc;
}

} // namespace xxgk::document
