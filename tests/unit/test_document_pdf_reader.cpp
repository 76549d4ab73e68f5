// The PDF reader: the pure layout (lattice tables, spans, open rows, page seams, furniture,
// paragraphs, rotation) on constructed pages, and read_pdf on real and broken files.

#include "../../src/document/pdf/layout.hpp"
#include "test_helpers.hpp"

#include <xxgk/document/pdf_reader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace xxgk::document;
using xxgk::document::pdf::Glyph;
using xxgk::document::pdf::PageContent;
using xxgk::document::pdf::Segment;

namespace {

/// Characters of `text` (ASCII or CJK, 10 pt wide each) from (x, y) on a 10 pt line.
void put(PageContent& page, const std::u32string& text, double x, double y) {
  for (char32_t c : text) {
    page.glyphs.push_back({c, x, y, x + 10, y + 10, 10, false});
    x += 10;
  }
}

/// A grid of ruling lines: horizontal lines at ys from xs.front() to xs.back(), vertical lines at
/// xs from ys.front() to ys.back().
void grid(PageContent& page, const std::vector<double>& xs, const std::vector<double>& ys) {
  for (double y : ys) {
    page.segments.push_back({true, y, xs.front(), xs.back()});
  }
  for (double x : xs) {
    page.segments.push_back({false, x, ys.front(), ys.back()});
  }
}

PageContent a4() {
  PageContent p;
  p.width = 595;
  p.height = 842;
  return p;
}

std::vector<const Table*> tables_of(const std::vector<Block>& blocks) {
  std::vector<const Table*> out;
  for (const auto& b : blocks) {
    if (const auto* t = std::get_if<Table>(&b)) {
      out.push_back(t);
    }
  }
  return out;
}

std::vector<std::string> paragraphs_of(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const auto& b : blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      out.push_back(p->text);
    }
  }
  return out;
}

} // namespace

TEST_CASE("a lattice of ruling lines becomes a table; characters go to the cell of their centre") {
  PageContent page = a4();
  grid(page, {100, 200, 300}, {100, 120, 140});
  put(page, U"规章", 105, 105);
  put(page, U"12", 205, 105);
  put(page, U"行政", 105, 125);
  put(page, U"3", 205, 125);
  const auto blocks = pdf::layout({page});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(tables[0]->rows[0].cells.size() == 2);
  CHECK(tables[0]->rows[0].cells[0].text == "规章");
  CHECK(tables[0]->rows[0].cells[1].text == "12");
  CHECK(tables[0]->rows[1].cells[1].text == "3");
  CHECK(tables[0]->rows[1].cells[1].where.page == 1);
  CHECK(tables[0]->rows[1].cells[1].where.row == 1);
  CHECK(tables[0]->rows[1].cells[1].where.cell == 1);
}

TEST_CASE("a missing inner line merges cells into spans; a vertical merge gives continuations") {
  PageContent page = a4();
  // Three columns, three rows; row 0 has no line at x = 200 (col_span 2); column 0 has no line
  // at y = 140 between rows 1 and 2 (row_span 2).
  page.segments = {{true, 100, 100, 400},  {true, 120, 100, 400},  {true, 140, 200, 400},
                   {true, 160, 100, 400},  {false, 100, 100, 160}, {false, 200, 120, 160},
                   {false, 300, 100, 160}, {false, 400, 100, 160}};
  put(page, U"合并", 105, 105);
  put(page, U"组", 105, 135);
  const auto blocks = pdf::layout({page});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  const auto& rows = tables[0]->rows;
  REQUIRE(rows.size() == 3);
  REQUIRE(rows[0].cells.size() == 2);
  CHECK(rows[0].cells[0].col_span == 2);
  CHECK(rows[0].cells[0].text == "合并");
  CHECK(rows[1].cells[0].row_span == 2);
  CHECK(rows[1].cells[0].text == "组");
  CHECK(rows[2].cells[0].merged_continuation);
  CHECK(rows[2].cells.size() == 3);
}

TEST_CASE("white-space-separated lines are not tables; a single framed box is not a table") {
  PageContent page = a4();
  grid(page, {50, 545}, {50, 800}); // a page border: one cell
  put(page, U"一、总体情况", 80, 100);
  const auto blocks = pdf::layout({page});
  CHECK(tables_of(blocks).empty());
  CHECK(paragraphs_of(blocks) == std::vector<std::string>{"一、总体情况"});
}

