#pragma once
// Recognising an HTML page in raw bytes and choosing the charset it is decoded with (the public
// predicates are declared in <xxgk/document/html_reader.hpp>).

#include <xxgk/document/encoding.hpp>
#include <xxgk/util/expected.hpp>

#include <string_view>

namespace xxgk::document::html {

/// Whether a file name ends in .html, .htm, .shtml or .xhtml (any case): a strong hint.
bool has_html_name(std::string_view file_name);

/// Decodes a page: the requested encoding, else a BOM, else the page's declaration when the
/// bytes agree with it, else detection (see html_reader.hpp).
util::Expected<DecodedText> decode_page(std::string_view bytes, std::string_view requested);

} // namespace xxgk::document::html
