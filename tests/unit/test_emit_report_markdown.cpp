#include "convert_test_helpers.hpp"

#include <sstream>

using namespace xxgk;

TEST_CASE("the Markdown writer's output reads back to the same cells for every sample") {
  for (const auto& file : test::sample_files()) {
    CAPTURE(file);
    const auto original = test::extract_bytes(test::repo_file(file));
    std::ostringstream md;
    emit::write_markdown_report(original.report, test::tmpl(original.report.template_id.c_str()),
                                md);
    const auto back = test::extract_bytes(md.str());
    CHECK(back.report.template_id == original.report.template_id);
    CHECK(test::cells_json(back.report) == test::cells_json(original.report));
  }
}

TEST_CASE("the Markdown writer puts the tables under their section headings") {
  const auto original = test::extract_bytes(test::repo_file("samples/lishui-bureau-2020.txt"));
  std::ostringstream md;
  emit::write_markdown_report(original.report, test::tmpl("2019"), md);
  const std::string s = md.str();
  CHECK(s.starts_with("# "));
  const auto h2 = s.find("## 二、主动公开政府信息情况");
  const auto t2 = s.find("| 第二十条第（一）项 |");
  const auto h3 = s.find("## 三、收到和处理政府信息公开申请情况");
  REQUIRE(h2 != std::string::npos);
  CHECK(h2 < t2);
  CHECK(t2 < h3);
  CHECK(s.find("| 政府集中采购 |") != std::string::npos);
}
