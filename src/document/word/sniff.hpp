#pragma once
// Telling the Word XML forms apart by the root element's name and namespace, from its start tag,
// and the XML text as UTF-8 (UTF-16 with or without BOM is converted).

#include <xxgk/diag/message.hpp>
#include <xxgk/document/word_reader.hpp>
#include <xxgk/util/expected.hpp>

#include <string>
#include <string_view>

namespace xxgk::document::word {

/// The XML as UTF-8 without BOM (UTF-16 with or without BOM is converted).
util::Expected<std::string> to_utf8(std::string_view bytes);

/// The form named by the root element of UTF-8 XML; None when it is none of ours.
WordXmlForm form_of_root(std::string_view utf8);

/// The form in words, for "not …" messages.
diag::Message form_name(WordXmlForm form);

} // namespace xxgk::document::word
