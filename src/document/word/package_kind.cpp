// Naming the package or compound file that is not a .docx (xlsx, pptx, odt; encrypted, .doc).

#include "package_kind.hpp"

#include <xxgk/document/zip_archive.hpp>

#include <xxgk/document/word_reader.hpp>

#include <string_view>

namespace xxgk::document {

namespace word {

/// Why a zip without a Word main part is not a .docx, in words a user recognizes.
std::string not_a_docx(zip_t* archive) {
  if (find_entry(archive, "xl/workbook.xml")) {
    return "an Excel workbook (.xlsx), not a Word .docx document";
  }
  if (find_entry(archive, "ppt/presentation.xml")) {
    return "a PowerPoint presentation (.pptx), not a Word .docx document";
  }
  if (find_entry(archive, "content.xml") && find_entry(archive, "mimetype")) {
    return "an OpenDocument file (.odt), not a Word .docx document; save it as .docx";
  }
  return "no word/document.xml in the zip archive: not a Word .docx document";
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

std::string describe_ole_file(std::string_view bytes) {
  // Directory entries of a compound file hold stream names in UTF-16LE.
  if (contains_utf16le(bytes, "EncryptedPackage") || contains_utf16le(bytes, "EncryptionInfo")) {
    return "an encrypted or password-protected Office document (OLE compound file); remove the "
           "password and save it as .docx";
  }
  if (contains_utf16le(bytes, "WordDocument")) {
    return "a legacy Word 97-2003 .doc file (OLE compound file), not .docx; save it as .docx";
  }
  return "an OLE compound file: an encrypted or password-protected document, or a legacy .doc; "
         "save it as .docx without a password";
}

} // namespace xxgk::document
