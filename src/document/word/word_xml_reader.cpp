// The Word XML forms as one input: a bare word/document.xml, Flat OPC and Word 2003 XML
// (w:wordDocument, whose body the shared main-part reader reads as is), and the main part of a
// .docx handed over by the zip layer.

#include "../error_messages.hpp"

#include <xxgk/document/word_reader.hpp>

#include "flat_opc.hpp"
#include "main_part.hpp"
#include "sniff.hpp"

#include <utility>

namespace xxgk::document {

using word::form_name;
using word::form_of_root;
using word::parse_xml;
using word::read_body_of;
using word::read_flat_opc;
using word::read_main_part;
using word::to_utf8;

util::Expected<Document> read_wordml_part(std::string xml, std::string_view part,
                                          std::string_view format, const Limits& limits) {
  return read_main_part(std::move(xml), part, part, format, limits);
}

util::Expected<Document> read_word_xml(std::string_view bytes, WordXmlForm form,
                                       const Limits& limits) {
  auto decoded = to_utf8(bytes);
  if (!decoded) {
    return decoded.error();
  }
  std::string text = std::move(*decoded);
  const WordXmlForm found = form_of_root(text);
  if (form == WordXmlForm::None) {
    form = found;
  }
  if (form == WordXmlForm::None) {
    return err::make(util::ErrorKind::Malformed, err::k_not_word_xml_root);
  }
  if (found != form) {
    return err::make(util::ErrorKind::Malformed, err::k_not_form, {diag::nested(form_name(form))});
  }
  switch (form) {
  case WordXmlForm::DocumentXml:
    return read_main_part(std::move(text), "word/document.xml", "", "word-xml", limits);
  case WordXmlForm::FlatOpc: {
    auto parsed = parse_xml(std::move(text), "", limits);
    if (!parsed) {
      return parsed.error();
    }
    return read_flat_opc(*parsed);
  }
  case WordXmlForm::Word2003Xml: {
    auto parsed = parse_xml(std::move(text), "", limits);
    if (!parsed) {
      return parsed.error();
    }
    return read_body_of(parsed->doc->document_element(), "", "", "word2003-xml", *parsed);
  }
  case WordXmlForm::None:
    break;
  }
  return err::make(util::ErrorKind::Malformed, err::k_not_word_xml);
}

} // namespace xxgk::document
