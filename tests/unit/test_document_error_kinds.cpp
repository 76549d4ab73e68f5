// The kind of each reading failure (util::ErrorKind), so callers decide by kind, not by text.

#include <xxgk/document/read.hpp>
#include <xxgk/io/file.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace xxgk;
using util::ErrorKind;

namespace {

ErrorKind kind_of(const util::Expected<document::Document>& doc) {
  REQUIRE_FALSE(doc.has_value());
  return doc.error().kind;
}

std::string utf16le(const std::string& ascii) {
  std::string out;
  for (char c : ascii) {
    out += c;
    out += '\0';
  }
  return out;
}

} // namespace

TEST_CASE("io::read_file: a missing file is NotFound, a directory and limits have their kinds") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("xxgk-error-kinds-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);

  const auto missing = io::read_file((dir / "missing.docx").string());
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().kind == ErrorKind::NotFound);
  CHECK(missing.error().message == "no such file");

  const auto directory = io::read_file(dir.string());
  REQUIRE_FALSE(directory.has_value());
  CHECK(directory.error().kind == ErrorKind::Io);

  const std::string big = (dir / "big.txt").string();
  REQUIRE(io::write_file_atomic(big, std::string(100, 'x')));
  const auto too_large = io::read_file(big, 10);
  REQUIRE_FALSE(too_large.has_value());
  CHECK(too_large.error().kind == ErrorKind::TooLarge);

  // An empty file reads as no bytes; document::read is what calls it empty.
  const std::string empty = (dir / "empty.txt").string();
  REQUIRE(io::write_file_atomic(empty, ""));
  const auto bytes = io::read_file(empty);
  REQUIRE(bytes.has_value());
  CHECK(kind_of(document::read(*bytes)) == ErrorKind::Empty);
  fs::remove_all(dir);
}

TEST_CASE("document::read: empty, binary, .doc, over a limit and a broken zip have their kinds") {
  CHECK(kind_of(document::read("")) == ErrorKind::Empty);
  CHECK(kind_of(document::read(std::string("\x01\x02\x00\x03\xff binary", 12))) ==
        ErrorKind::NotAReport);

  const std::string ole = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  CHECK(kind_of(document::read(ole + std::string(100, '\0') + utf16le("WordDocument"))) ==
        ErrorKind::UnsupportedForm);
  CHECK(kind_of(document::read(ole + std::string(100, '\0') + utf16le("EncryptedPackage"))) ==
        ErrorKind::UnsupportedForm);

  document::ReadOptions small;
  small.max_input = 16;
  CHECK(kind_of(document::read(std::string(64, 'x'), small)) == ErrorKind::TooLarge);

  // A local file header and then nothing a zip reader can use.
  const std::string broken_zip = std::string("PK\x03\x04", 4) + std::string(60, '\x7f');
  CHECK(kind_of(document::read(broken_zip)) == ErrorKind::Malformed);
}

TEST_CASE("Word XML: malformed XML is Malformed, nesting over max_xml_depth is TooLarge") {
  const std::string w = R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main")";
  CHECK(kind_of(document::read("<w:document " + w + "><w:body><w:p></w:body></w:document>")) ==
        ErrorKind::Malformed);

  document::ReadOptions shallow;
  shallow.max_xml_depth = 4;
  std::string deep = "<w:document " + w + "><w:body>";
  for (int i = 0; i < 8; ++i) {
    deep += "<w:sdt><w:sdtContent>";
  }
  for (int i = 0; i < 8; ++i) {
    deep += "</w:sdtContent></w:sdt>";
  }
  deep += "</w:body></w:document>";
  CHECK(kind_of(document::read(deep, shallow)) == ErrorKind::TooLarge);
}

TEST_CASE("--limit and --encoding mistakes are Malformed and UnsupportedForm") {
  document::Limits limits;
  const auto bad = document::set_limit(limits, "max_cells");
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().kind == ErrorKind::Malformed);

  document::ReadOptions latin;
  latin.encoding = "latin-1";
  CHECK(kind_of(document::read("text", latin)) == ErrorKind::UnsupportedForm);
}
