// The zip layer of a .docx (libzip, from memory).

#include <xxgk/document/zip_archive.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

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
    return util::Error{.message = fmt::format("cannot read the zip archive ({})", error.text()),
                       .kind = util::ErrorKind::Malformed};
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, error.get());
  if (archive == nullptr) {
    zip_source_free(source);
    switch (error.code()) {
    case ZIP_ER_NOZIP:
      return util::Error{
          .message =
              "truncated or damaged .docx: the zip archive has no readable central directory",
          .kind = util::ErrorKind::Malformed};
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return util::Error{
          .message = fmt::format("truncated or damaged .docx: inconsistent zip archive ({})",
                                 error.text()),
          .kind = util::ErrorKind::Malformed};
    case ZIP_ER_MULTIDISK:
      return util::Error{.message = "a multi-disk zip archive, not a .docx",
                         .kind = util::ErrorKind::UnsupportedForm};
    default:
      return util::Error{.message = fmt::format("cannot open the zip archive ({})", error.text()),
                         .kind = util::ErrorKind::Malformed};
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
      return util::Error{.message = fmt::format("{} is encrypted inside the zip archive", name),
                         .kind = util::ErrorKind::UnsupportedForm};
    }
    if (code == ZIP_ER_COMPNOTSUPP) {
      return util::Error{
          .message = fmt::format("{} is compressed with a method this build cannot inflate", name),
          .kind = util::ErrorKind::UnsupportedForm};
    }
    return util::Error{.message = fmt::format("cannot open {} in the zip archive ({})", name,
                                              zip_strerror(archive)),
                       .kind = util::ErrorKind::Malformed};
  }
  std::string out;
  std::array<char, 1u << 16> buffer{};
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      return util::Error{.message =
                             fmt::format("truncated or damaged .docx: cannot inflate {} ({})", name,
                                         zip_file_strerror(file.get())),
                         .kind = util::ErrorKind::Malformed};
    }
    if (n == 0) {
      break;
    }
    const auto got = static_cast<std::size_t>(n);
    if (got > limit - out.size()) {
      return util::Error{
          .message = fmt::format("{} inflates to more than {} (limit max_inflated); not read", name,
                                 human_size(limit)),
          .kind = util::ErrorKind::TooLarge};
    }
    out.append(buffer.data(), got);
    if (have_comp_size && out.size() > k_inflate_ratio_floor &&
        out.size() / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_inflate_ratio) {
      return util::Error{
          .message = fmt::format(
              "{} inflates to more than {} times its compressed size of {} bytes (limit "
              "max_inflate_ratio): a zip bomb, not a Word document; not read",
              name, limits.max_inflate_ratio, st.comp_size),
          .kind = util::ErrorKind::TooLarge};
    }
  }
  return out;
}

} // namespace xxgk::document::word
