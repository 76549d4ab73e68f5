#pragma once
// The PDF form: reports as government sites publish them (WPS, Word or LibreOffice "save as
// PDF", a browser printing the web page), read with poppler.
//
// How a PDF becomes the format-neutral model (src/document/pdf/). Poppler is seen only by the
// backend (backend.cpp, graphics.cpp), built as the module xxgk-pdf.so that read_pdf loads on the
// first PDF (module.hpp says where it looks; XXGK_PDF_MODULE names it): runs without a PDF never
// load poppler. When the module cannot be loaded, read_pdf returns an Error (kind Io).
// - Text: poppler-cpp's words with a box per character, in the displayed page's frame (the
//   page's /Rotate undone, so rotated pages read upright).
// - Ruling lines: stroked lines and thin filled rectangles (white fills ignored), through
//   poppler's OutputDev (graphics.cpp, the only file on poppler's private API).
// - Tables: each group of crossing lines is a lattice; positions within 3 pt are one line; grid
//   cells with no line between them are one merged cell (col_span, row_span, and continuation
//   cells below a vertically merged one, as Word has them). A row left open at a page's bottom
//   is closed where the table's vertical lines end. A table that starts a page and whose
//   columns line up with the table that ended the previous page continues it. Characters go to
//   the cell holding their centre; a cell's lines are joined (a space only between Latin words).
// - Paragraphs: the other lines in reading order, split at an indented line, after a short line
//   or a gap; they continue across a page break. Page numbers (`-4-`, `— 3 —`, `第3页`) near the
//   top or bottom of a page and running headers and footers are dropped.
// - Locations: every paragraph and cell has its page (1-based); cells also the table, row and
//   cell indices.
// - Refused (an Error, exit 2): a PDF that needs a password, a damaged one poppler cannot open,
//   one without pages, one without a text layer (a scan: OCR it first, or use the .docx or web
//   page), one whose fonts have no Unicode map (garbled text), and one past the limits
//   max_pages, max_pdf_objects, max_pdf_text, max_pdf_seconds.

#include <xxgk/document/model.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/util/expected.hpp>

#include <string_view>

namespace xxgk::document {

/// True when the bytes start with the PDF signature `%PDF-` (within the first KiB, as readers
/// allow).
bool looks_like_pdf(std::string_view bytes);

/// Reads a PDF report (format "pdf").
util::Expected<Document> read_pdf(std::string_view bytes, const Limits& limits = {});

} // namespace xxgk::document
