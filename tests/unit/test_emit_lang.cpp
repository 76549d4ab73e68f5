#include "emit_test_helpers.hpp"

#include <xxgk/rules/catalog.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <set>

using namespace xxgk;

namespace {

/// Every rule the catalogue knows, with its English title.
emit::Batch with_catalog(emit::Batch batch) {
  batch.rules = rules::catalog(schema::bundled_templates());
  return batch;
}

/// The findings of `rule` for a repository file, run through the real pipeline.
std::vector<diag::Diagnostic> findings(const emit::Batch& batch, std::string_view rule) {
  std::vector<diag::Diagnostic> out;
  for (const auto& d : batch.reports.front().diagnostics) {
    if (d.rule == rule) {
      out.push_back(d);
    }
  }
  return out;
}

/// A finding in `lang`, as the emitters write it.
std::string in(const emit::Batch& batch, const diag::Diagnostic& d, emit::Lang lang) {
  return emit::localized_message(d, batch.rule(d.rule), lang);
}

} // namespace

TEST_CASE("English messages start with the rule's English title") {
  const auto batch = with_catalog(test::batch_of({"samples/invalid/T3-ROW.txt"}));
  const auto found = findings(batch, "T3-ROW");
  REQUIRE_FALSE(found.empty());
  const auto& d = found.front();
  CHECK(in(batch, d, emit::Lang::Zh) == d.message);
  CHECK(d.message ==
        "表三行合计不符：表三「（一）予以公开」总计 报告 6，计算 7（自然人 5 + 商业企业 1 "
        "+ 科研机构 1 + 社会公益组织 0 + 法律服务机构 0 + 其他 0）");
  CHECK(in(batch, d, emit::Lang::En) ==
        "Table 3 row total does not add up: table 3「（一）予以公开」总计 reported 6, computed 7 "
        "(自然人 5 + 商业企业 1 + 科研机构 1 + 社会公益组织 0 + 法律服务机构 0 + 其他 0)");
}

TEST_CASE("English comparison messages translate their context and operator") {
  const auto batch = with_catalog(test::batch_of({"samples/invalid/T3-BAL.txt"}));
  const auto found = findings(batch, "T3-BAL");
  REQUIRE_FALSE(found.empty());
  CHECK(in(batch, found.front(), emit::Lang::En) ==
        "Table 3 does not balance (column 自然人): 一、本年新收政府信息公开申请数量 12 + "
        "二、上年结转政府信息公开申请数量 1 = 13 is not equal to （七）总计 10 + "
        "四、结转下年度继续办理 2 = 12");
}

TEST_CASE("extraction findings are rendered from their message ID in both languages") {
  const auto batch = with_catalog(test::batch_of({"samples/invalid/EXTRACT-NOTE.txt"}));
  const auto found = findings(batch, "EXTRACT-NOTE");
  REQUIRE(found.size() == 1);
  const auto& d = found.front();
  CHECK(d.msg.id() == "extract.note");
  CHECK(in(batch, d, emit::Lang::Zh) ==
        "表二「行政规范性文件」本年制发件数的单元格「14（其中修订3件）」在数字后附有说明，按 14 "
        "读取，说明「其中修订3件」未计入");
  CHECK(
      in(batch, d, emit::Lang::En) ==
      "A note after the number in a cell: cell 「14（其中修订3件）」 (table 2, 「行政规范性文件」 "
      "本年制发件数) has a note after its number; read as 14, the note 「其中修订3件」 is not "
      "counted");
}

TEST_CASE("reader findings are Chinese by default and English with --lang en") {
  const auto batch = with_catalog(test::batch_of({"tests/corpus/text/utf8-bom-then-invalid.txt"}));
  const auto found = findings(batch, "READ-ENCODING");
  REQUIRE(found.size() == 1);
  CHECK(in(batch, found.front(), emit::Lang::Zh) ==
        "字节偏移 6861 处有不符合 UTF-8 编码的字节，已替换为 U+FFFD");
  CHECK(in(batch, found.front(), emit::Lang::En) ==
        "Undecodable bytes in the text: invalid UTF-8 byte sequence at byte offset 6861 replaced "
        "by U+FFFD");
}

TEST_CASE("a finding of a rule the catalogue does not know has no title before it") {
  const auto batch = test::batch_of({"samples/invalid/EXTRACT-TITLE.txt"});
  const auto found = findings(batch, "EXTRACT-TITLE");
  REQUIRE(found.size() == 1);
  CHECK(emit::localized_message(found.front(), nullptr, emit::Lang::En) ==
        "the title 「青山县人民政府政府信息公开工作年度报告」 has no four-digit report year");
}

