// The one entry point for every input form: detects the form once from the bytes and the name,
// decodes a text-like form once, then runs exactly one reader.

#include "error_messages.hpp"
#include "html/sniff.hpp"
#include "text/embedded_tables.hpp"

#include <xxgk/document/encoding.hpp>
#include <xxgk/document/html_reader.hpp>
#include <xxgk/document/pdf_reader.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>
#include <xxgk/document/word_reader.hpp>
#include <xxgk/util/text.hpp>

#include <algorithm>
#include <iterator>
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

/// The input as the detection step sees it: its bytes, name and the asked form and encoding; a
/// sniff more than one form needs is done once.
class Input {
public:
  Input(std::string_view input, const ReadOptions& read_options)
      : bytes(input), options(read_options) {}

  std::string_view bytes;
  const ReadOptions& options;

  WordXmlForm word_xml() {
    if (!m_word_xml) {
      m_word_xml = sniff_word_xml(bytes);
    }
    return *m_word_xml;
  }

private:
  std::optional<WordXmlForm> m_word_xml;
};

/// One input form: the `--input-format` names that ask for it, how it recognises its bytes, and
/// its reader. A form read from bytes has `read_bytes`; a form read as text has `decode` (the
/// one decoding of the input) and `read_text` (its reader, on the decoded text).
struct InputForm {
  bool (*asked_by)(std::string_view name);
  bool (*recognises)(Input& in);
  /// Recognised even when another form is asked for: bytes no reader can read.
  bool always;
  util::Expected<Document> (*read_bytes)(Input& in);
  util::Expected<DecodedText> (*decode)(Input& in);
  util::Expected<Document> (*read_text)(std::string_view text, const ReadOptions& options);
};

bool never(std::string_view /*name*/) {
  return false;
}

bool is_zip(std::string_view bytes) {
  return bytes.starts_with(k_zip_magic) || bytes.starts_with(k_zip_empty_magic);
}

util::Expected<Document> read_pdf_bytes(Input& in) {
  if (!looks_like_pdf(in.bytes)) {
    return err::make(util::ErrorKind::Malformed, err::k_not_pdf);
  }
  return read_pdf(in.bytes, in.options);
}

util::Expected<Document> read_docx_bytes(Input& in) {
  if (!is_zip(in.bytes)) {
    return err::make(util::ErrorKind::Malformed, err::k_not_zip);
  }
  return read_docx(in.bytes, in.options);
}

util::Expected<Document> read_word_xml_bytes(Input& in) {
  const std::string& name = in.options.input_format;
  WordXmlForm form = WordXmlForm::None;
  if (name.empty()) {
    form = in.word_xml();
  } else if (name == "word-xml") {
    form = WordXmlForm::DocumentXml;
  } else if (name == "flat-opc") {
    form = WordXmlForm::FlatOpc;
  } else if (name == "word2003-xml") {
    form = WordXmlForm::Word2003Xml;
  }
  return read_word_xml(in.bytes, form, in.options);
}

/// HTML before the binary check: a UTF-16 page has NUL bytes. Text holding HTML tables
/// (converter Markdown) is text unless its name says HTML.
bool recognises_html(Input& in) {
  return looks_like_html_named(in.bytes, in.options.file_name) &&
         (html::has_html_name(in.options.file_name) || !looks_like_text_with_html_tables(in.bytes));
}

util::Expected<DecodedText> decode_html(Input& in) {
  if (auto ok = check_markup_limits(in.bytes, diag::nested({&err::k_html_page, {}}), in.options);
      !ok) {
    return ok.error();
  }
  return html::decode_page(in.bytes, in.options.encoding);
}

util::Expected<Document> read_html_page(std::string_view text, const ReadOptions& /*options*/) {
  return read_html_text(text);
}

util::Expected<DecodedText> decode_text(Input& in) {
  return decode_to_utf8(in.bytes, in.options.encoding);
}

