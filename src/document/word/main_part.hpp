#pragma once
// A WordprocessingML main part: parsing it within the limits, and reading the w:body of its root
// (w:document, or w:wordDocument of Word 2003 XML) through the walker and the model builder.

#include <xxgk/document/model.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/util/expected.hpp>

#include <pugixml.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace xxgk::document::word {

struct ParsedXml {
  std::string text;
  std::unique_ptr<pugi::xml_document> doc = std::make_unique<pugi::xml_document>();
};

/// Parses UTF-8 XML; malformed, non-UTF-8 or absurdly deep XML is an Error. `part` names the
/// part in messages ("" when the file itself is the XML).
util::Expected<ParsedXml> parse_xml(std::string text, std::string_view part, const Limits& limits);

/// Reads the w:body of a w:document or w:wordDocument element. `part` goes into locations,
/// `named` into messages, `format` into Document::format; `text` is the parsed XML (for lines).
util::Expected<Document> read_body_of(pugi::xml_node root, std::string_view part,
                                      std::string_view named, std::string_view format,
                                      std::string_view text);

/// A main document part on its own; `named` is the part as error messages name it ("" when the
/// file itself is the part).
util::Expected<Document> read_main_part(std::string xml, std::string_view part,
                                        std::string_view named, std::string_view format,
                                        const Limits& limits);

} // namespace xxgk::document::word
