#pragma once
// Loads the PDF backend module (backend.hpp) on first use.

#include "backend.hpp"

#include <xxgk/util/expected.hpp>

namespace xxgk::document::pdf {

/// The module file's name.
inline constexpr const char* k_module_name = "xxgk-pdf.so";

/// The loaded backend.
struct Backend {
  BackendRead read = nullptr;
};

/// The backend's read function. The module is loaded on the first call (thread-safe; once per
/// process), from the first of: the file the environment variable XXGK_PDF_MODULE names; the
/// directory of the running xxgk (a build tree); the directory it is installed to relative to
/// the binary (CMAKE_INSTALL_LIBDIR/xxgk). An Error (kind Io) says where it looked and why each
/// place failed; the same Error is returned on every later call.
util::Expected<Backend> backend();

} // namespace xxgk::document::pdf
