#pragma once
// One entry point for every input form: detects the form once from the bytes (the file name is
// only a hint), decodes a text-like form once, then runs exactly one reader.

#include <xxgk/document/model.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document {

/// Defaults of Limits (see docs/reliability.md, "Limits").
inline constexpr std::size_t k_default_max_input = io::k_default_max_input; // 256 MiB
inline constexpr std::size_t k_default_max_inflated = std::size_t{64} << 20;
inline constexpr std::size_t k_default_max_inflate_ratio = 100;
/// The ratio is checked only once an entry has inflated past this: tiny parts compress oddly.
inline constexpr std::size_t k_inflate_ratio_floor = std::size_t{1} << 20;
inline constexpr std::size_t k_default_max_xml_depth = 256;
/// set_limit refuses a deeper max_xml_depth: the Word XML reader's walk recurses per level.
inline constexpr std::size_t k_max_xml_depth_ceiling = 1000;
inline constexpr std::size_t k_default_max_xml_tags = 4'000'000;
/// 64 KiB is some 20,000 Chinese characters on one line; some text readers' work grows with the
/// square of a line's length (a column per cell counted from the line's start), so not more.
inline constexpr std::size_t k_default_max_line_bytes = std::size_t{64} << 10;
inline constexpr std::size_t k_default_max_cells_per_table = 50'000;
inline constexpr std::size_t k_default_max_cells = 1'000'000;
inline constexpr std::size_t k_default_max_pages = 2'000;
inline constexpr std::size_t k_default_max_pdf_objects = 2'000'000;
inline constexpr std::size_t k_default_max_pdf_text = std::size_t{64} << 20;
inline constexpr std::size_t k_default_max_pdf_seconds = 60;

/// What one input may cost, against hostile or broken files. A breach is an Error that
/// names the limit, the value found and the limit ("… (limit max_line_bytes)"), never a crash, a
/// hang or an exhausted memory. The defaults are far above any real report.
struct Limits {
  /// Bytes of the input (io::read_file's cap too: pass it there).
  std::size_t max_input = k_default_max_input;
  /// Bytes one zip entry (word/document.xml, _rels/.rels) may inflate to; the sizes in the zip
  /// headers are not trusted, the bytes actually inflated are counted.
  std::size_t max_inflated = k_default_max_inflated;
  /// Inflated bytes per compressed byte of one zip entry, once past k_inflate_ratio_floor.
  std::size_t max_inflate_ratio = k_default_max_inflate_ratio;
  /// Element nesting of a Word XML part (HTML: libxml2's own cap of 256 applies).
  std::size_t max_xml_depth = k_default_max_xml_depth;
  /// Tags ('<' characters) in one XML part or HTML page, counted before parsing: bounds the
  /// parser's memory.
  std::size_t max_xml_tags = k_default_max_xml_tags;
  /// Bytes of one line of a text form (after decoding to UTF-8).
  std::size_t max_line_bytes = k_default_max_line_bytes;
  /// Cells of one table, in any form.
  std::size_t max_cells_per_table = k_default_max_cells_per_table;
  /// Cells and paragraphs of the whole document. Text forms are counted before reading, as
  /// lines + TABs + '|' (an upper bound of what their readers can make of them).
  std::size_t max_cells = k_default_max_cells;
  /// Pages of a PDF.
  std::size_t max_pages = k_default_max_pages;
  /// Objects in a PDF's cross-reference table.
  std::size_t max_pdf_objects = k_default_max_pdf_objects;
  /// Bytes of the text (UTF-8) of a PDF's pages.
  std::size_t max_pdf_text = k_default_max_pdf_text;
  /// Seconds reading one PDF may take (checked between pages and while drawing one).
  std::size_t max_pdf_seconds = k_default_max_pdf_seconds;
};

/// One limit by name, for `--limit NAME=VALUE` and documentation.
struct LimitInfo {
  std::string_view name;
  std::string_view description;
  std::size_t default_value;
};
/// Every limit, in documentation order.
const std::vector<LimitInfo>& limit_infos();

/// Sets one limit from "NAME=VALUE" (VALUE: a positive integer, optionally with K, M or G for
/// KiB, MiB, GiB); an Error names the unknown limit or the bad value.
util::Expected<bool> set_limit(Limits& limits, std::string_view assignment);

/// How a document is read: the form and encoding (detected unless given) and the limits.
struct ReadOptions : Limits {
  std::string input_format; ///< "" = detect; otherwise a reader name, e.g. "text-tika"
  std::string encoding;     ///< "" = detect
  std::string file_name;    ///< the input's name, only as a hint (.html/.htm); may be empty
};

/// Checks a document a reader produced against the limits on cells (every form).
util::Expected<bool> check_document_limits(const Document& doc, const Limits& limits);

/// Checks decoded text (a text form) before reading it: max_line_bytes and max_cells.
util::Expected<bool> check_text_limits(std::string_view text, const Limits& limits);

/// Checks XML or HTML before parsing it: max_xml_tags. `what` names it in the message
/// ("word/document.xml", "the HTML page").
util::Expected<bool> check_markup_limits(std::string_view markup, const diag::Arg& what,
                                         const Limits& limits);

/// The message templates of the readers' fatal errors (the rule catalogue lists them).
const std::vector<const diag::MessageTemplate*>& error_messages();

/// Names of the input forms `--input-format` accepts.
const std::vector<std::string>& input_formats();

/// Reads a document from bytes; an Error when the bytes are not a readable report document.
util::Expected<Document> read(std::string_view bytes, const ReadOptions& options = {});

} // namespace xxgk::document
