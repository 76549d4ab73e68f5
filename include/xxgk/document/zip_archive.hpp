#pragma once
// The zip layer of a .docx, shared by the Word reader and `fix`: libzip over bytes in memory,
// entries found by name the way Word finds them, and inflation bounded by the limits (the sizes
// in the zip headers are not trusted).

#include <xxgk/document/read.hpp>
#include <xxgk/util/expected.hpp>

#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace xxgk::document::word {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

/// Opens a zip archive held in `bytes` (which must outlive it).
util::Expected<ZipPtr> open_zip(std::string_view bytes);

/// Lower case, '/' separators, no leading '/': the form entry names are compared in.
std::string normalize_entry_name(std::string_view name);

/// The index of an entry, matched case-insensitively and ignoring a leading '/' or '\' separators.
std::optional<zip_uint64_t> find_entry(zip_t* archive, std::string_view name);

/// Inflates one entry within limits.max_inflated and limits.max_inflate_ratio; `name` names it in
/// messages.
util::Expected<std::string> read_entry(zip_t* archive, zip_uint64_t index, std::string_view name,
                                       const Limits& limits);

} // namespace xxgk::document::word
