#include "convert_test_helpers.hpp"

#include <sstream>

using namespace xxgk;

TEST_CASE("the text writer's output reads back to the same cells for every sample") {
  for (const auto& file : test::sample_files()) {
    CAPTURE(file);
    const auto original = test::extract_bytes(test::repo_file(file));
    std::ostringstream text;
    emit::write_text_report(original.report, test::tmpl(original.report.template_id.c_str()), text);
    const auto back = test::extract_bytes(text.str());
    CHECK(back.report.template_id == original.report.template_id);
    CHECK(test::cells_json(back.report) == test::cells_json(original.report));
    CHECK(back.report.title == original.report.title);
  }
}

TEST_CASE("the text writer puts every table cell on a line that starts with TAB") {
  const auto original = test::extract_bytes(test::repo_file("samples/hongxing-2021.txt"));
  std::ostringstream text;
  emit::write_text_report(original.report, test::tmpl("2021"), text);
  const std::string s = text.str();
  CHECK(s.starts_with(original.report.title + "\n"));
  CHECK(s.find("\n\t第二十条第（一）项\n") != std::string::npos);
  CHECK(s.find("\n\t本年收费金额（单位：万元）\n") != std::string::npos);
  CHECK(s.find("\n\t（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n") !=
        std::string::npos);
}

TEST_CASE("a report without a title gets one from its agency and year") {
  report::Report r;
  r.agency = "某某县";
  r.year = 2022;
  CHECK(emit::report_title(r) == "某某县2022年政府信息公开工作年度报告");
}