TEST_CASE("every finding on the samples carries a message ID, and no Chinese frame in English") {
  // Every producer (readers, extraction, rules) makes its findings from a message template: the
  // samples of every rule (samples/invalid, and each rule's example file) show it. No Chinese
  // frame may be left in English.
  const std::vector<std::string> frames = {
      "，计算",     "报告 ",    "不等于",   "，小于",     "找不到",
      "未计入",     "未读取",   "按0计",    "不完全一致", "出现了不止一次",
      "年度的报告", "不是数字", "没有内容", "没有提到",   "但本报告是",
      "措辞不同",   "缺少第",   "，表格为", "却填了",     "实际在第"};
  std::set<std::string> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(XXGK_SOURCE_DIR) + "/samples/invalid")) {
    files.insert("samples/invalid/" + entry.path().filename().string());
  }
  for (const auto& r : rules::catalog(schema::bundled_templates())) {
    if (!r.example.empty() && !r.example.ends_with("/") &&
        std::filesystem::is_regular_file(std::string(XXGK_SOURCE_DIR) + "/" + r.example)) {
      files.insert(r.example);
    }
  }
  files.insert("tests/corpus/text/utf8-bom-then-invalid.txt"); // READ-ENCODING has no example
  int checked = 0;
  std::set<std::string> rules_seen;
  for (const auto& name : files) {
    const auto one = with_catalog(test::batch_of({name}));
    for (const auto& d : one.reports.front().diagnostics) {
      INFO(name, ": ", d.rule, ": ", d.message);
      CHECK_FALSE(d.msg.empty());
      CHECK(d.message == d.msg.render(diag::Lang::Zh));
      REQUIRE(one.rule(d.rule) != nullptr);
      const std::string en = in(one, d, emit::Lang::En);
      for (const auto& f : frames) {
        INFO(en);
        CHECK(en.find(f) == std::string::npos);
      }
      rules_seen.insert(d.rule);
      ++checked;
    }
  }
  CHECK(checked > 20);
  for (const char* id : {"READ-ENCODING", "READ-REVISIONS", "READ-DIGITRUN", "EXTRACT-UNKNOWN"}) {
    CHECK(rules_seen.contains(id));
  }
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
        "表三「（一）予以公开」总计 (word/document.xml, 第2个表格, 第4行, 第8个单元格)");
  CHECK(emit::logical_location(w, emit::Lang::En) ==
        "table 3, row 「（一）予以公开」, column 「总计」 (word/document.xml, table 2, row 4, cell "
        "8)");
  w.table = -1;
  w.row = -1;
  w.cell = -1;
  w.paragraph = 4;
  w.xml_line = 12;
  CHECK(emit::logical_location(w, emit::Lang::Zh) ==
        "表三「（一）予以公开」总计 (word/document.xml, 第5段, XML 第12行)");
  CHECK(emit::logical_location(w, emit::Lang::En)
            .ends_with("(word/document.xml, paragraph 5, XML line 12)"));
}

TEST_CASE("the list of a grouped EXTRACT-UNKNOWN finding is English with --lang en") {
  // Fourteen rows the template does not have, in table 2: one finding lists the first twelve.
  std::string text = test::repo_file("samples/invalid/EXTRACT-UNKNOWN.txt");
  const std::string row = "\t其他主动公开文件\n\t3\n\t1\n\t9\n";
  const auto at = text.find(row);
  REQUIRE(at != std::string::npos);
  std::string rows;
  for (int i = 1; i <= 14; ++i) {
    rows += "\t其他文件" + std::to_string(i) + "\n\t" + std::to_string(i) + "\n\t1\n\t9\n\n";
  }
  text.replace(at, row.size(), rows);
  const auto doc = document::read(text, {});
  REQUIRE(doc);
  const auto ex = extract::extract(*doc, test::tmpl("2021"));
  const diag::Diagnostic* unknown = nullptr;
  for (const auto& d : ex.diagnostics) {
    if (d.rule == "EXTRACT-UNKNOWN") {
      unknown = &d;
    }
  }
  REQUIRE(unknown != nullptr);
  emit::Batch batch;
  batch.rules = rules::catalog(schema::bundled_templates());
  std::string zh_list;
  std::string en_list;
  for (int i = 1; i <= 12; ++i) {
    zh_list += (i > 1 ? "、" : "") + std::string("行「其他文件") + std::to_string(i) + "」";
    en_list += (i > 1 ? ", " : "") + std::string("row 「其他文件") + std::to_string(i) + "」";
  }
  CHECK(in(batch, *unknown, emit::Lang::Zh) ==
        "表二中有14处内容不在任何已识别的行或栏中，其42个数字未计入：" + zh_list + "等14处");
  CHECK(in(batch, *unknown, emit::Lang::En) ==
        "Content that belongs nowhere: table 2 has 14 items in no recognised row or column; "
        "their 42 figures are not counted: " +
            en_list + " … (14 in all)");
}
