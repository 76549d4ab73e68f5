#include "error_messages.hpp"
#include "messages.hpp"

#include <xxgk/document/encoding.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <utility>

namespace xxgk::document {

namespace {

enum class Codec { Utf8, Gb18030, Utf16, Utf16Le, Utf16Be };

struct EncodingName {
  std::string_view name; ///< as listed to users
  Codec codec;
};

/// Listed names first (in the order users see them), then further accepted aliases.
constexpr EncodingName k_names[] = {
    {"utf-8", Codec::Utf8},       {"gb18030", Codec::Gb18030}, {"gbk", Codec::Gb18030},
    {"gb2312", Codec::Gb18030},   {"utf-16", Codec::Utf16},    {"utf-16le", Codec::Utf16Le},
    {"utf-16be", Codec::Utf16Be}, {"cp936", Codec::Gb18030},   {"euc-cn", Codec::Gb18030},
    {"utf-8-sig", Codec::Utf8},   {"ucs-2le", Codec::Utf16Le}, {"ucs-2be", Codec::Utf16Be},
};
constexpr std::size_t k_listed_names = 7;

constexpr std::string_view k_bom_utf8 = "\xEF\xBB\xBF";
constexpr std::string_view k_bom_utf16le = "\xFF\xFE";
constexpr std::string_view k_bom_utf16be = "\xFE\xFF";
constexpr std::string_view k_bom_gb18030 = "\x84\x31\x95\x33";
constexpr std::string_view k_replacement = "\xEF\xBF\xBD"; // U+FFFD

/// Lower case without '-', '_' and spaces: "UTF_8" and "utf8" both give "utf8".
std::string name_key(std::string_view name) {
  std::string key;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == ' ') {
      continue;
    }
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

std::optional<Codec> lookup(std::string_view requested) {
  const std::string key = name_key(requested);
  for (const auto& entry : k_names) {
    if (name_key(entry.name) == key) {
      return entry.codec;
    }
  }
  return std::nullopt;
}

util::Error unknown_encoding(std::string_view requested) {
  const std::string key = name_key(requested);
  std::string_view best;
  std::size_t best_distance = 3; // suggest only close names
  for (std::size_t i = 0; i < k_listed_names; ++i) {
    const std::size_t d = util::edit_distance(key, name_key(k_names[i].name));
    if (d < best_distance) {
      best_distance = d;
      best = k_names[i].name;
    }
  }
  std::string known;
  for (std::size_t i = 0; i < k_listed_names; ++i) {
    known += i == 0 ? "" : ", ";
    known += k_names[i].name;
  }
  if (!best.empty()) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_encoding_unknown_suggest,
                     {requested, best, known});
  }
  return err::make(util::ErrorKind::UnsupportedForm, err::k_encoding_unknown, {requested, known});
}

std::string_view codec_name(Codec codec) {
  switch (codec) {
  case Codec::Utf8:
    return "UTF-8";
  case Codec::Gb18030:
    return "GB18030";
  case Codec::Utf16:
  case Codec::Utf16Le:
    return "UTF-16LE";
  case Codec::Utf16Be:
    return "UTF-16BE";
  }
  return "UTF-8";
}

enum class OnInvalid { Fail, Replace };

struct Converted {
  std::string text;
  std::size_t bad_count = 0;
  std::size_t first_bad = std::string_view::npos;     ///< byte offset in the input
  std::size_t first_bad_out = std::string_view::npos; ///< byte offset in `text`
};

void note_bad(Converted& c, std::size_t in_offset) {
  if (c.bad_count++ == 0) {
    c.first_bad = in_offset;
    c.first_bad_out = c.text.size();
  }
}

/// The offset of the first byte of `in` at or after `pos` that does not decode
/// (util::next_codepoint yields U+FFFD for it and advances one byte); in.size() when there is none.
/// ASCII is skipped eight bytes at a time.
std::size_t find_invalid_utf8(std::string_view in, std::size_t pos) {
  while (pos < in.size()) {
    while (pos + 8 <= in.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, in.data() + pos, sizeof word);
      if ((word & 0x8080808080808080ULL) != 0) {
        break;
      }
      pos += 8;
    }
    // Then code points up to the next ASCII byte (a run of CJK text, mostly).
    while (pos < in.size() && static_cast<unsigned char>(in[pos]) >= 0x80) {
      if (pos + 3 <= in.size()) {
        // Three bytes led by E1–EC or EE–EF (CJK, fullwidth forms) are valid whenever two
        // continuation bytes follow: they can be neither overlong nor surrogates.
        const auto b0 = static_cast<unsigned char>(in[pos]);
        const auto b1 = static_cast<unsigned char>(in[pos + 1]);
        const auto b2 = static_cast<unsigned char>(in[pos + 2]);
        if (b0 >= 0xE1 && b0 <= 0xEF && b0 != 0xED && (b1 & 0xC0U) == 0x80 &&
            (b2 & 0xC0U) == 0x80) {
          pos += 3;
          continue;
        }
      }
      const std::size_t start = pos;
      const char32_t cp = util::next_codepoint(in, pos);
      // A decoding failure yields U+FFFD and advances one byte; a literal U+FFFD takes three.
      if (cp == 0xFFFD && pos - start == 1) {
        return start;
      }
    }
    while (pos < in.size() && static_cast<unsigned char>(in[pos]) < 0x80) {
      ++pos;
      if ((pos & 7U) == 0) {
        break; // aligned: eight at a time again
      }
    }
  }
  return in.size();
}

