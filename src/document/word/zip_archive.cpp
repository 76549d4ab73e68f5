// The zip layer of a .docx (libzip, from memory).

#include "../error_messages.hpp"

#include <xxgk/document/zip_archive.hpp>

#include <fmt/format.h>

#include <algorithm>

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
