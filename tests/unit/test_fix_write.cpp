// xxgk fix: editing cells in place (src/fix/word.cpp, text.cpp, package.cpp).

#include "test_helpers.hpp"

#include <xxgk/fix/write.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;

namespace {

long long offset_of(const std::string& xml, const std::string& needle) {
  const auto at = xml.find(needle);
  REQUIRE(at != std::string::npos);
  return static_cast<long long>(at) + 1; // pugixml's element offset: the name, after '<'
}

} // namespace

TEST_CASE("a cell's text run gets the new figure, formatting kept, other runs emptied") {
  const std::string xml =
      R"(<w:document xmlns:w="x"><w:body><w:tbl><w:tr>)"
      R"(<w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>2</w:t></w:r><w:r><w:t xml:space="preserve">5 </w:t></w:r></w:p></w:tc>)"
      R"(</w:tr></w:tbl></w:body></w:document>)";
  const long long cell = offset_of(xml, "<w:tc><w:p><w:r><w:rPr>");
  const auto out = fix::edit_word_xml(xml, {{cell, "23"}});
  REQUIRE(out.has_value());
  CHECK(
      *out ==
      R"(<w:document xmlns:w="x"><w:body><w:tbl><w:tr>)"
      R"(<w:tc><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>23</w:t></w:r><w:r><w:t xml:space="preserve"></w:t></w:r></w:p></w:tc>)"
      R"(</w:tr></w:tbl></w:body></w:document>)");
}

TEST_CASE("a blank cell gets a run with its paragraph mark's formatting") {
  const std::string xml =
      R"(<w:tbl><w:tr><w:tc><w:tcPr/><w:p w:rsidR="1"><w:pPr><w:jc w:val="center"/>)"
      R"(<w:rPr><w:sz w:val="24"/></w:rPr></w:pPr></w:p></w:tc>)"
      R"(<w:tc><w:p/></w:tc></w:tr></w:tbl>)";
  const long long first = offset_of(xml, "<w:tc><w:tcPr/>");
  const long long second = offset_of(xml, "<w:tc><w:p/>");
  const auto out = fix::edit_word_xml(xml, {{first, "7"}, {second, "0"}});
  REQUIRE(out.has_value());
  CHECK(*out == R"(<w:tbl><w:tr><w:tc><w:tcPr/><w:p w:rsidR="1"><w:pPr><w:jc w:val="center"/>)"
                R"(<w:rPr><w:sz w:val="24"/></w:rPr></w:pPr>)"
                R"(<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>7</w:t></w:r></w:p></w:tc>)"
                R"(<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)");
}

TEST_CASE("revision marks of the paragraph mark are not copied into the run") {
  const std::string xml =
      R"(<w:tc><w:p><w:pPr><w:rPr><w:ins w:id="1"/><w:b/></w:rPr></w:pPr></w:p></w:tc>)";
  const auto out = fix::edit_word_xml(xml, {{1, "3"}});
  REQUIRE(out.has_value());
  CHECK(out->find("<w:r><w:t>3</w:t></w:r></w:p>") != std::string::npos);
}

TEST_CASE("an offset that is not a table cell is an error, not a guess") {
  const std::string xml = R"(<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>)";
  CHECK_FALSE(fix::edit_word_xml(xml, {{2, "1"}}).has_value());
  CHECK_FALSE(fix::edit_word_xml("<w:tc>", {{1, "1"}}).has_value());
}

