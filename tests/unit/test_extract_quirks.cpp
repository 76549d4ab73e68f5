// Layout quirks of real reports (format.md §7), on documents built directly in the model.

#include "test_helpers.hpp"

#include <xxgk/report/fields.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

namespace {

document::Table table_of(const std::vector<std::vector<std::string>>& rows) {
  document::Table t;
  int line = 100;
  for (const auto& r : rows) {
    document::Row row;
    for (const auto& text : r) {
      document::Cell c;
      c.text = text;
      c.where.line = ++line;
      c.where.column = 1;
      row.cells.push_back(std::move(c));
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

document::Paragraph para(const std::string& text) {
  document::Paragraph p;
  p.text = text;
  p.where.line = 1;
  return p;
}

/// A 2021 table 三 whose applicant cells are `cells(row_index)` and totals are their sums.
std::vector<std::vector<std::string>> requests_rows(const schema::Template& t, bool subtotal_column,
                                                    bool subtotal_rows) {
  const schema::Table& req = *t.table("requests");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> h1 = {
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"};
  std::vector<std::string> h2 = {"自然人", "法人或其他组织", "总计"};
  std::vector<std::string> h3 = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"};
  if (subtotal_column) {
    h3.push_back("法人或其他组织小计");
  }
  rows.push_back(h1);
  rows.push_back(h2);
  rows.push_back(h3);
  std::string current_group;
  for (const auto& r : req.rows) {
    // every data row: 自然人 1, each 法人 kind 0 except 商业企业 1 → total 2
    std::vector<std::string> v = {"1", "1", "0", "0", "0", "0"};
    if (r.key == "total_processed") {
      v = {"21", "21", "0", "0", "0", "0"};
    }
    if (r.key == "carried_forward" || r.key == "carried_over") {
      v = {"0", "0", "0", "0", "0", "0"};
    }
    if (r.key == "new_received") {
      v = {"21", "21", "0", "0", "0", "0"};
    }
    long total = 0;
    for (const auto& x : v) {
      total += std::stol(x);
    }
    std::vector<std::string> row = {r.label.text};
    row.insert(row.end(), v.begin(), v.end());
    if (subtotal_column) {
      row.insert(row.end(), std::to_string(total - std::stol(v[0])));
    }
    row.push_back(std::to_string(total));
    rows.push_back(row);
    if (subtotal_rows && r.key == "denied_inquiry") {
      // 8 rows of （三）: 自然人 8, 商业企业 8 — the report's own 小计 row says 9 for 自然人.
      std::vector<std::string> sub = {"小计", "9", "8", "0", "0", "0", "0"};
      if (subtotal_column) {
        sub.push_back("8");
      }
      sub.push_back("16");
      rows.push_back(sub);
    }
  }
  return rows;
}

extract::Extraction run(const document::Document& doc) {
  return extract::extract(doc, test::tmpl("2021"));
}

document::Document doc_with(document::Table requests) {
  document::Document doc;
  doc.format = "test";
  doc.blocks.emplace_back(para("某县人民政府2022年政府信息公开工作年度报告"));
  doc.blocks.emplace_back(para("三、收到和处理政府信息公开申请情况"));
  doc.blocks.emplace_back(std::move(requests));
  return doc;
}

std::string num(const report::Report& r, const char* path) {
  const report::Cell* c = report::find_cell(r, path);
  REQUIRE(c != nullptr);
  return c->value ? c->value->to_string() : "-";
}

} // namespace

TEST_CASE("an extra 法人或其他组织小计 column is verified and kept out of the template cells") {
  const auto ex = run(doc_with(table_of(requests_rows(test::tmpl("2021"), true, false))));
  const auto ids = test::rule_ids(ex.diagnostics);
  CHECK(ids.count("EXTRACT-COLUMN") == 0);
  CHECK(ids.count("EXTRACT-SUBTOTAL") == 0);
  CHECK(num(ex.report, "requests.granted.commercial") == "1");
  CHECK(num(ex.report, "requests.granted.total") == "2");
  CHECK(ex.report.extras.size() == 25); // one subtotal per data row
  const auto rule_findings = rules::check(ex.report, test::tmpl("2021"));
  CHECK(test::rule_ids(rule_findings).count("T3-ROW") == 0);
}

TEST_CASE("a 小计 row inside a group is verified against the group's rows") {
  const auto ex = run(doc_with(table_of(requests_rows(test::tmpl("2021"), false, true))));
  const auto ids = test::rule_ids(ex.diagnostics);
  CHECK(ids.count("EXTRACT-UNKNOWN") == 0);
  REQUIRE(ids.count("EXTRACT-SUBTOTAL") == 1);
  std::size_t n = 0;
  for (const auto& d : ex.diagnostics) {
    if (d.rule == "EXTRACT-SUBTOTAL") {
      ++n;
      CHECK(d.message.find("为 9，其组成部分之和为 8") != std::string::npos);
      CHECK(d.cells.size() == 8);
    }
  }
  CHECK(n == 1);
  // The subtotal is not summed into （七）总计: the table still balances.
  CHECK(test::rule_ids(rules::check(ex.report, test::tmpl("2021"))).count("T3-DISP") == 0);
}

TEST_CASE("Hubei-style header notes and an extra row in table 二 are understood") {
  document::Document doc;
  doc.blocks.emplace_back(para("武汉市某局2020年政府信息公开工作年度报告"));
  doc.blocks.emplace_back(para("二、主动公开政府信息情况"));
  doc.blocks.emplace_back(table_of({
      {"第二十条第（一）项"},
      {"信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"},
      {"规章(设区的市、自治州人民政府应提供相关数据)", "0", "0", "0"},
      {"规范性文件", "2", "2", "31"},
      {"其他主动公开文件", "40", "40", "400"},
      {"第二十条第（五）项"},
      {"信息内容", "上一年项目数量(指2019年事项数)", "本年增/减(减用负值表示,如-8)",
       "处理决定数量(指2020年办件量)"},
      {"行政许可", "12", "-8", "100"},
  }));
  const auto ex = extract::extract(doc, test::tmpl("2019"));
  CHECK(num(ex.report, "active.regulations.total_published") == "0");
  CHECK(num(ex.report, "active.normative_documents.total_published") == "31");
  CHECK(num(ex.report, "active.licensing.change") == "-8");
  CHECK(num(ex.report, "active.licensing.decisions") == "100");
  bool extra_row_reported = false;
  for (const auto& d : ex.diagnostics) {
    extra_row_reported =
        extra_row_reported ||
        (d.rule == "EXTRACT-UNKNOWN" && d.message.find("其他主动公开文件") != std::string::npos);
  }
  CHECK(extra_row_reported);
}

TEST_CASE("a table split across pages is read as one table") {
  document::Document doc;
  doc.blocks.emplace_back(para("某镇2022年政府信息公开工作年度报告"));
  doc.blocks.emplace_back(para("四、政府信息公开行政复议、行政诉讼情况"));
  doc.blocks.emplace_back(table_of(
      {{"行政复议", "行政诉讼"},
       {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"},
       {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果",
        "尚未审结", "总计"}}));
  doc.blocks.emplace_back(para("- 5 -"));
  doc.blocks.emplace_back(
      table_of({{"1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1"}}));
  const auto ex = run(doc);
  CHECK(test::rule_ids(ex.diagnostics).count("EXTRACT-LAYOUT") == 0);
  CHECK(num(ex.report, "review_litigation.review.total") == "2");
  CHECK(num(ex.report, "review_litigation.litigation_after_review.total") == "1");
}

TEST_CASE("a table of numbers that fits no template table is reported, not dropped") {
  document::Document doc;
  doc.blocks.emplace_back(para("某镇2022年政府信息公开工作年度报告"));
  doc.blocks.emplace_back(table_of({{"网站访问量", "12345"}}));
  const auto ex = run(doc);
  CHECK(test::rule_ids(ex.diagnostics).count("EXTRACT-UNKNOWN") == 1);
}

TEST_CASE("placeholders and numbers with units are kept apart from 0") {
  document::Document doc;
  doc.blocks.emplace_back(para("某镇2022年政府信息公开工作年度报告"));
  doc.blocks.emplace_back(table_of({
      {"第二十条第（一）项"},
      {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
      {"规章", "—", "/", "无"},
      {"行政规范性文件", "3件", "+1", "１２"},
      {"第二十条第（八）项"},
      {"信息内容", "本年收费金额（单位：万元）"},
      {"行政事业性收费", "1,234.5"},
  }));
  const auto ex = run(doc);
  const auto& r = ex.report;
  CHECK(report::find_cell(r, "active.regulations.issued")->state == report::CellState::Placeholder);
  CHECK(report::find_cell(r, "active.regulations.issued")->raw == "—");
  CHECK(num(r, "active.normative_documents.issued") == "3");
  CHECK(num(r, "active.normative_documents.repealed") == "1");
  CHECK(num(r, "active.normative_documents.in_force") == "12");
  CHECK(num(r, "active.fees.amount") == "1234.5");
}
