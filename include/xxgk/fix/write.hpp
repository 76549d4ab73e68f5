#pragma once
// `xxgk fix`: writing the planned values into a copy of the input, in the input's own form. Only
// the text of the changed cells changes; everything else is kept byte for byte. Pure: bytes in,
// bytes out.

#include <xxgk/util/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::fix {

/// A Word table cell to set: the byte offset of its w:tc element (the element's name, as
/// pugixml's offset_debug gives it) in its XML part, and the new text.
struct XmlCellEdit {
  long long offset = -1;
  std::string text;
};

/// The XML of a Word part (WordprocessingML or Word 2003 XML, UTF-8) with each cell's text
/// replaced: the first text run keeps its formatting and gets the new text, the cell's other
/// text runs are emptied; a cell without any text run gets one in its first paragraph, with the
/// paragraph mark's formatting. Everything outside those runs is unchanged.
util::Expected<std::string> edit_word_xml(std::string_view xml,
                                          const std::vector<XmlCellEdit>& edits);

/// A .docx package with `part` replaced by `content`; every other entry is copied as it is.
util::Expected<std::string> replace_zip_entry(std::string_view package, std::string_view part,
                                              std::string_view content);

/// Reads one entry of a zip package.
util::Expected<std::string> read_zip_entry(std::string_view package, std::string_view part);

/// A cell of a text form (Tika text, TSV, Markdown, grid text, HTML source) to set: where its text
/// starts (1-based line and code-point column of the decoded text), the text it has there now
/// ("" for a blank cell: the new text is inserted at that point) and the new text.
struct TextCellEdit {
  int line = 0;
  int column = 0;
  std::string old_text;
  std::string text;
  /// HTML: a blank cell's position is its start tag (`<td …>`); the text goes after that tag.
  bool after_start_tag = false;
};

/// The decoded text with each edit applied; an Error when a cell's old text is not found where
/// the edit says.
util::Expected<std::string> edit_text(std::string_view text,
                                      const std::vector<TextCellEdit>& edits);

/// UTF-8 text encoded back into `encoding` ("UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"), with a
/// byte order mark when `bom`.
util::Expected<std::string> encode_text(std::string_view utf8, std::string_view encoding, bool bom);

/// The message templates of the errors in editing a copy (the rule catalogue lists them).
const std::vector<const diag::MessageTemplate*>& error_messages();

} // namespace xxgk::fix
