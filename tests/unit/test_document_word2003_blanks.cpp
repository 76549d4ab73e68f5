// Word 2003 XML (w:wordDocument): blank cells, in every spelling Word and converters write them,
// keep their column (issue 16).

#include <xxgk/document/read.hpp>

#include <doctest/doctest.h>

#include <string>
#include <variant>

using namespace xxgk;

TEST_CASE("blank Word 2003 XML cells keep their column") {
  const std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?>)"
      R"(<?mso-application progid="Word.Document"?>)"
      R"(<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml">)"
      R"(<w:body><w:tbl><w:tr>)"
      R"(<w:tc><w:p><w:r><w:t>2.重复申请</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t>6</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc/>)"
      R"(<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr></w:tc>)"
      R"(<w:tc><w:p/></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc>)"
      R"(<w:tc><w:p><w:r><w:t>6</w:t></w:r></w:p></w:tc>)"
      R"(</w:tr></w:tbl></w:body></w:wordDocument>)";
  auto doc = document::read(xml);
  REQUIRE(doc);
  CHECK(doc->format == "word2003-xml");
  REQUIRE(doc->blocks.size() == 1);
  const auto& t = std::get<document::Table>(doc->blocks.front());
  REQUIRE(t.rows.size() == 1);
  const auto& cells = t.rows.front().cells;
  REQUIRE(cells.size() == 8);
  CHECK(cells[1].text == "6");
  for (std::size_t k = 2; k <= 5; ++k) {
    CAPTURE(k);
    CHECK(cells[k].text.find_first_not_of(' ') == std::string::npos);
  }
  CHECK(cells[6].text == "0");
  CHECK(cells[7].text == "6");
}
