#pragma once
// Parsing a decoded page with libxml2's HTML parser, recording where each element and text
// starts in the source so that findings can point at lines and columns.

#include <xxgk/util/expected.hpp>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace xxgk::document::html {

/// Where elements and text start in the source, recorded while libxml2 builds the tree (its
/// nodes keep only a line number, and an element's is where its start tag ends).
struct SourcePositions {
  std::string_view source;
  std::unordered_map<const xmlNode*, std::size_t> start; ///< byte offset of a tag's '<' or text
  std::unordered_set<const xmlNode*> prefixed;           ///< o:p, v:shape …: Office elements
};

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ContextFree {
  void operator()(htmlParserCtxt* c) const { htmlFreeParserCtxt(c); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

/// Parses UTF-8 `html` (errors recovered, no network), filling `positions`.
util::Expected<DocPtr> parse(std::string_view html, SourcePositions& positions);

} // namespace xxgk::document::html