TEST_CASE("a row left open at the bottom of a page is closed where the vertical lines end") {
  PageContent page = a4();
  page.segments = {{true, 700, 100, 300},
                   {true, 720, 100, 300},
                   {false, 100, 700, 760},
                   {false, 200, 700, 760},
                   {false, 300, 700, 760}};
  put(page, U"A", 105, 705);
  put(page, U"B", 105, 740);
  put(page, U"7", 205, 740);
  const auto blocks = pdf::layout({page});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(tables[0]->rows[1].cells[0].text == "B");
  CHECK(tables[0]->rows[1].cells[1].text == "7");
}

TEST_CASE("a table continued on the next page is joined; a label cut by the break stays whole") {
  PageContent p1 = a4();
  // Columns: group label | row label | value. The group cell spans both rows of page 1.
  p1.segments = {{true, 700, 100, 400},  {true, 720, 200, 400},  {true, 740, 100, 400},
                 {false, 100, 700, 740}, {false, 200, 700, 740}, {false, 300, 700, 740},
                 {false, 400, 700, 740}};
  put(p1, U"（四）无", 105, 715);
  put(p1, U"1.甲", 205, 705);
  put(p1, U"5", 305, 705);
  put(p1, U"2.乙", 205, 725);
  put(p1, U"6", 305, 725);
  put(p1, U"-1-", 290, 800);
  PageContent p2 = a4();
  p2.segments = {{true, 60, 100, 400}, {true, 80, 100, 400}, {false, 100, 60, 80},
                 {false, 200, 60, 80}, {false, 300, 60, 80}, {false, 400, 60, 80}};
  put(p2, U"法提供", 105, 65);
  put(p2, U"3.丙", 205, 65);
  put(p2, U"7", 305, 65);
  put(p2, U"— 2 —", 280, 800);
  const auto blocks = pdf::layout({p1, p2});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  const auto& rows = tables[0]->rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].cells[0].text == "（四）无法提供");
  CHECK(rows[2].cells[0].merged_continuation);
  CHECK(rows[2].cells[1].text == "3.丙");
  CHECK(rows[2].cells[2].text == "7");
  CHECK(rows[2].cells[2].where.page == 2);
  CHECK(paragraphs_of(blocks).empty()); // the page numbers are dropped
}

TEST_CASE("tables whose columns do not line up stay apart") {
  PageContent p1 = a4();
  grid(p1, {100, 200, 300}, {700, 720, 740});
  put(p1, U"x", 105, 705);
  PageContent p2 = a4();
  grid(p2, {100, 250, 300}, {60, 80, 100});
  put(p2, U"y", 105, 65);
  const auto blocks = pdf::layout({p1, p2});
  CHECK(tables_of(blocks).size() == 2);
}

TEST_CASE("paragraphs: wrapped lines join, an indented line starts one, a title on two lines") {
  PageContent page = a4();
  put(page, U"某县人民政府", 275, 60); // centred between 90 and 520
  put(page, U"2023年政府信息公开工作年度报告", 220, 75);
  put(page, U"一、总体情况", 120, 120);                                // indented heading
  put(page, std::u32string(40, U'甲'), 120, 140);                      // indented first line
  put(page, std::u32string(43, U'乙'), 90, 155);                       // full line
  put(page, U"丙。", 90, 170);                                         // short last line
  put(page, U"（一）主动公开。" + std::u32string(35, U'丁'), 90, 185); // item after a full stop
  const auto paras = paragraphs_of(pdf::layout({page}));
  REQUIRE(paras.size() == 4);
  CHECK(paras[0] == "某县人民政府2023年政府信息公开工作年度报告");
  CHECK(paras[1] == "一、总体情况");
  std::string body;
  for (int i = 0; i < 40; ++i) {
    body += "甲";
  }
  for (int i = 0; i < 43; ++i) {
    body += "乙";
  }
  CHECK(paras[2] == body + "丙。");
  CHECK(paras[3].starts_with("（一）主动公开。"));
}

