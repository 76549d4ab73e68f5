#pragma once
// File input and atomic file output: the only places xxgk touches the file system.

#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <string>

namespace xxgk::io {

/// Default cap on the size of one input file.
inline constexpr std::size_t k_default_max_input = 256u * 1024u * 1024u;

/// Reads a whole file read-only; errors say why ("no such file", "is a directory", "too large").
util::Expected<std::string> read_file(const std::string& path,
                                      std::size_t max_bytes = k_default_max_input);

/// Writes `content` to a temporary file beside `path` and renames it into place.
util::Expected<bool> write_file_atomic(const std::string& path, const std::string& content);

} // namespace xxgk::io
