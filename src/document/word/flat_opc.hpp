#pragma once
// Flat OPC (pkg:package, Word's "Word XML Document"): a whole package in one XML file.

#include "main_part.hpp"

#include <xxgk/document/model.hpp>
#include <xxgk/util/expected.hpp>

namespace xxgk::document::word {

/// Finds the main part of a parsed pkg:package (by relationship, content type or the usual name)
/// and reads its body.
util::Expected<Document> read_flat_opc(const ParsedXml& x);

} // namespace xxgk::document::word