TEST_CASE("text cells are replaced where they stand; a blank one gets the figure inserted") {
  const std::string text = "表三\n\t自然人\n\t—\n\t\n\t12\r\n";
  const auto out = fix::edit_text(text, {{3, 2, "—", "5"}, {4, 2, "", "0"}, {5, 2, "12", "10"}});
  REQUIRE(out.has_value());
  CHECK(*out == "表三\n\t自然人\n\t5\n\t0\n\t10\r\n");
  // The old text must be where the edit says.
  CHECK_FALSE(fix::edit_text(text, {{3, 2, "7", "5"}}).has_value());
  CHECK_FALSE(fix::edit_text(text, {{9, 1, "", "5"}}).has_value());
  // Code-point columns: after a two-byte-wide character.
  const auto cjk = fix::edit_text("总计|\n", {{1, 4, "", "4"}});
  REQUIRE(cjk.has_value());
  CHECK(*cjk == "总计|4\n");
}

TEST_CASE("an HTML blank cell gets its figure inside the start tag it is located at") {
  const std::string html = "<tr><td>1</td><td align=\"a>b\"\n  class=x></td></tr>\n";
  const auto out = fix::edit_text(html, {{1, 15, "", "4", true}});
  REQUIRE(out.has_value());
  CHECK(*out == "<tr><td>1</td><td align=\"a>b\"\n  class=x>4</td></tr>\n");
  CHECK_FALSE(fix::edit_text("<br/>", {{1, 1, "", "4", true}}).has_value());
}

TEST_CASE("text is encoded back into the input's encoding") {
  const auto gb = fix::encode_text("总计 5", "GB18030", false);
  REQUIRE(gb.has_value());
  CHECK(*gb == "\xD7\xDC\xBC\xC6 5");
  const auto le = fix::encode_text("5", "UTF-16LE", true);
  REQUIRE(le.has_value());
  CHECK(*le == std::string("\xFF\xFE"
                           "5\0",
                           4));
  const auto u8 = fix::encode_text("5", "UTF-8", true);
  REQUIRE(u8.has_value());
  CHECK(*u8 == "\xEF\xBB\xBF"
               "5");
}

TEST_CASE("a package with one part replaced keeps every other part byte for byte") {
  const std::string package = test::repo_file("tests/data/docx/hongxing-2021-wps.docx");
  const auto xml = fix::read_zip_entry(package, "word/document.xml");
  REQUIRE(xml.has_value());
  const std::string changed = *xml + "<!-- x -->";
  const auto out = fix::replace_zip_entry(package, "word/document.xml", changed);
  REQUIRE(out.has_value());
  const auto back = fix::read_zip_entry(*out, "word/document.xml");
  REQUIRE(back.has_value());
  CHECK(*back == changed);
  for (const char* part :
       {"[Content_Types].xml", "word/styles.xml", "_rels/.rels", "word/_rels/document.xml.rels"}) {
    CAPTURE(part);
    const auto a = fix::read_zip_entry(package, part);
    const auto b = fix::read_zip_entry(*out, part);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK(*a == *b);
  }
  CHECK_FALSE(fix::replace_zip_entry(package, "word/nope.xml", "x").has_value());
  CHECK_FALSE(fix::replace_zip_entry("not a zip", "word/document.xml", "x").has_value());
}

TEST_CASE("a part is found by name the way the reader found it: case and a leading slash aside") {
  std::string package = test::repo_file("tests/data/docx/hongxing-2021-wps.docx");
  // The same package with the main part's entry named Word/Document.xml (a name's bytes are not
  // covered by the entry's CRC, so renaming in place keeps the archive valid).
  for (std::size_t at = package.find("word/document.xml"); at != std::string::npos;
       at = package.find("word/document.xml", at + 1)) {
    package.replace(at, 17, "Word/Document.xml");
  }
  REQUIRE(package.find("Word/Document.xml") != std::string::npos);
  const auto xml = fix::read_zip_entry(package, "word/document.xml");
  REQUIRE(xml.has_value());
  const auto out = fix::replace_zip_entry(package, "/word/document.xml", *xml + "<!-- x -->");
  REQUIRE(out.has_value());
  const auto back = fix::read_zip_entry(*out, "word/document.xml");
  REQUIRE(back.has_value());
  CHECK(*back == *xml + "<!-- x -->");
}
