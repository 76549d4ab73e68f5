// Naming the package or compound file that is not a .docx (xlsx, pptx, odt; encrypted, .doc).

#include "package_kind.hpp"

#include <xxgk/document/zip_archive.hpp>

#include "../error_messages.hpp"

#include <xxgk/document/word_reader.hpp>

#include <string_view>

namespace xxgk::document {

namespace word {

/// Why a zip without a Word main part is not a .docx, in words a user recognizes.
diag::Message not_a_docx(zip_t* archive) {
  if (find_entry(archive, "xl/workbook.xml")) {
    return {&err::k_xlsx, {}};
  }
  if (find_entry(archive, "ppt/presentation.xml")) {
    return {&err::k_pptx, {}};
  }
  if (find_entry(archive, "content.xml") && find_entry(archive, "mimetype")) {
    return {&err::k_odt, {}};
  }
  return {&err::k_no_main_part, {}};
}

} // namespace word

namespace {

bool contains_utf16le(std::string_view bytes, std::string_view ascii) {
  std::string pattern;
  for (char c : ascii) {
    pattern += c;
    pattern += '\0';
  }
  return bytes.find(pattern) != std::string_view::npos;
}

} // namespace

diag::Message describe_ole_file(std::string_view bytes) {
  // Directory entries of a compound file hold stream names in UTF-16LE.
  if (contains_utf16le(bytes, "EncryptedPackage") || contains_utf16le(bytes, "EncryptionInfo")) {
    return {&err::k_ole_encrypted, {}};
  }
  if (contains_utf16le(bytes, "WordDocument")) {
    return {&err::k_ole_doc, {}};
  }
  return {&err::k_ole_other, {}};
}

} // namespace xxgk::document
