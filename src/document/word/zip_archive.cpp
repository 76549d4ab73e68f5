// The zip layer of a .docx (libzip, from memory).

#include "../error_messages.hpp"

#include <xxgk/document/zip_archive.hpp>

#include "text_buffer.hpp"

#include <fmt/format.h>
#include <libdeflate.h>

#include <algorithm>
#include <memory>
#include <optional>

namespace xxgk::document::word {

namespace {

struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

/// zip_error_t with its cleanup.
class ZipError {
public:
  ZipError() { zip_error_init(&m_error); }
  ~ZipError() { zip_error_fini(&m_error); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  zip_error_t* get() { return &m_error; }
  int code() { return zip_error_code_zip(&m_error); }
  std::string text() { return zip_error_strerror(&m_error); }

private:
  zip_error_t m_error{};
};

std::string human_size(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return fmt::format("{} MiB", bytes >> 20);
  }
  return fmt::format("{} bytes", bytes);
}

/// Whether an entry of `size` bytes inflated from `comp_size` passes the limits that read_entry
/// checks as it inflates.
bool within_limits(zip_uint64_t size, zip_uint64_t comp_size, const Limits& limits) {
  return size <= limits.max_inflated &&
         (size <= k_inflate_ratio_floor ||
          size / std::max<zip_uint64_t>(comp_size, 1) <= limits.max_inflate_ratio);
}

struct DecompressorFree {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

/// The thread's DEFLATE decompressor, allocated on first use (nullptr if that failed).
libdeflate_decompressor* thread_decompressor() {
  thread_local const std::unique_ptr<libdeflate_decompressor, DecompressorFree> decompressor(
      libdeflate_alloc_decompressor());
  return decompressor.get();
}

/// Entries this large (a main part, not a relationship part) go into the thread's spare buffer.
constexpr zip_uint64_t k_reuse_from = zip_uint64_t{16} << 10;

/// The usual entry read without libzip's decompression layers: the compressed bytes inflated by
/// libdeflate (whole buffer, raw DEFLATE) straight into a result of the size the directory claims,
/// accepted only when the stream ends there and the CRC (libdeflate_crc32) matches the
/// directory's. nullopt sends the caller down libzip's path, which then gives the same bytes or
/// the error.
std::optional<std::string> read_entry_direct(zip_t* archive, zip_uint64_t index,
                                             const zip_stat_t& st, const Limits& limits) {
  constexpr zip_uint64_t k_needed = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD |
                                    ZIP_STAT_CRC | ZIP_STAT_ENCRYPTION_METHOD;
  if ((st.valid & k_needed) != k_needed || st.encryption_method != ZIP_EM_NONE ||
      (st.comp_method != ZIP_CM_DEFLATE && st.comp_method != ZIP_CM_STORE) ||
      !within_limits(st.size, st.comp_size, limits) || st.comp_size > limits.max_inflated) {
    return std::nullopt;
  }
  ZipFilePtr file(zip_fopen_index(archive, index, ZIP_FL_COMPRESSED));
  if (!file) {
    return std::nullopt;
  }
  // One byte spare in each buffer that may become the result: the XML parse appends a NUL.
  std::string compressed;
  compressed.reserve(static_cast<std::size_t>(st.comp_size) + 1);
  compressed.resize(static_cast<std::size_t>(st.comp_size));
  std::size_t have = 0;
  while (have < compressed.size()) {
    const zip_int64_t n = zip_fread(file.get(), compressed.data() + have, compressed.size() - have);
    if (n <= 0) {
      return std::nullopt;
    }
    have += static_cast<std::size_t>(n);
  }
  std::string out;
  if (st.comp_method == ZIP_CM_STORE) {
    if (st.comp_size != st.size) {
      return std::nullopt;
    }
    out = std::move(compressed);
  } else {
    const auto size = static_cast<std::size_t>(st.size);
    if (size >= k_reuse_from) {
      out = take_text_buffer(); // resize below zero-fills only past the size it had
    }
    if (out.capacity() < size + 1) {
      out = std::string(); // reserving would copy what the spare buffer held
      out.reserve(size + 1);
    }
    out.resize(size);
    libdeflate_decompressor* const decompressor = thread_decompressor();
    std::size_t actual = 0;
    if (decompressor == nullptr ||
        libdeflate_deflate_decompress(decompressor, compressed.data(), compressed.size(),
                                      out.data(), out.size(), &actual) != LIBDEFLATE_SUCCESS ||
        actual != size) {
      return std::nullopt;
    }
  }
  if (libdeflate_crc32(0, out.data(), out.size()) != st.crc) {
    return std::nullopt;
  }
  return out;
}

} // namespace

util::Expected<ZipPtr> open_zip(std::string_view bytes) {
  ZipError error;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, error.get());
  if (source == nullptr) {
    return err::make(util::ErrorKind::Malformed, err::k_zip_read, {error.text()});
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, error.get());
  if (archive == nullptr) {
    zip_source_free(source);
    switch (error.code()) {
    case ZIP_ER_NOZIP:
      return err::make(util::ErrorKind::Malformed, err::k_zip_no_directory);
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return err::make(util::ErrorKind::Malformed, err::k_zip_inconsistent, {error.text()});
    case ZIP_ER_MULTIDISK:
      return err::make(util::ErrorKind::UnsupportedForm, err::k_zip_multidisk);
    default:
      return err::make(util::ErrorKind::Malformed, err::k_zip_open, {error.text()});
    }
  }
  return ZipPtr(archive);
}

std::string normalize_entry_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c == '\\') {
      c = '/'; // some writers use DOS separators
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    out += c;
  }
  while (!out.empty() && out.front() == '/') {
    out.erase(0, 1);
  }
  return out;
}

