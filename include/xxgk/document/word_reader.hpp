#pragma once
// Readers for the Word forms: .docx (zip), a bare word/document.xml, Flat OPC and Word 2003 XML,
// implemented in src/document/word/ (zip layer, sniffing, namespaces, body walker, model builder).
//
// How Word structures become the format-neutral model:
// - Body paragraphs and tables in body order. Blank body paragraphs are not blocks, but they are
//   counted: `where.paragraph` is the index among all body paragraphs, `where.table` among body
//   tables (both 0-based). A one-cell table that holds tables is a layout frame: its content is
//   read as body blocks and the frame itself is not counted.
// - Cells: paragraphs joined with '\n' (empty paragraphs at the start and end dropped, spaces
//   such as U+3000 kept); w:tab is a space inside cells and '\t' in body paragraphs; w:br is '\n'.
// - Every row covers the table grid: w:gridBefore, w:gridAfter and rows that end early get an
//   empty placeholder cell (whose col_span covers the gap), so summing col_span gives the grid
//   column. `where.row`/`where.cell` are indices into Table::rows / Row::cells.
// - w:vMerge: the restart cell gets row_span; continuation cells stay in the row with
//   merged_continuation = true and empty text. w:hMerge continuations widen the cell before.
// - A nested table's text goes into the containing cell, one line per paragraph of its cells,
//   row by row.
// - Tracked changes are read as accepted (deleted rows and paragraph marks included), with one
//   READ-REVISIONS warning (formatting-only revisions do not count). Field codes (the cached
//   result is kept), deleted text, text boxes, drawings, footnote references and the prompt of an
//   inline content control showing its placeholder are not text; headers, footers and notes are
//   other parts. mc:AlternateContent: the first mc:Choice, else mc:Fallback.
// - Locations: `part` is the main part's name ("word/document.xml"; empty for Word 2003 XML, a
//   single file), `xml_line` the line in the file that was parsed (for Flat OPC, the package).

#include <xxgk/document/model.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace xxgk::document {

/// The Word XML forms, told apart by the root element's local name and namespace URI.
enum class WordXmlForm {
  None,        ///< not one of ours (not XML, or another root element)
  DocumentXml, ///< a bare main part: w:document
  FlatOpc,     ///< pkg:package, as Word's "Word XML Document" saves
  Word2003Xml, ///< w:wordDocument (Word 2003 XML)
};

/// Looks at the first element of the bytes (after a BOM, the XML declaration, comments and
/// processing instructions). UTF-8 and UTF-16 are recognized.
WordXmlForm sniff_word_xml(std::string_view bytes);

/// Reads a .docx (or .docm/.dotx) held in memory; the main part is found through _rels/.rels.
/// `limits`: max_inflated and max_inflate_ratio for zip entries, and those of the XML part.
util::Expected<Document> read_docx(std::string_view bytes, const Limits& limits = {});

/// Reads one of the Word XML forms; `form` None means "sniff it".
util::Expected<Document> read_word_xml(std::string_view bytes, WordXmlForm form = WordXmlForm::None,
                                       const Limits& limits = {});

/// Reads a WordprocessingML main part (a w:document element); `part` names it in locations and
/// messages, `format` becomes Document::format. The docx reader and tests use it.
util::Expected<Document> read_wordml_part(std::string xml, std::string_view part,
                                          std::string_view format, const Limits& limits = {});

/// The one-line reason an OLE compound file (D0 CF 11 E0 …) cannot be read: an encrypted or
/// password-protected Office document, or a legacy binary .doc.
diag::Message describe_ole_file(std::string_view bytes);

} // namespace xxgk::document
