// A .docx package with one part replaced, built in memory with libzip: the other entries are
// copied with their compressed data as it is. Parts are found by name the way the reader found
// them (document/zip_archive.hpp).
#include "messages.hpp"

#include <xxgk/fix/write.hpp>

#include <xxgk/document/zip_archive.hpp>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>

namespace xxgk::fix {

namespace {

struct ZipError {
  ZipError() { zip_error_init(&error); }
  ~ZipError() { zip_error_fini(&error); }
  ZipError(const ZipError&) = delete;
  ZipError& operator=(const ZipError&) = delete;
  zip_error_t error{};
};

struct SourceFree {
  void operator()(zip_source_t* s) const { zip_source_free(s); }
};
using document::word::find_entry;
using document::word::ZipDiscard;

} // namespace

util::Expected<std::string> read_zip_entry(std::string_view package, std::string_view part) {
  ZipError err;
  zip_source_t* src = zip_source_buffer_create(package.data(), package.size(), 0, &err.error);
  if (src == nullptr) {
    return util::Error::of(util::ErrorKind::Malformed,
                           {&msg::k_not_zip, {zip_error_strerror(&err.error)}});
  }
  std::unique_ptr<zip_t, ZipDiscard> archive(zip_open_from_source(src, ZIP_RDONLY, &err.error));
  if (!archive) {
    zip_source_free(src);
    return util::Error::of(util::ErrorKind::Malformed,
                           {&msg::k_not_zip, {zip_error_strerror(&err.error)}});
  }
  const auto index = find_entry(archive.get(), part);
  if (!index) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_part, {part}});
  }
  zip_file_t* f = zip_fopen_index(archive.get(), *index, 0);
  if (f == nullptr) {
    return util::Error::of(util::ErrorKind::Malformed,
                           {&msg::k_open_part, {part, zip_strerror(archive.get())}});
  }
  std::string out;
  char buf[65536];
  zip_int64_t n = 0;
  while ((n = zip_fread(f, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  zip_fclose(f);
  if (n < 0) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_read_part, {part}});
  }
  return out;
}

util::Expected<std::string> replace_zip_entry(std::string_view package, std::string_view part,
                                              std::string_view content) {
  ZipError err;
  // The archive is opened read-write on a buffer source that outlives it (zip_source_keep), so
  // that the rewritten archive can be read back from the source after zip_close.
  std::unique_ptr<zip_source_t, SourceFree> src(
      zip_source_buffer_create(package.data(), package.size(), 0, &err.error));
  if (!src) {
    return util::Error::of(util::ErrorKind::Malformed,
                           {&msg::k_not_zip, {zip_error_strerror(&err.error)}});
  }
  zip_source_keep(src.get());
  zip_t* archive = zip_open_from_source(src.get(), 0, &err.error);
  if (archive == nullptr) {
    zip_source_free(src.get()); // the reference zip_source_keep added
    return util::Error::of(util::ErrorKind::Malformed,
                           {&msg::k_not_zip, {zip_error_strerror(&err.error)}});
  }
  const auto index = find_entry(archive, part);
  if (!index) {
    zip_discard(archive);
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_part, {part}});
  }
  // libzip frees the buffer source with the archive; the data is copied into it (freep = 0 on a
  // copy it owns).
  auto* copy = static_cast<char*>(std::malloc(content.size() == 0 ? 1 : content.size()));
  if (copy == nullptr) {
    zip_discard(archive);
    return util::Error::of(util::ErrorKind::Io, {&msg::k_out_of_memory, {}});
  }
  std::memcpy(copy, content.data(), content.size());
  zip_source_t* data = zip_source_buffer(archive, copy, content.size(), 1);
  if (data == nullptr) {
    std::free(copy);
    zip_discard(archive);
    return util::Error::of(util::ErrorKind::Io, {&msg::k_replace, {part}});
  }
  if (zip_file_replace(archive, *index, data, ZIP_FL_ENC_UTF_8) != 0) {
    zip_source_free(data);
    zip_discard(archive);
    return util::Error::of(util::ErrorKind::Io,
                           {&msg::k_replace_why, {part, zip_strerror(archive)}});
  }
  // Keep the entry's compression method (deflate, as Word writes it).
  zip_set_file_compression(archive, *index, ZIP_CM_DEFLATE, 0);
  if (zip_close(archive) != 0) {
    const std::string why = zip_strerror(archive);
    zip_discard(archive);
    return util::Error::of(util::ErrorKind::Io, {&msg::k_write_package, {why}});
  }
  zip_source_t* s = src.get();
  if (zip_source_open(s) != 0) {
    return util::Error::of(util::ErrorKind::Io, {&msg::k_read_back, {}});
  }
  std::string out;
  char buf[65536];
  zip_int64_t n = 0;
  while ((n = zip_source_read(s, buf, sizeof buf)) > 0) {
    out.append(buf, static_cast<std::size_t>(n));
  }
  zip_source_close(s);
  if (n < 0) {
    return util::Error::of(util::ErrorKind::Io, {&msg::k_read_back, {}});
  }
  return out;
}

const std::vector<const diag::MessageTemplate*>& error_messages() {
  static const std::vector<const diag::MessageTemplate*> list{&msg::k_not_zip,
                                                              &msg::k_no_part,
                                                              &msg::k_open_part,
                                                              &msg::k_read_part,
                                                              &msg::k_out_of_memory,
                                                              &msg::k_replace,
                                                              &msg::k_replace_why,
                                                              &msg::k_write_package,
                                                              &msg::k_read_back,
                                                              &msg::k_no_line,
                                                              &msg::k_no_column,
                                                              &msg::k_tag_not_there,
                                                              &msg::k_text_not_there,
                                                              &msg::k_same_place,
                                                              &msg::k_cannot_encode,
                                                              &msg::k_not_encodable,
                                                              &msg::k_xml,
                                                              &msg::k_no_cell,
                                                              &msg::k_bad_run,
                                                              &msg::k_no_paragraph,
                                                              &msg::k_bad_paragraph,
                                                              &msg::k_unclosed_paragraph,
                                                              &msg::k_overlap};
  return list;
}

} // namespace xxgk::fix
