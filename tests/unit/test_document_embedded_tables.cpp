// Converter Markdown that keeps merged-cell tables as raw HTML <table> blocks (pandoc gfm,
// pandoc Markdown, grid tables): read as text, each HTML table put back in its place.

#include <xxgk/document/read.hpp>

#include <doctest/doctest.h>

#include <string>
#include <variant>

using namespace xxgk;

namespace {

const std::string k_markdown =
    "某镇2021年政府信息公开工作年度报告\n" // 1
    "\n"                                   // 2
    "二、主动公开政府信息情况\n"           // 3
    "\n"                                   // 4
    "| 信息内容 | 本年制发件数 |\n"        // 5
    "|---|---|\n"                          // 6
    "| 规章 | 0 |\n"                       // 7
    "\n"                                   // 8
    "三、收到和处理政府信息公开申请情况\n" // 9
    "\n"                                   // 10
    "<table>\n"                            // 11
    "<tr><th rowspan=\"2\">甲</th><th colspan=\"2\">申请人情况</th></tr>\n"
    "<tr><td>自然人</td><td>总计</td></tr>\n"         // 13
    "<tr><td>一、本年新收政府信息公开申请数量</td>\n" // 14
    "<td>5</td><td>5</td></tr>\n"                     // 15
    "</table>\n"                                      // 16
    "\n"                                              // 17
    "四、政府信息公开行政复议、行政诉讼情况\n";       // 18

document::Document read(const std::string& bytes, const std::string& name = "report.md") {
  document::ReadOptions o;
  o.file_name = name;
  auto doc = document::read(bytes, o);
  REQUIRE(doc);
  return std::move(*doc);
}

} // namespace

TEST_CASE("Markdown with an HTML table block is Markdown, and the HTML table is in its place") {
  const auto doc = read(k_markdown);
  CHECK(doc.format == "markdown");
  std::vector<std::string> order;
  const document::Table* html = nullptr;
  int tables = 0;
  for (const auto& block : doc.blocks) {
    if (const auto* p = std::get_if<document::Paragraph>(&block)) {
      order.push_back(p->text);
    } else {
      const auto& t = std::get<document::Table>(block);
      order.push_back("<table " + std::to_string(tables) + ">");
      CHECK(t.where.table == tables);
      if (tables++ == 1) {
        html = &t;
      }
    }
  }
  const std::vector<std::string> want = {"某镇2021年政府信息公开工作年度报告",
                                         "二、主动公开政府信息情况",
                                         "<table 0>",
                                         "三、收到和处理政府信息公开申请情况",
                                         "<table 1>",
                                         "四、政府信息公开行政复议、行政诉讼情况"};
  CHECK(order == want);
  REQUIRE(html != nullptr);
  REQUIRE(html->rows.size() == 3);
  CHECK(html->rows[0].cells[0].row_span == 2);
  CHECK(html->rows[0].cells[1].col_span == 2);
  CHECK(html->rows[2].cells[0].text == "一、本年新收政府信息公开申请数量");
  CHECK(html->rows[2].cells[1].text == "5");
  // Lines are the Markdown file's own.
  CHECK(html->where.line == 11);
  CHECK(html->rows[2].cells[0].where.line == 14);
  CHECK(html->rows[2].cells[1].where.line == 15);
  CHECK(html->rows[2].cells[1].where.table == 1);
}

TEST_CASE("a page or fragment that opens with markup stays HTML") {
  CHECK(read("<p>某镇2021年政府信息公开工作年度报告</p>\n<p>正文</p>\n<p>正文</p>\n"
             "<table><tr><td>规章</td><td>0</td></tr></table>\n")
            .format == "html");
  CHECK(read("<!DOCTYPE html>\n" + k_markdown).format == "html");
  CHECK(read("标题\n<html><body>\n正文\n正文\n<table><tr><td>a</td><td>1</td></tr></table>\n"
             "</body></html>\n")
            .format == "html");
}

TEST_CASE("a .html name keeps text with a table HTML") {
  CHECK(read(k_markdown, "report.html").format == "html");
}

TEST_CASE("an unclosed HTML table in Markdown is read to the end, never past it") {
  const std::string cut = k_markdown.substr(0, k_markdown.find("</table>"));
  const auto doc = read(cut);
  CHECK(doc.format == "markdown");
  int tables = 0;
  for (const auto& block : doc.blocks) {
    tables += std::holds_alternative<document::Table>(block) ? 1 : 0;
  }
  CHECK(tables == 2);
}
