#pragma once
// Character encodings of text inputs: detection and decoding to UTF-8 (via glibc iconv).
//
// Detection, when no encoding is requested:
//   1. a byte order mark decides: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE;
//   2. otherwise valid UTF-8 is UTF-8;
//   3. otherwise bytes that decode cleanly as GB18030 (a superset of GBK and GB2312) are GB18030;
//   4. otherwise an Error naming the byte offset of the invalid sequence.
// A BOM or a requested encoding is a declaration: invalid sequences are then replaced by U+FFFD
// and reported once as a READ-ENCODING warning, instead of failing the whole read.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/util/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document {

struct DecodedText {
  std::string text;     ///< UTF-8 without BOM
  std::string encoding; ///< what was used: "UTF-8", "GB18030", "UTF-16LE" or "UTF-16BE"
  /// READ-ENCODING when invalid sequences were replaced by U+FFFD.
  std::vector<diag::Diagnostic> diagnostics;
};

/// The names `--encoding` accepts (case-insensitive; '-' and '_' are optional, so "UTF8" and
/// "gb_2312" are accepted too). gbk and gb2312 decode as GB18030, their superset; "utf-16" takes
/// its byte order from the BOM and defaults to little-endian.
const std::vector<std::string>& encoding_names();

/// Decodes `bytes` to UTF-8. `requested` is "" to detect (see the top of this file) or one of
/// `encoding_names()`; an unknown name is an Error "unknown encoding '…'".
util::Expected<DecodedText> decode_to_utf8(std::string_view bytes, std::string_view requested = {});

/// Whether `bytes` will be decoded as UTF-16 (by BOM or by request), where NUL bytes are normal
/// and not a sign of binary data.
bool is_utf16_input(std::string_view bytes, std::string_view requested = {});

/// Decodes UTF-16 without a BOM (`big_endian` gives the byte order) to UTF-8, for input whose
/// encoding the caller has settled itself (the Word XML forms): an unpaired surrogate becomes
/// U+FFFD and an odd last byte is dropped, silently. The same decoder as decode_to_utf8's.
util::Expected<std::string> decode_utf16(std::string_view bytes, bool big_endian);

} // namespace xxgk::document
