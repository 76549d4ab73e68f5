#pragma once
// One entry point for every input form: sniffs the bytes, never the file name alone.

#include <xxgk/document/model.hpp>
#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace xxgk::document {

/// Cap on the inflated size of one zip entry (word/document.xml), against zip bombs.
inline constexpr std::size_t k_default_max_inflated = std::size_t{64} << 20;

struct ReadOptions {
  std::string input_format; ///< "" = detect; otherwise a reader name, e.g. "text-tika"
  std::string encoding;     ///< "" = detect
  std::size_t max_inflated = k_default_max_inflated; ///< bytes one .docx entry may inflate to
};

/// Names of the input forms `--input-format` accepts.
const std::vector<std::string>& input_formats();

/// Reads a document from bytes; an Error when the bytes are not a readable report document.
util::Expected<Document> read(std::string_view bytes, const ReadOptions& options = {});

} // namespace xxgk::document
