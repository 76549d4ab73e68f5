#pragma once
// What a file that arrived as a .docx is when it is not one: another Office package (a zip
// without a Word main part) or an OLE compound file, in words a user recognizes.

#include <xxgk/diag/message.hpp>

#include <zip.h>

#include <string>

namespace xxgk::document::word {

/// Why a zip without a Word main part is not a .docx.
diag::Message not_a_docx(zip_t* archive);

} // namespace xxgk::document::word
