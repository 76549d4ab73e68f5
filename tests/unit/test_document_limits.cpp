#include "test_helpers.hpp"

#include <xxgk/document/read.hpp>
#include <xxgk/document/word_reader.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;
using namespace xxgk::document;

namespace {

bool contains(const std::string& s, std::string_view part) {
  return s.find(part) != std::string::npos;
}

std::string error_of(const util::Expected<Document>& d) {
  return d ? std::string("(no error)") : d.error().message;
}

} // namespace

TEST_CASE("limits are set by name, with K, M and G for binary multiples") {
  Limits l;
  CHECK(set_limit(l, "max_inflated=128M"));
  CHECK(l.max_inflated == std::size_t{128} << 20);
  CHECK(set_limit(l, "max_line_bytes = 64k"));
  CHECK(l.max_line_bytes == 64 * 1024);
  CHECK(set_limit(l, "max_input=2G"));
  CHECK(l.max_input == std::size_t{2} << 30);
  CHECK(set_limit(l, "max_cells_per_table=123"));
  CHECK(l.max_cells_per_table == 123);
  CHECK(set_limit(l, "max_xml_depth=1000"));
  CHECK(limit_infos().size() == 12);
}

TEST_CASE("a bad limit names what is wrong") {
  Limits l;
  CHECK(contains(set_limit(l, "max_bogus=1").error().message, "unknown limit 'max_bogus'"));
  CHECK(contains(set_limit(l, "max_inflated").error().message, "NAME=VALUE"));
  for (const char* bad : {"max_inflated=0", "max_inflated=-1", "max_inflated=1.5M", "max_inflated=",
                          "max_inflated=99999999999999999999", "max_inflated=20000000000G"}) {
    CAPTURE(bad);
    CHECK(contains(set_limit(l, bad).error().message, "not a positive whole number"));
  }
  CHECK(contains(set_limit(l, "max_xml_depth=100000").error().message, "at most 1000"));
  CHECK(l.max_inflated == k_default_max_inflated);
}

TEST_CASE("an input beyond max_input is refused before it is read") {
  ReadOptions o;
  o.max_input = 10;
  CHECK(error_of(read("0123456789A", o)) ==
        "the input is 11 bytes, more than the limit of 10 (max_input)");
  CHECK(read("0123456789", o).has_value());
}

TEST_CASE("a text line beyond max_line_bytes is an error naming the line") {
  ReadOptions o;
  o.max_line_bytes = 8;
  CHECK(error_of(read("short\n123456789\nok\n", o)) ==
        "line 2 is 9 bytes long, more than the limit of 8 (max_line_bytes)");
  CHECK(error_of(read("a\r\nb\r\n123456789", o)) ==
        "line 3 is 9 bytes long, more than the limit of 8 (max_line_bytes)");
  CHECK(read("12345678\n12345678", o).has_value());
}

TEST_CASE("text with more separators than max_cells is refused before reading") {
  ReadOptions o;
  o.max_cells = 10;
  const std::string text = "title\n\t1\t2\t3\t4\t5\t6\t7\t8\t9\n"; // 2 lines, 9 TABs
  CHECK(contains(error_of(read(text, o)), "more than the limit of 10 (max_cells)"));
  o.max_cells = 100;
  CHECK(read(text, o).has_value());
}

TEST_CASE("a table beyond max_cells_per_table is an error naming the table and its line") {
  ReadOptions o;
  o.max_cells_per_table = 5;
  std::string text = "标题\n\n";
  for (int i = 0; i < 6; ++i) {
    text += "\t" + std::to_string(i) + "\n";
  }
  CHECK(error_of(read(text, o)) ==
        "table 1 (line 3) has 6 cells, more than the limit of 5 (max_cells_per_table)");
  o.max_cells_per_table = 6;
  CHECK(read(text, o).has_value());
}

TEST_CASE("Word XML deeper than max_xml_depth or with more tags than max_xml_tags is refused") {
  const std::string w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  std::string xml = "<w:document xmlns:w=\"" + w + "\"><w:body><w:p>";
  for (int i = 0; i < 20; ++i) {
    xml += "<w:r>";
  }
  for (int i = 0; i < 20; ++i) {
    xml += "</w:r>";
  }
  xml += "</w:p></w:body></w:document>";
  Limits l;
  CHECK(read_word_xml(xml, WordXmlForm::None, l).has_value());
  l.max_xml_depth = 10;
  CHECK(contains(error_of(read_word_xml(xml, WordXmlForm::None, l)),
                 "nested deeper than 10 levels (limit max_xml_depth)"));
  l = Limits{};
  l.max_xml_tags = 30;
  CHECK(contains(error_of(read_word_xml(xml, WordXmlForm::None, l)),
                 "has 46 tags, more than the limit of 30 (max_xml_tags)"));
  CHECK(contains(error_of(read_wordml_part(xml, "word/document.xml", "docx", l)),
                 "word/document.xml has 46 tags"));
}

TEST_CASE("zip bombs stop at the inflation limits") {
  // From tests/corpus/zip (scripts/gen_corpus.py): 8 MiB of XML from about 8 KiB, and 4 GiB
  // from a few KiB of bzip2.
  const std::string ratio = test::repo_file("tests/corpus/zip/bomb-deflate-ratio.docx");
  CHECK(contains(error_of(read(ratio)), "(limit max_inflate_ratio)"));
  ReadOptions o;
  o.max_inflate_ratio = 100000;
  CHECK(contains(error_of(read(ratio, o)), "XML"));

  const std::string bzip2 = test::repo_file("tests/corpus/zip/bomb-bzip2-4gib.docx");
  o = ReadOptions{};
  o.max_inflate_ratio = std::size_t{1} << 40;
  o.max_inflated = std::size_t{4} << 20;
  CHECK(error_of(read(bzip2, o)) ==
        "word/document.xml inflates to more than 4 MiB (limit max_inflated); not read");
  CHECK(contains(error_of(read(bzip2)), "(limit max_inflate_ratio)"));
}