/// Text forms: the named or detected text form's reader.
util::Expected<Document> read_text(std::string_view decoded, const ReadOptions& options) {
  if (auto ok = check_text_limits(decoded, options); !ok) {
    return ok.error();
  }
  // Converter Markdown keeps tables with merged cells as HTML <table> blocks (embedded_tables.hpp).
  std::vector<HtmlTableBlock> html_tables;
  std::string text_only;
  const bool embedded = looks_like_text_with_html_tables(decoded);
  if (embedded) {
    text_only = decoded;
    html_tables = cut_html_tables(text_only);
  }
  const std::string_view text = embedded ? std::string_view(text_only) : decoded;
  const auto lines = util::split_lines(text); // once, for the detection and the reader
  const std::string form =
      options.input_format.empty() ? detect_text_form(text, lines) : options.input_format;
  auto doc = read_text_form(form, text, lines);
  if (!doc) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_unknown_form, {options.input_format});
  }
  splice_html_tables(*doc, html_tables);
  return std::move(*doc);
}

/// Every input form, in the order they are tried: PDF, the Word forms (word_reader.hpp), HTML
/// (html_reader.hpp), then text (text_forms.hpp), which takes whatever is not binary.
const InputForm k_forms[] = {
    {[](std::string_view name) { return name == "pdf"; },
     [](Input& in) { return looks_like_pdf(in.bytes); }, false, read_pdf_bytes, nullptr, nullptr},
    {never, [](Input& in) { return in.bytes.starts_with(k_ole_magic); }, true,
     [](Input& in) -> util::Expected<Document> {
       return util::Error::of(util::ErrorKind::UnsupportedForm, describe_ole_file(in.bytes));
     },
     nullptr, nullptr},
    {[](std::string_view name) { return name == "docx"; },
     [](Input& in) { return is_zip(in.bytes); }, false, read_docx_bytes, nullptr, nullptr},
    {[](std::string_view name) {
       return name == "word-xml" || name == "flat-opc" || name == "word2003-xml";
     },
     [](Input& in) { return in.word_xml() != WordXmlForm::None; }, false, read_word_xml_bytes,
     nullptr, nullptr},
    {[](std::string_view name) { return name == "html"; }, recognises_html, false, nullptr,
     decode_html, read_html_page},
    {never,
     [](Input& in) {
       return in.bytes.find('\0') != std::string_view::npos &&
              !is_utf16_input(in.bytes, in.options.encoding);
     },
     true,
     [](Input& /*in*/) -> util::Expected<Document> {
       return err::make(util::ErrorKind::NotAReport, err::k_binary);
     },
     nullptr, nullptr},
    {[](std::string_view name) {
       const auto& names = text_form_names();
       return std::find(names.begin(), names.end(), name) != names.end();
     },
     [](Input& /*in*/) { return true; }, false, nullptr, decode_text, read_text},
};

/// The detection step: the asked form, else the first form that recognises the bytes; a form
/// that no reader can read (binary Word, binary data) is recognised whatever was asked.
const InputForm& detect(Input& in) {
  const std::string& name = in.options.input_format;
  for (const auto& form : k_forms) {
    if (name.empty() ? form.recognises(in)
                     : form.asked_by(name) || (form.always && form.recognises(in))) {
      return form;
    }
  }
  return k_forms[std::size(k_forms) - 1]; // text takes anything
}

/// Detects the form once, decodes a text-like form once, then runs exactly one reader.
util::Expected<Document> read_any(std::string_view bytes, const ReadOptions& options) {
  const auto& formats = input_formats();
  if (!options.input_format.empty() &&
      std::find(formats.begin(), formats.end(), options.input_format) == formats.end()) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_unknown_form, {options.input_format});
  }
  Input in(bytes, options);
  const InputForm& form = detect(in);
  if (form.read_bytes != nullptr) {
    return form.read_bytes(in);
  }
  auto decoded = form.decode(in);
  if (!decoded) {
    return decoded.error();
  }
  auto doc = form.read_text(decoded->text, options);
  if (!doc) {
    return doc;
  }
  doc->encoding = decoded->encoding;
  doc->diagnostics.insert(doc->diagnostics.begin(), decoded->diagnostics.begin(),
                          decoded->diagnostics.end());
  doc->source_text = std::move(decoded->text);
  return doc;
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
    return err::make(util::ErrorKind::Empty, err::k_empty);
  }
  if (bytes.size() > options.max_input) {
    return err::make(util::ErrorKind::TooLarge, err::k_input_too_large,
                     {bytes.size(), options.max_input});
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
