#include "embedded_tables.hpp"

#include <xxgk/document/encoding.hpp>
#include <xxgk/document/html_reader.hpp>
#include <xxgk/document/pdf_reader.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>
#include <xxgk/document/word_reader.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace xxgk::document {

const std::vector<std::string>& input_formats() {
  // Text forms, then Word forms (word_reader.hpp), then HTML (html_reader.hpp), then PDF
  // (pdf_reader.hpp).
  static const std::vector<std::string> k_formats = {
      "text-tika",    "text-tsv",   "markdown", "text-grid", "text-runon",
      "text-layout",  "text-plain", "docx",     "word-xml",  "flat-opc",
      "word2003-xml", "html",       "pdf"};
  return k_formats;
}

namespace {

constexpr std::string_view k_zip_magic = "PK\x03\x04";
constexpr std::string_view k_zip_empty_magic = "PK\x05\x06";
constexpr std::string_view k_ole_magic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Word forms, by content (zip or OLE magic, XML root element) or by name; nullopt when the
/// bytes are not a Word form and none was asked for.
std::optional<util::Expected<Document>> read_word_form(std::string_view bytes,
                                                       const ReadOptions& options) {
  const std::string& name = options.input_format;
  if (bytes.starts_with(k_ole_magic)) {
    return util::Error{.message = describe_ole_file(bytes),
                       .kind = util::ErrorKind::UnsupportedForm};
  }
  if ((name.empty() || name == "docx") &&
      (bytes.starts_with(k_zip_magic) || bytes.starts_with(k_zip_empty_magic))) {
    return read_docx(bytes, options);
  }
  if (name == "docx") {
    return util::Error{.message = "not a .docx file (no zip signature)",
                       .kind = util::ErrorKind::Malformed};
  }
  WordXmlForm form = WordXmlForm::None;
  if (name.empty()) {
    form = sniff_word_xml(bytes);
  } else if (name == "word-xml") {
    form = WordXmlForm::DocumentXml;
  } else if (name == "flat-opc") {
    form = WordXmlForm::FlatOpc;
  } else if (name == "word2003-xml") {
    form = WordXmlForm::Word2003Xml;
  }
  if (form == WordXmlForm::None) {
    return std::nullopt;
  }
  return read_word_xml(bytes, form, options);
}

bool has_html_name(std::string_view file_name) {
  std::string lower(file_name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".shtml") ||
         lower.ends_with(".xhtml");
}

/// Text forms: decode (encoding.hpp), then the named or detected text form's reader.
util::Expected<Document> read_text(std::string_view bytes, const ReadOptions& options) {
  auto decoded = decode_to_utf8(bytes, options.encoding);
  if (!decoded) {
    return decoded.error();
  }
  if (auto ok = check_text_limits(decoded->text, options); !ok) {
    return ok.error();
  }
  // Converter Markdown keeps tables with merged cells as HTML <table> blocks (embedded_tables.hpp).
  std::vector<HtmlTableBlock> html_tables;
  std::string text_only;
  const bool embedded = looks_like_text_with_html_tables(decoded->text);
  if (embedded) {
    text_only = decoded->text;
    html_tables = cut_html_tables(text_only);
  }
  const std::string_view text = embedded ? std::string_view(text_only) : decoded->text;
  const std::string form =
      options.input_format.empty() ? detect_text_form(text) : options.input_format;
  auto doc = read_text_form(form, text);
  if (!doc) {
    return util::Error{.message = fmt::format("unknown input format '{}'", options.input_format),
                       .kind = util::ErrorKind::UnsupportedForm};
  }
  splice_html_tables(*doc, html_tables);
  doc->encoding = decoded->encoding;
  doc->diagnostics.insert(doc->diagnostics.begin(), decoded->diagnostics.begin(),
                          decoded->diagnostics.end());
  doc->source_text = std::move(decoded->text);
  return std::move(*doc);
}

/// Every form's reader, by content or by name.
util::Expected<Document> read_any(std::string_view bytes, const ReadOptions& options) {
  const auto& formats = input_formats();
  if (!options.input_format.empty() &&
      std::find(formats.begin(), formats.end(), options.input_format) == formats.end()) {
    return util::Error{.message = fmt::format("unknown input format '{}'", options.input_format),
                       .kind = util::ErrorKind::UnsupportedForm};
  }
  if (options.input_format == "pdf" || (options.input_format.empty() && looks_like_pdf(bytes))) {
    if (!looks_like_pdf(bytes)) {
      return util::Error{.message = "not a PDF file (no %PDF- signature)",
                         .kind = util::ErrorKind::Malformed};
    }
    return read_pdf(bytes, options);
  }
  if (auto word = read_word_form(bytes, options)) {
    return std::move(*word);
  }
  // HTML before the binary check: a UTF-16 page has NUL bytes. Text holding HTML tables
  // (converter Markdown) is text unless its name says HTML.
  const bool html_named =
      options.input_format.empty() && looks_like_html_named(bytes, options.file_name) &&
      (has_html_name(options.file_name) || !looks_like_text_with_html_tables(bytes));
  if (options.input_format == "html" || html_named) {
    if (auto ok = check_markup_limits(bytes, "the HTML page", options); !ok) {
      return ok.error();
    }
    return read_html(bytes, options.encoding);
  }
  if (bytes.find('\0') != std::string_view::npos && !is_utf16_input(bytes, options.encoding)) {
    return util::Error{.message = "binary data: not a report document in a supported form",
                       .kind = util::ErrorKind::NotAReport};
  }
  return read_text(bytes, options);
}

} // namespace

namespace {

/// Every location learns its block's index in document order, so that findings on paragraphs
/// and on table cells sort as they appear, in any input form.
void number_blocks(Document& doc) {
  for (std::size_t i = 0; i < doc.blocks.size(); ++i) {
    const int block = static_cast<int>(i);
    if (auto* p = std::get_if<Paragraph>(&doc.blocks[i])) {
      p->where.block = block;
      continue;
    }
    auto& t = std::get<Table>(doc.blocks[i]);
    t.where.block = block;
    for (auto& row : t.rows) {
      for (auto& cell : row.cells) {
        cell.where.block = block;
      }
    }
  }
}

} // namespace

util::Expected<Document> read(std::string_view bytes, const ReadOptions& options) {
  if (bytes.empty()) {
    return util::Error{.message = "the file is empty", .kind = util::ErrorKind::Empty};
  }
  if (bytes.size() > options.max_input) {
    return util::Error{
        .message = fmt::format("the input is {} bytes, more than the limit of {} (max_input)",
                               bytes.size(), options.max_input),
        .kind = util::ErrorKind::TooLarge};
  }
  auto doc = read_any(bytes, options);
  if (doc) {
    number_blocks(*doc);
    if (auto ok = check_document_limits(*doc, options); !ok) {
      return ok.error();
    }
  }
  return doc;
}

} // namespace xxgk::document
