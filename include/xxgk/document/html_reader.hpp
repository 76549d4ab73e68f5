#pragma once
// The HTML form: report pages as government websites publish them, and Word's "Save as HTML".
//
// How a page becomes the format-neutral model:
// - Charset: the requested encoding (--encoding), else a byte order mark, else the page's own
//   declaration (<meta charset>, or http-equiv Content-Type, in its first 8 KiB), else detection
//   (UTF-8, then GB18030). gb2312 and gbk decode as GB18030, their superset. A declaration the
//   bytes contradict (declared gb2312 but the bytes are UTF-8, or the reverse) or one xxgk cannot
//   decode (big5, iso-8859-1 …) gives way to detection, with one READ-ENCODING warning.
// - Parsing: libxml2's HTML parser, errors recovered, no network and no external entities.
// - Never content: head, script, style, noscript, template, iframe, object, svg, form controls
//   and hidden elements (the hidden attribute, display:none, visibility:hidden, Word's
//   mso-hide:all, aria-hidden="true").
// - The report is found by its content, not by the site's markup: it is the smallest element
//   that holds all the section headings (一、总体情况 …) and report tables. Site chrome inside it
//   (nav, aside, footer, forms, share widgets, breadcrumbs; never an element holding a heading
//   or table, or most of the page's text) and paragraphs that are mostly link text (上一篇,
//   contents, attachments) are dropped, and the nearest title before it (…年度报告, not a link)
//   is taken along; failing that, <title> up to a site suffix. A page without report headings
//   or tables is read whole, minus its chrome.
// - Paragraphs: p, div, h1–h6, li and the other block elements; <br> ends a paragraph (in
//   h1–h6 it joins the lines). White space collapses as in a browser, except that a line break
//   next to a CJK character vanishes (Word wraps long Chinese lines); &nbsp; is a space; ends are
//   trimmed; U+3000 is kept. Empty paragraphs are not blocks.
// - Tables: rows of td/th with colspan/rowspan. Continuation cells of a rowspan are absent, as
//   they are in the HTML. A cell's text has one line per paragraph or <br> (empty lines at its
//   start and end dropped). A table that holds tables, or has a single cell, is layout: its cells
//   are read as body content. Word's helper row for misaligned columns (<tr height=0> of empty
//   cells) is dropped; rows without cells are skipped.
// - Word "Save as HTML": o:p and other prefixed (Office namespace) elements are inline, and the
//   downlevel conditional markers <![if …]> and <![endif]> are not text.
// - Locations: line and column (1-based; columns count code points) in the decoded page, which
//   Document::source_text holds: of the first visible character of a paragraph or cell, of the
//   start tag of a table or an empty cell. Tables and cells also carry `table` (index among the
//   document's tables), `row` (into Table::rows) and `cell` (into Row::cells), all 0-based.

#include <xxgk/document/model.hpp>
#include <xxgk/util/expected.hpp>

#include <string>
#include <string_view>

namespace xxgk::document {

/// Whether the bytes are an HTML page: after a BOM, white space, comments, an XML declaration
/// they start with <!DOCTYPE html or <html, or their first 4 KiB hold a <table or <body tag.
/// (Word's XML forms are told apart before this is asked; see read.cpp.)
bool looks_like_html(std::string_view bytes);
/// looks_like_html, or a name ending in .html/.htm (a strong hint) on bytes with HTML elements.
bool looks_like_html_named(std::string_view bytes, std::string_view file_name);

/// The charset a page declares in its first 8 KiB (<meta charset=…> or <meta http-equiv=
/// "Content-Type" content="…; charset=…">), lower-cased; "" when it declares none.
std::string declared_charset(std::string_view bytes);

/// Reads an HTML page from its bytes; `requested_encoding` ("" = detect) as for --encoding.
util::Expected<Document> read_html(std::string_view bytes,
                                   std::string_view requested_encoding = {});

/// Reads an HTML page already decoded to UTF-8 (no BOM): the string entry point for tests.
util::Expected<Document> read_html_text(std::string_view html);

} // namespace xxgk::document