namespace {

/// The texts of a table's rows, cells joined by '|'.
std::vector<std::string> rows_of(const Table& t) {
  std::vector<std::string> out;
  for (const auto& row : t.rows) {
    std::string text;
    for (const auto& c : row.cells) {
      text += (text.empty() ? "" : "|") + c.text;
    }
    out.push_back(text);
  }
  return out;
}

/// A page of 表二's first block drawn without lines, between a heading, prose and the next heading.
PageContent unruled_block(bool consistent) {
  PageContent page = a4();
  put(page, U"二、主动公开政府信息情况", 50, 100);
  put(page, std::u32string(48, U'文'), 50, 120);
  put(page, U"第二十条第（一）项", 200, 140);
  put(page, U"信息内容", 60, 152);
  put(page, U"本年制发件数", 200, 152);
  put(page, U"本年废止件数", 300, 152);
  put(page, U"现行有效件数", 400, 152);
  put(page, U"规章", 60, 164);
  put(page, U"1", 230, 164);
  put(page, U"2", 330, 164);
  put(page, U"3", 430, 164);
  put(page, U"行政规范性文件", 60, 176);
  put(page, U"4", 230, 176);
  put(page, U"5", consistent ? 330 : 280, 176);
  put(page, U"6", consistent ? 430 : 380, 176);
  put(page, U"三、收到和处理政府信息公开申请情况", 50, 200);
  put(page, std::u32string(48, U'字'), 50, 220);
  return page;
}

} // namespace

TEST_CASE("a table without ruling lines is read from word positions between its start and end") {
  const auto blocks = pdf::layout({unruled_block(true)});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  CHECK(rows_of(*tables[0]) ==
        std::vector<std::string>{"第二十条第（一）项",
                                 "信息内容|本年制发件数|本年废止件数|现行有效件数", "规章|1|2|3",
                                 "行政规范性文件|4|5|6"});
  CHECK(tables[0]->where.page == 1);
  // The headings and the prose around it stay paragraphs.
  const auto paras = paragraphs_of(blocks);
  REQUIRE(paras.size() == 4);
  CHECK(paras[0] == "二、主动公开政府信息情况");
  CHECK(paras[2] == "三、收到和处理政府信息公开申请情况");
}

TEST_CASE("unruled lines whose columns are not consistent, or without a table start, stay text") {
  // Rows whose figures stand in different columns.
  auto blocks = pdf::layout({unruled_block(false)});
  CHECK(tables_of(blocks).empty());
  CHECK(paragraphs_of(blocks).size() > 2);
  // Figures in columns, but no header or row label of a table starts them.
  PageContent page = a4();
  put(page, std::u32string(48, U'文'), 50, 100);
  put(page, U"规章", 60, 120);
  put(page, U"1", 230, 120);
  put(page, U"2", 330, 120);
  put(page, U"行政规范性文件", 60, 132);
  put(page, U"4", 230, 132);
  put(page, U"5", 330, 132);
  blocks = pdf::layout({page});
  CHECK(tables_of(blocks).empty());
}

TEST_CASE(
    "unruled 表三 rows: wrapped labels around their figures, group labels to their first row") {
  PageContent page = a4();
  put(page, std::u32string(48, U'文'), 50, 250);
  put(page, U"申请人情况", 300, 300);
  put(page, U"自然人", 200, 312);
  put(page, U"总计", 300, 312);
  put(page, U"一、本年新收", 50, 324);
  put(page, U"1", 205, 324);
  put(page, U"1", 305, 324);
  put(page, U"三、本年", 50, 336);
  put(page, U"（一）予以公开", 112, 336);
  put(page, U"2", 205, 336);
  put(page, U"2", 305, 336);
  put(page, U"度办理结果", 50, 348);
  put(page, U"（二）部分公开（区分", 110, 360); // wrapped around its figures
  put(page, U"3", 205, 366);
  put(page, U"3", 305, 366);
  put(page, U"处理的）", 120, 372);
  put(page, U"（三）", 50, 384);
  put(page, U"1.属于国家秘密", 110, 384);
  put(page, U"4", 205, 384);
  put(page, U"4", 305, 384);
  put(page, U"不予公开", 50, 396); // the group label goes on beside the next row's own label
  put(page, U"2.其他", 110, 396);
  put(page, U"5", 205, 396);
  put(page, U"5", 305, 396);
  const auto blocks = pdf::layout({page});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  CHECK(rows_of(*tables[0]) ==
        std::vector<std::string>{"申请人情况", "自然人|总计", "一、本年新收|1|1",
                                 "三、本年度办理结果|（一）予以公开|2|2",
                                 "（二）部分公开（区分处理的）|3|3",
                                 "（三）不予公开|1.属于国家秘密|4|4", "2.其他|5|5"});
}

