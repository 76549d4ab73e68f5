// .docx: the zip layer (libzip, from memory) in front of the WordprocessingML reader, and the
// explanation for OLE compound files that arrive with a .docx name.

#include <xxgk/document/word_reader.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>
#include <zip.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace xxgk::document {

namespace {

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;

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

util::Expected<ZipPtr> open_zip(std::string_view bytes) {
  ZipError error;
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, error.get());
  if (source == nullptr) {
    return util::Error{fmt::format("cannot read the zip archive ({})", error.text())};
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, error.get());
  if (archive == nullptr) {
    zip_source_free(source);
    switch (error.code()) {
    case ZIP_ER_NOZIP:
      return util::Error{
          "truncated or damaged .docx: the zip archive has no readable central directory"};
    case ZIP_ER_INCONS:
    case ZIP_ER_EOF:
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
      return util::Error{
          fmt::format("truncated or damaged .docx: inconsistent zip archive ({})", error.text())};
    case ZIP_ER_MULTIDISK:
      return util::Error{"a multi-disk zip archive, not a .docx"};
    default:
      return util::Error{fmt::format("cannot open the zip archive ({})", error.text())};
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

/// The index of an entry, matched case-insensitively and ignoring a leading '/' or '\' separators.
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

std::string human_size(std::size_t bytes) {
  if (bytes >= (std::size_t{1} << 20) && bytes % (std::size_t{1} << 20) == 0) {
    return fmt::format("{} MiB", bytes >> 20);
  }
  return fmt::format("{} bytes", bytes);
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
      return util::Error{fmt::format("{} is encrypted inside the zip archive", name)};
    }
    if (code == ZIP_ER_COMPNOTSUPP) {
      return util::Error{
          fmt::format("{} is compressed with a method this build cannot inflate", name)};
    }
    return util::Error{
        fmt::format("cannot open {} in the zip archive ({})", name, zip_strerror(archive))};
  }
  std::string out;
  std::array<char, 1u << 16> buffer{};
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
    if (n < 0) {
      return util::Error{fmt::format("truncated or damaged .docx: cannot inflate {} ({})", name,
                                     zip_file_strerror(file.get()))};
    }
    if (n == 0) {
      break;
    }
    const auto got = static_cast<std::size_t>(n);
    if (got > limit - out.size()) {
      return util::Error{fmt::format("{} inflates to more than {} (limit max_inflated); not read",
                                     name, human_size(limit))};
    }
    out.append(buffer.data(), got);
    if (have_comp_size && out.size() > k_inflate_ratio_floor &&
        out.size() / std::max<zip_uint64_t>(st.comp_size, 1) > limits.max_inflate_ratio) {
      return util::Error{
          fmt::format("{} inflates to more than {} times its compressed size of {} bytes (limit "
                      "max_inflate_ratio): a zip bomb, not a Word document; not read",
                      name, limits.max_inflate_ratio, st.comp_size)};
    }
  }
  return out;
}

/// The main part named by _rels/.rels (relationship type …/officeDocument), if any.
std::optional<std::string> main_part_from_rels(zip_t* archive, const Limits& limits) {
  const auto index = find_entry(archive, "_rels/.rels");
  if (!index) {
    return std::nullopt;
  }
  auto rels = read_entry(archive, *index, "_rels/.rels", limits);
  if (!rels) {
    return std::nullopt; // the usual name is tried next
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(rels->data(), rels->size())) {
    return std::nullopt;
  }
  for (pugi::xml_node r : doc.document_element().children()) {
    const std::string_view name = r.name();
    const std::string_view type = r.attribute("Type").value();
    const std::string_view suffix = "/officeDocument";
    const bool is_relationship =
        name == "Relationship" ||
        (name.size() > 13 && name.substr(name.size() - 13) == ":Relationship");
    if (is_relationship && type.size() >= suffix.size() &&
        type.substr(type.size() - suffix.size()) == suffix &&
        std::string_view(r.attribute("TargetMode").value()) != "External") {
      std::string target = r.attribute("Target").value();
      while (target.rfind("./", 0) == 0) {
        target.erase(0, 2);
      }
      return target;
    }
  }
  return std::nullopt;
}

/// Why a zip without a Word main part is not a .docx, in words a user recognizes.
std::string not_a_docx(zip_t* archive) {
  if (find_entry(archive, "xl/workbook.xml")) {
    return "an Excel workbook (.xlsx), not a Word .docx document";
  }
  if (find_entry(archive, "ppt/presentation.xml")) {
    return "a PowerPoint presentation (.pptx), not a Word .docx document";
  }
  if (find_entry(archive, "content.xml") && find_entry(archive, "mimetype")) {
    return "an OpenDocument file (.odt), not a Word .docx document; save it as .docx";
  }
  return "no word/document.xml in the zip archive: not a Word .docx document";
}

bool contains_utf16le(std::string_view bytes, std::string_view ascii) {
  std::string pattern;
  for (char c : ascii) {
    pattern += c;
    pattern += '\0';
  }
  return bytes.find(pattern) != std::string_view::npos;
}

} // namespace

util::Expected<Document> read_docx(std::string_view bytes, const Limits& limits) {
  auto archive = open_zip(bytes);
  if (!archive) {
    return archive.error();
  }
  zip_t* za = archive->get();
  // Relationship files are small; a huge one is as suspicious as a huge document.
  std::optional<std::string> part = main_part_from_rels(za, limits);
  std::optional<zip_uint64_t> index;
  if (part) {
    index = find_entry(za, *part);
  }
  if (!index) {
    part = "word/document.xml";
    index = find_entry(za, *part);
  }
  if (!index) {
    return util::Error{not_a_docx(za)};
  }
  const std::string name = normalize_entry_name(*part);
  auto xml = read_entry(za, *index, name, limits);
  if (!xml) {
    return xml.error();
  }
  return read_wordml_part(std::move(*xml), name, "docx", limits);
}

std::string describe_ole_file(std::string_view bytes) {
  // Directory entries of a compound file hold stream names in UTF-16LE.
  if (contains_utf16le(bytes, "EncryptedPackage") || contains_utf16le(bytes, "EncryptionInfo")) {
    return "an encrypted or password-protected Office document (OLE compound file); remove the "
           "password and save it as .docx";
  }
  if (contains_utf16le(bytes, "WordDocument")) {
    return "a legacy Word 97-2003 .doc file (OLE compound file), not .docx; save it as .docx";
  }
  return "an OLE compound file: an encrypted or password-protected document, or a legacy .doc; "
         "save it as .docx without a password";
}

} // namespace xxgk::document
