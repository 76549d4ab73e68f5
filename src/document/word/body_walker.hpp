#pragma once
// The body walker: WordprocessingML elements (any of the Word forms) → the document model, built
// during the one walk over pugixml's tree; tracked changes read as accepted, what is not body
// text skipped (see word_reader.hpp for the rules).

#include "line_counter.hpp"
#include "namespaces.hpp"

#include <xxgk/document/model.hpp>

#include <pugixml.hpp>

#include <string_view>

namespace xxgk::document::word {

/// Walks the children of `body` (a w:body) whose namespace scope is `scope` and appends its
/// paragraphs and tables to `doc.blocks`; `text` is the parsed XML, `part` names the main part in
/// locations. Returns the line of the first tracked change, 0 when there is none. Recursion
/// follows the XML nesting, whose depth the caller must have capped (see parse_xml).
int walk_body(pugi::xml_node body, const NsScope* scope, LineCounter& lines, std::string_view text,
              std::string_view part, Document& doc);

} // namespace xxgk::document::word
