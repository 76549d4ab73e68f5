// HTML fragments (format.md §7 item 18): a page body saved without <html>/<head>.

#include <xxgk/document/html_reader.hpp>
#include <xxgk/document/read.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;

namespace {

const std::string k_table = "<table><tr><td>规章</td><td>0</td></tr></table>";

std::string padding(std::size_t bytes) {
  std::string out;
  while (out.size() < bytes) {
    out += "本段为正文。";
  }
  return out;
}

std::string format_of(const std::string& bytes, const std::string& name = "") {
  document::ReadOptions o;
  o.file_name = name;
  auto doc = document::read(bytes, o);
  REQUIRE(doc);
  return doc->format;
}

} // namespace

TEST_CASE("a body that opens with an element and has its first table far in is HTML") {
  const std::string body =
      "<p>" + padding(20000) + "</p>\n<p>二、主动公开政府信息情况</p>\n" + k_table;
  CHECK(document::looks_like_html(body));
  CHECK(format_of(body) == "html");
  CHECK(format_of("  <div class=\"content\">" + padding(9000) + "</div>" + k_table) == "html");
}

TEST_CASE("a .html or .htm name makes text with HTML elements HTML, and only then") {
  const std::string page =
      "淮安市洪泽区人民政府2024年政府信息公开工作年度报告\n<p>" + padding(9000) + "</p>" + k_table;
  CHECK_FALSE(document::looks_like_html(page));
  CHECK(document::looks_like_html_named(page, "report.HTML"));
  CHECK(document::looks_like_html_named(page, "dir/report.htm"));
  CHECK_FALSE(document::looks_like_html_named(page, "report.txt"));
  CHECK_FALSE(document::looks_like_html_named("plain text, no elements", "report.html"));
  CHECK(format_of(page, "report.html") == "html");
}