TEST_CASE("a page turned by /Rotate is read upright") {
  PageContent upright = a4();
  grid(upright, {100, 200, 300}, {100, 120, 140});
  put(upright, U"规章", 105, 105);
  put(upright, U"12", 205, 105);
  // The same page as poppler shows it turned a quarter clockwise (text running downwards): a
  // display point (x', y') is the upright point (y', W' - x') with W' = 842.
  PageContent turned;
  turned.width = 842;
  turned.height = 595;
  for (const auto& g : upright.glyphs) {
    turned.glyphs.push_back({g.c, 842 - g.y1, g.x0, 842 - g.y0, g.x1, g.size, false});
  }
  for (const auto& s : upright.segments) {
    turned.segments.push_back({!s.horizontal, s.horizontal ? 842 - s.at : s.at,
                               s.horizontal ? s.from : 842 - s.to,
                               s.horizontal ? s.to : 842 - s.from});
  }
  pdf::turn_upright(turned, 1);
  CHECK(turned.width == 595);
  CHECK(turned.height == 842);
  const auto blocks = pdf::layout({turned});
  const auto tables = tables_of(blocks);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->rows[0].cells[0].text == "规章");
  CHECK(tables[0]->rows[0].cells[1].text == "12");
}

TEST_CASE("read_pdf: the real reports give their tables, with pages in the locations") {
  const std::string bytes =
      xxgk::test::repo_file("tests/data/pdf/real/002_huaian_hongzequ_2023.pdf");
  CHECK(looks_like_pdf(bytes));
  auto doc = read(bytes);
  REQUIRE(doc);
  CHECK(doc->format == "pdf");
  const auto tables = tables_of(doc->blocks);
  REQUIRE(tables.size() == 3);
  // 表三: 26 rows from two pages, the row with the report's typo intact.
  REQUIRE(tables[1]->rows.size() == 26);
  bool typo_row = false;
  for (const auto& row : tables[1]->rows) {
    for (const auto& c : row.cells) {
      typo_row = typo_row || c.text == "2.其他法律行政止公开";
    }
  }
  CHECK(typo_row);
  CHECK(tables[1]->rows.front().cells.front().where.page == 3);
  CHECK(tables[1]->rows.back().cells.back().where.page == 4);
  CHECK(tables[2]->rows[3].cells[4].text == "0"); // 表四 行政复议 总计, as published
}

TEST_CASE("read_pdf: broken, scanned, encrypted, garbled and oversized PDFs are errors") {
  auto error_of = [](const std::string& rel, const Limits& limits = {}) {
    auto doc = read_pdf(xxgk::test::repo_file(rel), limits);
    return doc ? std::string() : doc.error().message;
  };
  CHECK(error_of("tests/corpus/pdf/image-only.pdf").find("no text layer") != std::string::npos);
  CHECK(error_of("tests/corpus/pdf/image-only.pdf").find("OCR") != std::string::npos);
  CHECK(error_of("tests/corpus/pdf/encrypted-user-password.pdf").find("password") !=
        std::string::npos);
  CHECK(error_of("tests/corpus/pdf/garbled-fonts.pdf").find("Unicode map") != std::string::npos);
  CHECK(error_of("tests/corpus/pdf/cid-font-without-unicode.pdf").find("Unicode map") !=
        std::string::npos);
  CHECK(error_of("tests/corpus/pdf/truncated-real-16384.pdf").find("damaged") != std::string::npos);
  CHECK(error_of("tests/corpus/pdf/zero-pages.pdf").find("no pages") != std::string::npos);
  Limits small;
  small.max_pages = 3;
  CHECK(error_of("tests/data/pdf/real/002_huaian_hongzequ_2023.pdf", small).find("max_pages") !=
        std::string::npos);
  small = {};
  small.max_pdf_objects = 10;
  CHECK(
      error_of("tests/data/pdf/real/002_huaian_hongzequ_2023.pdf", small).find("max_pdf_objects") !=
      std::string::npos);
  small = {};
  small.max_pdf_text = 100;
  CHECK(error_of("tests/data/pdf/real/002_huaian_hongzequ_2023.pdf", small).find("max_pdf_text") !=
        std::string::npos);
  CHECK(error_of("tests/corpus/pdf/minimal.pdf").empty());
}
