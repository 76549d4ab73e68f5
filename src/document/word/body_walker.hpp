#pragma once
// The body walker: WordprocessingML elements (any of the Word forms) → the raw tree, reading
// tracked changes as accepted and skipping what is not body text (see word_reader.hpp).

#include "line_counter.hpp"
#include "namespaces.hpp"
#include "raw_tree.hpp"

#include <pugixml.hpp>

#include <string_view>
#include <vector>

namespace xxgk::document::word {

struct WalkedBody {
  std::vector<RawBlock> blocks;
  int first_revision_line = 0; ///< of the first tracked change; 0 when there is none
};

/// Walks the children of `body` (a w:body) whose namespace scope is `scope`; `text` is the parsed
/// XML. Recursion follows the XML nesting, whose depth the caller must have capped (see
/// parse_xml).
WalkedBody walk_body(pugi::xml_node body, const NsScope* scope, LineCounter& lines,
                     std::string_view text);

} // namespace xxgk::document::word
