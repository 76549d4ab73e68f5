#pragma once
// A WordprocessingML main part: parsing it within the limits, and reading the w:body of its root
// (w:document, or w:wordDocument of Word 2003 XML) through the walker and the model builder.

#include <xxgk/document/model.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/util/expected.hpp>

#include "line_counter.hpp"
#include "text_buffer.hpp"

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document::word {

/// Parsed XML. Usually parsed in place: the tree's strings live in `text` (whose heap buffer
/// moves with it, a NUL appended), which the parse has altered, so lines come from `newlines`, the
/// offsets of its newlines taken before. A text with very many lines is parsed from a copy and
/// keeps them.
struct ParsedXml {
  std::string text;
  std::vector<std::uint32_t> newlines;
  bool in_place = false;
  std::unique_ptr<pugi::xml_document> doc = std::make_unique<pugi::xml_document>();

  ParsedXml() = default;
  ParsedXml(ParsedXml&&) = default;
  ParsedXml& operator=(ParsedXml&&) = default;
  ParsedXml(const ParsedXml&) = delete;
  ParsedXml& operator=(const ParsedXml&) = delete;
  /// The tree first (it may point into the text), then the text's buffer kept for the next part.
  ~ParsedXml() {
    doc.reset();
    give_back_text_buffer(std::move(text));
  }

  [[nodiscard]] LineCounter lines() const {
    return in_place ? LineCounter(&newlines) : LineCounter(text);
  }
};

/// Whether `s` is well-formed UTF-8 exactly as util::is_valid_utf8 decides (no overlong forms,
/// surrogates or values past U+10FFFF), faster on XML with Chinese text; the offset of an error
/// still comes from util::is_valid_utf8.
bool well_formed_utf8(std::string_view s);

/// Whether some node of `doc` is at depth `limit` or deeper (the document's children at depth 0,
/// as pugi::xml_tree_walker counts); `text_size` is the size of the parsed text.
bool reaches_depth(const pugi::xml_document& doc, std::size_t text_size, std::size_t limit);

/// Parses UTF-8 XML; malformed, non-UTF-8 or absurdly deep XML is an Error. `part` names the
/// part in messages ("" when the file itself is the XML).
util::Expected<ParsedXml> parse_xml(std::string text, std::string_view part, const Limits& limits);

/// Reads the w:body of a w:document or w:wordDocument element. `part` goes into locations,
/// `named` into messages, `format` into Document::format; `xml` is the parsed XML (for lines).
util::Expected<Document> read_body_of(pugi::xml_node root, std::string_view part,
                                      std::string_view named, std::string_view format,
                                      const ParsedXml& xml);

/// A main document part on its own; `named` is the part as error messages name it ("" when the
/// file itself is the part).
util::Expected<Document> read_main_part(std::string xml, std::string_view part,
                                        std::string_view named, std::string_view format,
                                        const Limits& limits);

} // namespace xxgk::document::word
