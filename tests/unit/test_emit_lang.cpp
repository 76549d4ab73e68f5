#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace xxgk;

TEST_CASE("English messages start with the rule's English title") {
  emit::RuleInfo rule;
  rule.id = "T3-ROW";
  rule.kind = "sum";
  rule.title = "表三行合计不符";
  rule.title_en = "Table 3 row total does not add up";
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.message =
      "表三行合计不符：表三「一、本年新收政府信息公开申请数量」总计 报告 3，计算 0（各项均为0；"
      "空白按0计: 自然人）";
  CHECK(emit::localized_message(d, &rule, emit::Lang::Zh) == d.message);
  CHECK(emit::localized_message(d, &rule, emit::Lang::En) ==
        "Table 3 row total does not add up: table 3「一、本年新收政府信息公开申请数量」总计 "
        "reported 3, computed 0 (all 0; blank counted as 0: 自然人)");
}

TEST_CASE("English comparison messages translate their context and operator") {
  emit::RuleInfo rule;
  rule.id = "T3-BAL";
  rule.kind = "equal";
  rule.title = "表三勾稽关系不平衡";
  rule.title_en = "Table 3 does not balance";
  diag::Diagnostic d;
  d.rule = "T3-BAL";
  d.message =
      "表三勾稽关系不平衡（自然人列）：一、本年新收 12 + 二、上年结转 1 = 13，不等于 （七）总计 10";
  CHECK(emit::localized_message(d, &rule, emit::Lang::En) ==
        "Table 3 does not balance (column 自然人): 一、本年新收 12 + 二、上年结转 1 = 13 is not "
        "equal to （七）总计 10");
}

TEST_CASE("a message of an unknown form keeps its text after the English title") {
  emit::RuleInfo rule;
  rule.id = "X-NEW";
  rule.title = "新规则";
  rule.title_en = "New rule";
  diag::Diagnostic d;
  d.rule = "X-NEW";
  d.message = "某种新的说明";
  CHECK(emit::localized_message(d, &rule, emit::Lang::En) == "New rule: 某种新的说明");
  CHECK(emit::localized_message(d, nullptr, emit::Lang::En) == "某种新的说明");
}

TEST_CASE("no Chinese message frame is left in English for the samples of every rule") {
  // The rules, extraction and prose checks write Chinese frames; these words must be translated.
  const std::vector<std::string> frames = {
      "，计算",     "报告 ",    "不等于",   "，小于",     "找不到",
      "未计入",     "未读取",   "按0计",    "不完全一致", "出现了不止一次",
      "年度的报告", "不是数字", "没有内容", "没有提到",   "但本报告是",
      "措辞不同",   "缺少第",   "，表格为", "却填了",     "实际在第"};
  auto batch = test::batch_of({});
  for (auto& info : batch.rules) {
    if (info.title_en.empty()) {
      info.title_en = "English";
    }
  }
  // Titles of the built-in extraction checks come from the app's catalogue; give them here.
  for (const auto& b : extract::builtin_rules()) {
    emit::RuleInfo info;
    info.id = std::string(b.id);
    info.kind = "extraction";
    info.title = std::string(b.title);
    info.title_en = "Extraction";
    batch.rules.push_back(info);
  }
  int checked = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(XXGK_SOURCE_DIR) + "/samples/invalid")) {
    const std::string name = entry.path().filename().string();
    const auto one = test::batch_of({"samples/invalid/" + name});
    for (const auto& d : one.reports.front().diagnostics) {
      const emit::RuleInfo* info = batch.rule(d.rule);
      const std::string en = emit::localized_message(d, info, emit::Lang::En);
      for (const auto& f : frames) {
        INFO(name, ": ", en);
        CHECK(en.find(f) == std::string::npos);
      }
      ++checked;
    }
  }
  CHECK(checked > 20);
}

TEST_CASE("cell names are Chinese by default and English frames with --lang en") {
  diag::SourceLocation w;
  w.table_name = "三";
  w.row_label = "（一）予以公开";
  w.column_label = "总计";
  CHECK(emit::cell_name(w, emit::Lang::Zh) == "表三「（一）予以公开」总计");
  CHECK(emit::cell_name(w, emit::Lang::En) == "table 3, row 「（一）予以公开」, column 「总计」");
  w.part = "word/document.xml";
  w.table = 1;
  w.row = 3;
  w.cell = 7;
  CHECK(emit::logical_location(w, emit::Lang::Zh) ==
        "表三「（一）予以公开」总计 (word/document.xml, table 2, row 4, cell 8)");
}

TEST_CASE("the list of a grouped EXTRACT-UNKNOWN finding is English with --lang en") {
  emit::RuleInfo rule;
  rule.id = "EXTRACT-UNKNOWN";
  rule.title = "无法归属的内容";
  rule.title_en = "Content that belongs nowhere";
  diag::Diagnostic d;
  d.rule = "EXTRACT-UNKNOWN";
  d.message = "表三中有14处内容不在任何已识别的行或栏中，其20个数字未计入：数字「9」、行「其他、"
              "说明 3」、数字「1,2」等14处";
  CHECK(
      emit::localized_message(d, &rule, emit::Lang::En) ==
      "Content that belongs nowhere: table 3 has 14 items in no recognised row or column; "
      "their 20 figures are not counted: number 「9」, row 「其他、说明 3」, number 「1,2」 … (14 "
      "in all)");
}
