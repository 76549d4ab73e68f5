#pragma once
// The Tika-style text form: each table cell is a line starting with TAB; lines without a TAB
// continue the cell (further paragraphs); blank lines are not reliable row ends.

#include <xxgk/document/model.hpp>

#include <string_view>
#include <vector>

namespace xxgk::document {

/// `text` must be UTF-8 without BOM. Never fails: any text is a (possibly table-less) document.
Document read_tika_text(std::string_view text);
/// The same on the text's lines (util::split_lines), as read_text_form passes them.
Document read_tika_text(const std::vector<std::string_view>& lines);

/// Whether the text looks like the Tika form (has lines that start with TAB).
bool looks_like_tika_text(std::string_view text);
/// The same on the text's lines (util::split_lines), as detect_text_form splits them once.
bool looks_like_tika_text(const std::vector<std::string_view>& lines);

} // namespace xxgk::document
