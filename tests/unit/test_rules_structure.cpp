#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace xxgk;

namespace {

std::set<std::string> findings(const std::string& text, const char* tmpl = "2021") {
  const auto ex = test::extract_text(text);
  return test::rule_ids(rules::check(ex.report, test::tmpl(tmpl)));
}

std::string county() {
  return test::repo_file("samples/qingshan-county-2022.txt");
}

void replace(std::string& s, const std::string& from, const std::string& to) {
  const auto pos = s.find(from);
  REQUIRE(pos != std::string::npos);
  s.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("the constructed correct reports raise no structure or prose finding") {
  for (const char* f : {"samples/qingshan-county-2022.txt", "samples/hongxing-2021.txt",
                        "samples/lishui-bureau-2020.txt"}) {
    CAPTURE(f);
    const auto ex = test::extract_text(test::repo_file(f));
    const auto& t = test::tmpl(ex.report.template_id.c_str());
    CHECK(rules::check(ex.report, t).empty());
  }
}

TEST_CASE("section headings: missing, repeated and out of order") {
  std::string text = county();
  replace(text, "\n六、其他需要报告的事项\n", "\n");
  CHECK(findings(text).count("S-SEC") == 1);

  text = county();
  replace(text, "\n五、存在的主要问题及改进情况\n", "\n一、总体情况\n");
  const auto ids = findings(text);
  CHECK(ids.count("S-SEC") == 1);
}

TEST_CASE("a heading-like table label is never taken for a section heading") {
  // "三、本年度办理结果" and "四、结转下年度继续办理" are labels inside table 三.
  const auto ex = test::extract_text(county());
  for (const auto& h : ex.report.headings) {
    CHECK(h.text.find("本年度办理结果") == std::string::npos);
    CHECK(h.text.find("结转下年度继续办理") == std::string::npos);
  }
  CHECK(ex.report.headings.size() == 6);
}

TEST_CASE("the fee statement is required from report year 2021 only") {
  std::string text = test::repo_file("samples/lishui-bureau-2020.txt"); // 2020: not required
  CHECK(findings(text, "2019").count("S-FEE") == 0);
  text = county();
  for (auto pos = text.find("信息处理费"); pos != std::string::npos;
       pos = text.find("信息处理费")) {
    text.replace(pos, std::string("信息处理费").size(), "费用");
  }
  CHECK(findings(text).count("S-FEE") == 1);
}

TEST_CASE("T2-REG applies to townships and counties, not to provinces") {
  std::string text = test::repo_file("samples/invalid/T2-REG.txt");
  CHECK(findings(text).count("T2-REG") == 1);
  replace(text, "红星镇2021年", "广西壮族自治区人民政府2021年");
  CHECK(findings(text).count("T2-REG") == 0);
}
