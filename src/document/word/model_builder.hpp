#pragma once
// The raw tree → the format-neutral model: paragraph and table numbering, layout frames, cell
// text, the table grid and vertical merges (see word_reader.hpp for the rules).

#include "raw_tree.hpp"

#include <xxgk/document/model.hpp>

#include <string_view>
#include <vector>

namespace xxgk::document::word {

/// Appends the body `blocks` to `doc.blocks`; `part` names the main part in locations.
void build_model(std::vector<RawBlock>& blocks, std::string_view part, Document& doc);

} // namespace xxgk::document::word