/// `in` with each byte that does not decode replaced by U+FFFD (or, with OnInvalid::Fail, the
/// text before the first one): copied a valid run at a time.
Converted convert_utf8(std::string_view in, OnInvalid mode) {
  Converted c;
  c.text.reserve(in.size());
  for (std::size_t pos = 0; pos < in.size();) {
    const std::size_t bad = find_invalid_utf8(in, pos);
    c.text.append(in.substr(pos, bad - pos));
    if (bad == in.size()) {
      break;
    }
    note_bad(c, bad);
    if (mode == OnInvalid::Fail) {
      return c;
    }
    c.text.append(k_replacement);
    pos = bad + 1;
  }
  return c;
}

/// Owns an iconv conversion descriptor.
class Iconv {
public:
  explicit Iconv(const char* from) : m_cd(iconv_open("UTF-8", from)) {}
  ~Iconv() {
    if (ok()) {
      iconv_close(m_cd);
    }
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;

  [[nodiscard]] bool ok() const { return m_cd != reinterpret_cast<iconv_t>(-1); }
  [[nodiscard]] iconv_t get() const { return m_cd; }

private:
  iconv_t m_cd;
};

/// Converts with iconv. `unit` is how many bytes to skip past an invalid sequence (the code unit
/// size: 1 for GB18030, 2 for UTF-16).
util::Expected<Converted> convert_iconv(std::string_view in, const char* from, std::size_t unit,
                                        OnInvalid mode) {
  Iconv cd(from);
  if (!cd.ok()) {
    return err::make(util::ErrorKind::UnsupportedForm, err::k_iconv_missing, {from});
  }
  Converted c;
  std::string buffer(in.size() * 2 + 16, '\0');
  std::size_t consumed = 0;
  std::size_t written = 0;
  while (true) {
    char* in_ptr = const_cast<char*>(in.data()) + consumed; // iconv never writes the input
    std::size_t in_left = in.size() - consumed;
    char* out_ptr = buffer.data() + written;
    std::size_t out_left = buffer.size() - written;
    const std::size_t r = iconv(cd.get(), consumed < in.size() ? &in_ptr : nullptr,
                                consumed < in.size() ? &in_left : nullptr, &out_ptr, &out_left);
    const int err = errno;
    consumed = in.size() - in_left;
    written = static_cast<std::size_t>(out_ptr - buffer.data());
    if (r != static_cast<std::size_t>(-1)) {
      if (consumed >= in.size()) {
        break;
      }
      continue;
    }
    if (err == E2BIG) {
      buffer.resize(buffer.size() * 2);
      continue;
    }
    if (err != EILSEQ && err != EINVAL) {
      return err::make(util::ErrorKind::Malformed, err::k_iconv_failed, {from});
    }
    // EILSEQ: an invalid sequence; EINVAL: a sequence cut off by the end of the input.
    c.text.assign(buffer.data(), written);
    note_bad(c, consumed);
    if (mode == OnInvalid::Fail) {
      return c;
    }
    if (buffer.size() - written < k_replacement.size()) {
      buffer.resize(buffer.size() * 2);
    }
    std::copy(k_replacement.begin(), k_replacement.end(),
              buffer.begin() + static_cast<std::ptrdiff_t>(written));
    written += k_replacement.size();
    consumed = err == EINVAL ? in.size() : std::min(in.size(), consumed + unit);
    iconv(cd.get(), nullptr, nullptr, nullptr, nullptr); // reset the shift state
    if (consumed >= in.size()) {
      break;
    }
  }
  c.text.assign(buffer.data(), written);
  return c;
}

util::Expected<Converted> convert(std::string_view in, Codec codec, OnInvalid mode) {
  switch (codec) {
  case Codec::Utf8:
    return convert_utf8(in, mode);
  case Codec::Gb18030:
    return convert_iconv(in, "GB18030", 1, mode);
  case Codec::Utf16:
  case Codec::Utf16Le:
    return convert_iconv(in, "UTF-16LE", 2, mode);
  case Codec::Utf16Be:
    return convert_iconv(in, "UTF-16BE", 2, mode);
  }
  return convert_utf8(in, mode);
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

/// The BOM that `codec` may carry, and the codec it settles (UTF-16 takes its order from it).
std::size_t strip_bom(std::string_view bytes, Codec& codec) {
  switch (codec) {
  case Codec::Utf8:
    return starts_with(bytes, k_bom_utf8) ? k_bom_utf8.size() : 0;
  case Codec::Gb18030:
    return starts_with(bytes, k_bom_gb18030) ? k_bom_gb18030.size() : 0;
  case Codec::Utf16:
    if (starts_with(bytes, k_bom_utf16be)) {
      codec = Codec::Utf16Be;
      return 2;
    }
    codec = Codec::Utf16Le;
    return starts_with(bytes, k_bom_utf16le) ? 2 : 0;
  case Codec::Utf16Le:
    return starts_with(bytes, k_bom_utf16le) ? 2 : 0;
  case Codec::Utf16Be:
    return starts_with(bytes, k_bom_utf16be) ? 2 : 0;
  }
  return 0;
}

std::optional<Codec> codec_of_bom(std::string_view bytes) {
  if (starts_with(bytes, k_bom_utf8)) {
    return Codec::Utf8;
  }
  if (starts_with(bytes, k_bom_utf16le)) {
    return Codec::Utf16Le;
  }
  if (starts_with(bytes, k_bom_utf16be)) {
    return Codec::Utf16Be;
  }
  return std::nullopt;
}

/// Line and column (1-based, code points) of byte `offset` of UTF-8 `text`, counting lines as
/// util::split_lines does.
diag::SourceLocation location_of(std::string_view text, std::size_t offset) {
  diag::SourceLocation where;
  where.line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++where.line;
      line_start = i + 1;
    }
  }
  where.column =
      1 + static_cast<int>(util::count_codepoints(text.substr(line_start, offset - line_start)));
  return where;
}

