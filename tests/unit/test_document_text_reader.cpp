#include <xxgk/document/text_reader.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk::document;

namespace {
std::vector<const Cell*> cells_of(const Document& d) {
  std::vector<const Cell*> out;
  for (const auto& b : d.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) {
      for (const auto& r : t->rows) {
        for (const auto& c : r.cells) {
          out.push_back(&c);
        }
      }
    }
  }
  return out;
}
} // namespace

TEST_CASE("a TAB line opens a cell and following lines continue it") {
  const Document d = read_tika_text("标题\n\t社会\n公益\n组织\n\t0\n");
  const auto cells = cells_of(d);
  REQUIRE(cells.size() == 2);
  CHECK(cells[0]->text == "社会\n公益\n组织");
  CHECK(cells[0]->where.line == 2);
  CHECK(cells[0]->where.column == 2);
  CHECK(cells[1]->text == "0");
  CHECK(cells[1]->where.line == 5);
}

TEST_CASE("a value on the line after an empty cell belongs to that cell") {
  const Document d = read_tika_text("\t5.要求行政机关确认或重新出具已获取信息\n\t\n0\n\n");
  const auto cells = cells_of(d);
  REQUIRE(cells.size() == 2);
  CHECK(cells[1]->text == "0");
  CHECK(cells[1]->where.line == 3);
  CHECK(cells[1]->where.column == 1);
}

TEST_CASE("a vertically centred label after blank lines continues its empty cell") {
  const Document d = read_tika_text("\t\n\n\n\n（五）不予处理\n\t1.信访举报投诉类申请\n");
  const auto cells = cells_of(d);
  REQUIRE(cells.size() == 2);
  CHECK(cells[0]->text == "（五）不予处理");
  CHECK(cells[0]->where.line == 5);
}

TEST_CASE("a section heading after a table ends the table") {
  const Document d =
      read_tika_text("\t政府集中采购\n\t\n\n\n三、收到和处理政府信息公开申请情况\n\t申请人情况\n");
  REQUIRE(d.blocks.size() == 3);
  CHECK(std::holds_alternative<Table>(d.blocks[0]));
  REQUIRE(std::holds_alternative<Paragraph>(d.blocks[1]));
  CHECK(std::get<Paragraph>(d.blocks[1]).text == "三、收到和处理政府信息公开申请情况");
  CHECK(std::holds_alternative<Table>(d.blocks[2]));
}

TEST_CASE("prose after a filled cell and a blank line is a paragraph") {
  const Document d = read_tika_text("\t0\n\n五、存在的主要问题及改进情况\n正文\n");
  REQUIRE(d.blocks.size() == 3);
  CHECK(std::get<Paragraph>(d.blocks[2]).text == "正文");
}

TEST_CASE("bookmark artifacts and page numbers are dropped") {
  const Document d = read_tika_text("[bookmark: _GoBack]（三）继续\n- 3 -\n\t1\n-4-\n\t2\n");
  REQUIRE(d.blocks.size() == 2);
  const auto& p = std::get<Paragraph>(d.blocks[0]);
  CHECK(p.text == "（三）继续");
  CHECK(p.where.column == 20);
  const auto cells = cells_of(d);
  REQUIRE(cells.size() == 2);
  CHECK(cells[1]->text == "2");
}

TEST_CASE("CRLF line ends read like LF") {
  const Document a = read_tika_text("标题\r\n\t规章\r\n\t0\r\n");
  const Document b = read_tika_text("标题\n\t规章\n\t0\n");
  REQUIRE(cells_of(a).size() == cells_of(b).size());
  CHECK(cells_of(a)[1]->text == cells_of(b)[1]->text);
}

TEST_CASE("the Tika form is recognised by lines that start with TAB") {
  CHECK(looks_like_tika_text("标题\n\t规章\n"));
  CHECK_FALSE(looks_like_tika_text("标题\n正文\n"));
}
