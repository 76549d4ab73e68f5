#include "test_helpers.hpp"

#include <xxgk/report/fields.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

namespace {
std::string value(const report::Report& r, const char* path) {
  const report::Cell* c = report::find_cell(r, path);
  REQUIRE(c != nullptr);
  if (c->state == report::CellState::Number) {
    return c->value->to_string();
  }
  switch (c->state) {
  case report::CellState::Blank:
    return "blank";
  case report::CellState::Placeholder:
    return "placeholder";
  case report::CellState::Text:
    return "text";
  default:
    return "absent";
  }
}
} // namespace

TEST_CASE("the real 2023 sample extracts as a 2019-layout report of 东方红乡") {
  const auto ex = test::extract_text(test::repo_file("samples/dongfanghong-2023.txt"));
  const auto& r = ex.report;
  CHECK(r.template_id == "2019");
  CHECK(r.year == 2023);
  CHECK(r.agency == "东方红乡");
  CHECK(value(r, "active.regulations.made") == "0");
  CHECK(value(r, "active.other_management_services.decisions") == "blank");
  CHECK(value(r, "active.procurement.amount") == "blank");
  CHECK(value(r, "requests.new_received.total") == "0");
  CHECK(value(r, "requests.new_received.natural_person") == "blank");
  CHECK(value(r, "requests.rejected_confirmation.total") == "0");
  CHECK(value(r, "requests.carried_forward.total") == "0");
  CHECK(value(r, "review_litigation.review.total") == "0");
  CHECK(value(r, "review_litigation.litigation_after_review.upheld") == "blank");
  CHECK(test::rule_ids(ex.diagnostics).empty());
  // Locations point at the cell's text.
  CHECK(report::find_cell(r, "requests.new_received.total")->where.line == 114);
  CHECK(report::find_cell(r, "requests.rejected_confirmation.total")->where.line == 334);
}

TEST_CASE("a 2021 sample extracts with the derived （六）其他处理 row") {
  const auto ex = test::extract_text(test::repo_file("samples/qingshan-county-2022.txt"));
  const auto& r = ex.report;
  CHECK(r.template_id == "2021");
  CHECK(r.year == 2022);
  CHECK(value(r, "active.fees.amount") == "1234.5");
  for (const char* col : {"natural_person", "total"}) {
    const std::string base = std::string("requests.");
    const auto sum = std::stoll(value(r, (base + "other_overdue_correction." + col).c_str())) +
                     std::stoll(value(r, (base + "other_overdue_fee." + col).c_str())) +
                     std::stoll(value(r, (base + "other_reasons." + col).c_str()));
    CHECK(value(r, (base + "other_handling." + col).c_str()) == std::to_string(sum));
  }
  CHECK(test::rule_ids(ex.diagnostics).empty());
}

TEST_CASE("a report without table 四 gets an EXTRACT-TABLE diagnostic") {
  std::string text = test::repo_file("samples/hongxing-2021.txt");
  const auto cut = text.find("四、政府信息公开行政复议");
  REQUIRE(cut != std::string::npos);
  const auto end = text.find("五、存在的主要问题");
  text.erase(cut, end - cut);
  const auto ex = test::extract_text(text);
  CHECK(test::rule_ids(ex.diagnostics).count("EXTRACT-TABLE") == 1);
  CHECK(report::find_cell(ex.report, "review_litigation.review.total")->state ==
        report::CellState::Absent);
}

TEST_CASE("a missing row is reported, not invented") {
  std::string text = test::repo_file("samples/hongxing-2021.txt");
  const auto pos = text.find("\t2.重复申请");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, std::string("\t2.重复申请").size(), "\t2.完全不同的标签文字");
  const auto ex = test::extract_text(text);
  CHECK(test::rule_ids(ex.diagnostics).count("EXTRACT-ROW") == 1);
  CHECK(report::find_cell(ex.report, "requests.rejected_duplicate.total")->state ==
        report::CellState::Absent);
}

TEST_CASE("a typo in a label is matched approximately and reported") {
  std::string text = test::repo_file("samples/hongxing-2021.txt");
  const std::string from = "\t4.无正当理由大量反复申请";
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  text.replace(pos, from.size(), "\t4.无正当理由大量反覆申请");
  const auto ex = test::extract_text(text);
  CHECK(test::rule_ids(ex.diagnostics).count("EXTRACT-FUZZY") == 1);
  CHECK(report::find_cell(ex.report, "requests.rejected_excessive.total")->state ==
        report::CellState::Number);
}

TEST_CASE("table 四 typed as one line of 15 numbers is read") {
  const std::string text =
      "某局2022年政府信息公开工作年度报告\n"
      "四、政府信息公开行政复议、行政诉讼情况\n"
      "\t行政复议\n\t行政诉讼\n\t结果维持\n\t结果纠正\n\t其他结果\n\t尚未审结\n\t总计\n"
      "\t1 0 0 0 1 0 0 0 2 2 3 0 0 0 3\n";
  const auto ex = test::extract_text(text);
  CHECK(value(ex.report, "review_litigation.review.total") == "1");
  CHECK(value(ex.report, "review_litigation.litigation_direct.pending") == "2");
  CHECK(value(ex.report, "review_litigation.litigation_after_review.upheld") == "3");
}

TEST_CASE("the title gives agency and year in its common variants") {
  auto title = [](const std::string& t) {
    return extract::find_title(document::read_tika_text(t + "\n一、总体情况\n"));
  };
  CHECK(title("北京市东城区人民政府2023年政府信息公开工作年度报告").agency ==
        "北京市东城区人民政府");
  CHECK(title("红星镇2023年度政府信息公开工作年度报告").year == 2023);
  CHECK(title("2021年青山县人民政府政府信息公开工作年度报告").agency == "青山县人民政府");
  CHECK_FALSE(title("政府信息公开工作年度报告").year.has_value());
  CHECK(title("昌图县七家子镇2023年政府信息公开 工作告年度报").agency == "昌图县七家子镇");
  CHECK(title("漳平市审计局2025年政府信息公开工作的年度报告").year == 2025);
  CHECK(title("东方红乡2023年政府信息公开年报").agency == "东方红乡");
}

TEST_CASE("a page header without a year before the real title does not take its place") {
  // LibreOffice's HTML export puts the Word page header first.
  const auto info = extract::find_title(document::read_tika_text(
      "页眉：政府信息公开工作年度报告\n红星镇2021年政府信息公开工作年度报告\n一、总体情况\n"));
  CHECK(info.title == "红星镇2021年政府信息公开工作年度报告");
  CHECK(info.year == 2021);
  CHECK(info.agency == "红星镇");
  // Without a titled paragraph with a year, the first titled one stays the title.
  const auto only = extract::find_title(
      document::read_tika_text("政府信息公开工作年度报告格式模板\n说明文字\n一、总体情况\n"));
  CHECK(only.title == "政府信息公开工作年度报告格式模板");
  CHECK_FALSE(only.year.has_value());
}