DecodedText finish(Converted&& c, Codec codec, std::size_t bom_size) {
  DecodedText out;
  out.encoding = std::string(codec_name(codec));
  if (c.bad_count > 0) {
    diag::Message m{&msg::k_invalid_bytes, {out.encoding, c.first_bad + bom_size}};
    if (c.bad_count > 1) {
      m = {&msg::k_invalid_bytes_count, {out.encoding, c.first_bad + bom_size, c.bad_count}};
    }
    out.diagnostics.push_back(diag::make("READ-ENCODING", diag::Severity::Warning, std::move(m),
                                         location_of(c.text, c.first_bad_out)));
  }
  out.text = std::move(c.text);
  return out;
}

} // namespace

const std::vector<std::string>& encoding_names() {
  static const std::vector<std::string> k_list = [] {
    std::vector<std::string> v;
    for (std::size_t i = 0; i < k_listed_names; ++i) {
      v.emplace_back(k_names[i].name);
    }
    return v;
  }();
  return k_list;
}

bool is_utf16_input(std::string_view bytes, std::string_view requested) {
  if (!requested.empty()) {
    const auto codec = lookup(requested);
    return codec &&
           (*codec == Codec::Utf16 || *codec == Codec::Utf16Le || *codec == Codec::Utf16Be);
  }
  const auto bom = codec_of_bom(bytes);
  return bom && *bom != Codec::Utf8;
}

util::Expected<DecodedText> decode_to_utf8(std::string_view bytes, std::string_view requested) {
  std::optional<Codec> declared;
  if (!requested.empty()) {
    declared = lookup(requested);
    if (!declared) {
      return unknown_encoding(requested);
    }
  } else {
    declared = codec_of_bom(bytes);
  }
  if (declared) {
    Codec codec = *declared;
    const std::size_t bom_size = strip_bom(bytes, codec);
    auto converted = convert(bytes.substr(bom_size), codec, OnInvalid::Replace);
    if (!converted) {
      return converted.error();
    }
    return finish(std::move(*converted), codec, bom_size);
  }

  // No declaration: UTF-8 when valid, else GB18030 when it decodes cleanly.
  auto as_utf8 = convert_utf8(bytes, OnInvalid::Fail);
  if (as_utf8.bad_count == 0) {
    return finish(std::move(as_utf8), Codec::Utf8, 0);
  }
  auto as_gb = convert_iconv(bytes, "GB18030", 1, OnInvalid::Fail);
  if (!as_gb) {
    return as_gb.error();
  }
  if (as_gb->bad_count == 0) {
    return finish(std::move(*as_gb), Codec::Gb18030, 0);
  }
  // Name the offset where the decoding that got further stopped: that one is most likely the
  // file's real encoding, so its offset points at the actual damage.
  const std::size_t offset = std::max(as_utf8.first_bad, as_gb->first_bad);
  return err::make(util::ErrorKind::Malformed, err::k_not_text, {offset});
}

util::Expected<std::string> decode_utf16(std::string_view bytes, bool big_endian) {
  if (bytes.size() % 2 == 1) {
    bytes.remove_suffix(1); // half a code unit: nothing to decode
  }
  auto converted = convert(bytes, big_endian ? Codec::Utf16Be : Codec::Utf16Le, OnInvalid::Replace);
  if (!converted) {
    return converted.error();
  }
  return std::move(converted->text);
}

} // namespace xxgk::document
