// .docx: the main part named by _rels/.rels (or the usual name) read from the zip archive and
// handed to the WordprocessingML reader.

#include <xxgk/document/word_reader.hpp>

#include "namespaces.hpp"
#include "package_kind.hpp"
#include <xxgk/document/zip_archive.hpp>

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <utility>

namespace xxgk::document {

namespace {

using word::find_entry;
using word::normalize_entry_name;
using word::read_entry;

/// The main part named by _rels/.rels (relationship type …/officeDocument), if any.
std::optional<std::string> main_part_from_rels(zip_t* archive, const Limits& limits) {
  const auto index = find_entry(archive, "_rels/.rels");
  if (!index) {
    return std::nullopt;
  }
  auto rels = read_entry(archive, *index, "_rels/.rels", limits);
  if (!rels) {
    return std::nullopt; // the usual name is tried next
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(rels->data(), rels->size())) {
    return std::nullopt;
  }
  return word::office_document_target(doc.document_element());
}

} // namespace

util::Expected<Document> read_docx(std::string_view bytes, const Limits& limits) {
  auto archive = word::open_zip(bytes);
  if (!archive) {
    return archive.error();
  }
  zip_t* za = archive->get();
  // Relationship files are small; a huge one is as suspicious as a huge document.
  std::optional<std::string> part = main_part_from_rels(za, limits);
  std::optional<zip_uint64_t> index;
  if (part) {
    index = find_entry(za, *part);
  }
  if (!index) {
    part = "word/document.xml";
    index = find_entry(za, *part);
  }
  if (!index) {
    return util::Error::of(util::ErrorKind::UnsupportedForm, word::not_a_docx(za));
  }
  const std::string name = normalize_entry_name(*part);
  auto xml = read_entry(za, *index, name, limits);
  if (!xml) {
    return xml.error();
  }
  return read_wordml_part(std::move(*xml), name, "docx", limits);
}

} // namespace xxgk::document