std::optional<zip_uint64_t> find_entry(zip_t* archive, std::string_view name) {
  const std::string wanted = normalize_entry_name(name);
  const zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* entry = zip_get_name(archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (entry != nullptr && normalize_entry_name(entry) == wanted) {
      return static_cast<zip_uint64_t>(i);
    }
  }
  return std::nullopt;
}

/// Inflates one entry, counting the bytes actually produced: the sizes in the zip headers are
/// not trusted.
util::Expected<std::string> read_entry(zip_t* archive, zip_uint64_t index, std::string_view name,
                                       const Limits& limits) {
  const std::size_t limit = limits.max_inflated;
  // The compressed size bounds the ratio; from the central directory, so only as trustworthy as
  // the archive (a lie makes the ratio check stricter, and max_inflated holds anyway).
  zip_stat_t st;
  zip_stat_init(&st);
  const bool have_comp_size =
      zip_stat_index(archive, index, 0, &st) == 0 && (st.valid & ZIP_STAT_COMP_SIZE) != 0;
  if (auto direct = read_entry_direct(archive, index, st, limits)) {
    return std::move(*direct);
  }
  ZipFilePtr file(zip_fopen_index(archive, index, 0));
  if (!file) {
    const int code = zip_error_code_zip(zip_get_error(archive));
    if (code == ZIP_ER_NOPASSWD || code == ZIP_ER_WRONGPASSWD || code == ZIP_ER_ENCRNOTSUPP) {
      return err::make(util::ErrorKind::UnsupportedForm, err::k_zip_encrypted, {name});
    }
    if (code == ZIP_ER_COMPNOTSUPP) {
      return err::make(util::ErrorKind::UnsupportedForm, err::k_zip_method, {name});
    }
    return err::make(util::ErrorKind::Malformed, err::k_zip_entry_open,
                     {name, zip_strerror(archive)});
  }
  // Inflated straight into the result, 64 KiB at a time (the checks see the same amounts as
  // before); the size the directory claims only reserves memory, within the limit.
  constexpr std::size_t k_chunk = std::size_t{1} << 16;
  std::string out;
  if ((st.valid & ZIP_STAT_SIZE) != 0 && st.size > 0) {
    zip_uint64_t expected = std::min<zip_uint64_t>(st.size, limit);
    if (have_comp_size) { // a claim beyond the ratio would fail the bomb check anyway
      expected = std::min<zip_uint64_t>(expected, std::max<zip_uint64_t>(st.comp_size, 1) *
                                                          limits.max_inflate_ratio +
                                                      k_inflate_ratio_floor);
    }
    out.reserve(static_cast<std::size_t>(expected) + k_chunk);
  }
  std::size_t size = 0;
  for (;;) {
    out.resize(size + k_chunk);
    const zip_int64_t n = zip_fread(file.get(), out.data() + size, k_chunk);
    if (n < 0) {
      return err::make(util::ErrorKind::Malformed, err::k_zip_inflate,
                       {name, zip_file_strerror(file.get())});
    }
    if (n == 0) {
      break;
    }
    const auto got = static_cast<std::size_t>(n);
    if (got > limit - size) {
      return err::make(util::ErrorKind::TooLarge, err::k_zip_inflated_limit,
                       {name, human_size(limit)});
    }
    size += got;
    if (have_comp_size && size > k_inflate_ratio_floor &&
        size / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_inflate_ratio) {
      return err::make(util::ErrorKind::TooLarge, err::k_zip_bomb,
                       {name, limits.max_inflate_ratio, st.comp_size});
    }
  }
  out.resize(size);
  return out;
}

} // namespace xxgk::document::word
