#pragma once
// Text forms that carry HTML tables (format.md §7 item 16): converters such as pandoc write a
// table with merged cells as a raw HTML <table> inside Markdown (gfm, pandoc Markdown, grid
// tables), while the rest of the report stays text. Such a file is read as text; each HTML table
// block is read by the HTML reader and put back in its place among the text's blocks.

#include <xxgk/document/model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document {

struct HtmlTableBlock {
  int first_line = 0; ///< 1-based line of the "<table" start tag
  std::string html;   ///< from "<table" to the matching "</table>"
};

/// Whether `bytes` (ASCII-compatible text) is text with HTML table blocks rather than an HTML
/// page: it holds a <table> element, does not open with markup, has no <html>/<head>/<body>, and
/// outside its tables almost no line starts with a tag.
bool looks_like_text_with_html_tables(std::string_view bytes);

/// Cuts the HTML table blocks out of UTF-8 `text`: they are returned in order and their
/// characters in `text` become spaces (line breaks kept, so every other line keeps its number).
std::vector<HtmlTableBlock> cut_html_tables(std::string& text);

/// Reads each block with the HTML reader and inserts its tables into `doc` by line; table
/// indices in locations are renumbered in document order.
void splice_html_tables(Document& doc, const std::vector<HtmlTableBlock>& blocks);

} // namespace xxgk::document
