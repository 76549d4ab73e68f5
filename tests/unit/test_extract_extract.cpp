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

namespace {

std::vector<const schema::Template*> pointers(const std::vector<schema::Template>& ts) {
  std::vector<const schema::Template*> out;
  for (const auto& t : ts) {
    out.push_back(&t);
  }
  return out;
}

/// Every cell of a report as "path=state:raw", and the findings as "rule:message".
std::vector<std::string> digest(const report::Report& r, const std::vector<diag::Diagnostic>& ds) {
  std::vector<std::string> out;
  for (const auto& f : report::fields()) {
    if (const report::Cell* c = report::find_cell(r, f.path)) {
      out.push_back(std::string(f.path) + "=" + std::to_string(static_cast<int>(c->state)) + ":" +
                    c->raw);
    }
  }
  for (const auto& d : ds) {
    out.push_back(d.rule + ":" + d.text(diag::Lang::En));
  }
  return out;
}

} // namespace

TEST_CASE("detect_and_extract gives what detect_template and then extract give") {
  const auto candidates = pointers(schema::bundled_templates());
  for (const char* file : {"samples/dongfanghong-2023.txt", "samples/hongxing-2021.txt",
                           "samples/lishui-bureau-2020.txt", "samples/qingshan-county-2022.txt"}) {
    CAPTURE(file);
    const document::Document doc = document::read_tika_text(test::repo_file(file));
    for (int round = 0; round < 2; ++round) { // the second round from the per-thread memos
      const schema::Template& apart = extract::detect_template(doc, candidates);
      const extract::Extraction one = extract::extract(doc, apart);
      report::Report report;
      std::vector<diag::Diagnostic> found;
      const schema::Template& together =
          extract::detect_and_extract(doc, candidates, report, found);
      CHECK(&together == &apart);
      CHECK(digest(report, found) == digest(one.report, one.diagnostics));
    }
  }
}

TEST_CASE("template detection counts each marker found in a cell's label, however many") {
  // Two copies of the 2019 template that differ only in their markers (a copy has its own
  // index, so nothing is remembered from the bundled template).
  const document::Document doc = document::read_tika_text(
      "东方红乡2020年政府信息公开工作年度报告\n\t本年新收政府信息公开申请数量\n\t3\n"
      "\t属于国家秘密\n\t1\n\t重复申请\n\t0\n");
  auto with_markers = [](std::vector<std::string> markers) {
    schema::Template t = test::tmpl("2019");
    t.markers = std::move(markers);
    return t;
  };
  // Past 64 markers (one bit each no longer fits): two found against one.
  std::vector<std::string> many(70, "没有这个标签");
  many[3] = "国家秘密";
  many[68] = "新收政府信息公开";
  const schema::Template lots = with_markers(many);
  const schema::Template one = with_markers({"重复申请", "没有这个标签"});
  // A marker of punctuation only has an empty key: found in any document, as before.
  const schema::Template empty = with_markers({"（）", "“”", "重复申请"});
  for (int round = 0; round < 2; ++round) {
    CHECK(&extract::detect_template(doc, {&one, &lots}) == &lots);
    CHECK(&extract::detect_template(doc, {&lots, &one}) == &lots);
    CHECK(&extract::detect_template(doc, {&lots, &empty}) == &empty); // 3 against 2
    CHECK(&extract::detect_template(doc, {&one, &empty}) == &empty);
    // A marker is looked for within one cell: the labels of two cells run together are not it.
    const schema::Template across = with_markers({"属于国家秘密重复申请"});
    CHECK(&extract::detect_template(doc, {&one, &across}) == &one);
    // A number cell's text counts as a label for a marker made of digits.
    const schema::Template digits = with_markers({"3", "1"});
    CHECK(&extract::detect_template(doc, {&one, &digits}) == &digits);
  }
}
