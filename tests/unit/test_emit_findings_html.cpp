#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

#include <regex>

using namespace xxgk;

namespace {

pugi::xml_document parse_page(const std::string& html) {
  pugi::xml_document doc;
  // XHTML-compatible: the page is well-formed XML after its <!DOCTYPE html>.
  const auto parsed = doc.load_string(html.c_str(), pugi::parse_default | pugi::parse_doctype);
  REQUIRE_MESSAGE(parsed, parsed.description());
  return doc;
}

std::string page_of(const std::vector<std::string>& inputs, emit::Lang lang = emit::Lang::Zh) {
  emit::OutputOptions o;
  o.lang = lang;
  return test::emit_to_string(emit::write_html, test::batch_of(inputs), o);
}

} // namespace

TEST_CASE("the HTML page parses and has a summary and each report's three tables") {
  const std::string html =
      page_of({"samples/invalid/T3-ROW.txt", "samples/dongfanghong-2023.txt",
               "tests/golden/check-word-text/lishui-bureau-2020-errors.docx", "no/such.txt"});
  CHECK(html.starts_with("<!DOCTYPE html>\n"));
  const auto doc = parse_page(html);
  CHECK(doc.select_node("/html/head/meta[@charset='utf-8']"));
  CHECK(doc.select_node("//section[@id='summary']/table[@class='summary']"));
  CHECK(doc.select_nodes("//section[@class='report']").size() == 4);
  CHECK(doc.select_nodes("//section[@id='report-1']/table[@class='template']").size() == 3);
  CHECK(doc.select_nodes("//section[@id='report-3']/table[@class='template']").size() == 3);
  CHECK(doc.select_node("//section[@id='report-4']/p[@class='unreadable']"));
}

TEST_CASE("the HTML page is self-contained: no scripts, no external references") {
  const std::string html = page_of({"samples/invalid/T3-ROW.txt"});
  const auto doc = parse_page(html);
  CHECK(doc.select_nodes("//script").empty());
  CHECK(doc.select_nodes("//link").empty());
  CHECK(doc.select_nodes("//*[@src]").empty());
  for (const auto& a : doc.select_nodes("//*[@href]")) {
    CHECK(std::string(a.node().attribute("href").value()).starts_with("#"));
  }
  CHECK(html.find("url(") == std::string::npos);
  CHECK(html.find("@import") == std::string::npos);
}

TEST_CASE("the HTML page never self-closes an element that HTML does not treat as void") {
  const std::string html = page_of({"samples/dongfanghong-2023.txt"});
  const std::regex self_closed(R"(<([a-z0-9]+)[^>]*/>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), self_closed);
       it != std::sregex_iterator(); ++it) {
    const std::string tag = (*it)[1];
    INFO(tag);
    CHECK((tag == "meta" || tag == "br" || tag == "hr" || tag == "img" || tag == "col"));
  }
}

TEST_CASE("cells in error are highlighted with their messages on hover") {
  const auto doc = parse_page(page_of({"samples/invalid/T3-ROW.txt"}));
  const auto td = doc.select_node("//td[@data-cell='requests.granted.total']").node();
  REQUIRE(td);
  CHECK(std::string(td.attribute("class").value()) == "error");
  CHECK(std::string(td.text().get()) == "6");
  const std::string title = td.attribute("title").value();
  CHECK(title.find("T3-ROW") != std::string::npos);
  CHECK(title.find("报告 6，计算 7") != std::string::npos);
  // The addends are shown as involved, not as errors.
  const auto term = doc.select_node("//td[@data-cell='requests.granted.natural_person']").node();
  CHECK(std::string(term.attribute("class").value()) == "involved");
}

TEST_CASE("cells with warnings are highlighted in Word inputs too") {
  const auto doc =
      parse_page(page_of({"tests/golden/check-word-text/lishui-bureau-2020-errors.docx"}));
  const auto blank = doc.select_node("//td[@data-cell='active.regulations.made']").node();
  CHECK(std::string(blank.attribute("class").value()) == "warning");
  const auto total = doc.select_node("//td[@data-cell='review_litigation.review.total']").node();
  CHECK(std::string(total.attribute("class").value()) == "error");
  CHECK(std::string(total.text().get()) == "5");
}

TEST_CASE("the HTML page escapes what the report says") {
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.severity = diag::Severity::Error;
  d.message = "<script>alert(1)</script> & \"quotes\"";
  d.cells = {"requests.new_received.total"};
  const auto batch = test::synthetic_batch("a<b>&c.txt", {d});
  const std::string html = test::emit_to_string(emit::write_html, batch);
  CHECK(html.find("<script>") == std::string::npos);
  const auto doc = parse_page(html);
  CHECK(doc.select_nodes("//script").empty());
  const auto td = doc.select_node("//td[@data-cell='requests.new_received.total']").node();
  CHECK(std::string(td.attribute("title").value()).find("<script>alert(1)</script> & \"quotes\"") !=
        std::string::npos);
}

TEST_CASE("the HTML table 三 has the template's nested row labels") {
  const auto doc = parse_page(page_of({"samples/hongxing-2021.txt"}));
  const auto group = doc.select_node("//th[@class='group' and text()='三、本年度办理结果']").node();
  REQUIRE(group);
  CHECK(group.attribute("rowspan").as_int() == 22);
}
