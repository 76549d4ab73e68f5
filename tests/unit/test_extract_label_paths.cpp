// Label paths and typo placement (format.md §7 items 15–17), with the real label sets of both
// templates (schemas/2019.json, schemas/2021.json).

#include "../../src/extract/label_paths.hpp"
#include "test_helpers.hpp"

#include <xxgk/document/text_forms.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <map>

using namespace xxgk;
using extract::detail::match_path;
using extract::detail::match_path_leaf_first;
using extract::detail::PathTree;
using extract::detail::strip_ancestors;

namespace {

/// Table 三's tree as extract builds it: groups and header labels in front of rows and columns.
struct RequestsTree {
  PathTree tree;
  std::vector<std::string> names; ///< per leaf: the label text
};

RequestsTree requests_tree(const schema::Template& t) {
  const schema::Table& req = *t.table("requests");
  RequestsTree out;
  for (const auto& g : req.groups) {
    out.tree.ancestors.push_back(&g.label);
  }
  for (const auto& h : req.header_labels) {
    out.tree.ancestors.push_back(&h);
  }
  for (const auto& r : req.rows) {
    std::optional<std::size_t> parent;
    for (std::size_t g = 0; g < req.groups.size(); ++g) {
      if (req.groups[g].key == r.group) {
        parent = g;
      }
    }
    out.tree.leaves.push_back({&r.label, out.tree.leaves.size(), parent});
    out.names.push_back(r.label.text);
  }
  for (const auto& c : req.columns) {
    out.tree.leaves.push_back({&c.label, out.tree.leaves.size(), std::nullopt});
    out.names.push_back(c.label.text);
  }
  return out;
}

std::string leaf_of(const RequestsTree& t, const std::string& text) {
  const auto m = match_path(util::label_key(text), t.tree);
  return m ? t.names[m->leaf] : "";
}

document::Table table_of(const std::vector<std::vector<std::string>>& rows) {
  document::Table t;
  t.structure = document::RowStructure::Reliable;
  int line = 10;
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

/// A 2021 table 三 with every row's label written as `label_of(group path, leaf)`; row n has
/// 自然人 n and 总计 n, so every placed row can be recognised by its figures.
document::Document requests_doc(
    const std::function<std::string(const std::vector<std::string>&, const std::string&)>& label_of,
    const std::map<std::string, std::string>& replace = {}) {
  const schema::Table& req = *test::tmpl("2021").table("requests");
  std::vector<std::vector<std::string>> rows = {
      {"", "自然人", "法人或其他组织 商业企业", "法人或其他组织 科研机构",
       "法人或其他组织 社会公益组织", "法人或其他组织 法律服务机构", "法人或其他组织 其他",
       "总计"}};
  int n = 0;
  for (const auto& r : req.rows) {
    std::vector<std::string> path;
    for (const auto& g : req.groups) {
      if (g.key == r.group && g.key != "results") {
        path.push_back("三、本年度办理结果");
        path.push_back(g.label.text);
      } else if (g.key == r.group) {
        path.push_back(g.label.text);
      }
    }
    std::string label = r.label.text;
    if (auto it = replace.find(label); it != replace.end()) {
      label = it->second;
    }
    ++n;
    rows.push_back(
        {label_of(path, label), std::to_string(n), "0", "0", "0", "0", "0", std::to_string(n)});
  }
  document::Document doc;
  doc.format = "test";
  doc.blocks.emplace_back(para("某县人民政府2022年政府信息公开工作年度报告"));
  doc.blocks.emplace_back(para("三、收到和处理政府信息公开申请情况"));
  doc.blocks.emplace_back(table_of(rows));
  return doc;
}

std::string joined(const std::vector<std::string>& path, const std::string& leaf,
                   const std::string& sep) {
  std::string out;
  for (const auto& p : path) {
    out += p + sep;
  }
  return out + leaf;
}

std::string value(const report::Report& r, const std::string& path) {
  const report::Cell* c = report::find_cell(r, path);
  REQUIRE(c != nullptr);
  return c->value ? c->value->to_string() : "-";
}

std::size_t count(const std::vector<diag::Diagnostic>& d, const char* rule) {
  return static_cast<std::size_t>(
      std::count_if(d.begin(), d.end(), [&](const auto& x) { return x.rule == rule; }));
}

} // namespace

TEST_CASE("a row label with its ancestors joined in front is its leaf, in both templates") {
  for (const char* id : {"2019", "2021"}) {
    CAPTURE(id);
    const auto t = requests_tree(test::tmpl(id));
    CHECK(leaf_of(t, "三、本年度办理结果 （三）不予公开 1.属于国家秘密") == "1.属于国家秘密");
    CHECK(leaf_of(t, "三、本年度办理结果（三）不予公开1.属于国家秘密") == "1.属于国家秘密");
    CHECK(leaf_of(t, "本年度办理结果 （五）不予处理 2.重复申请") == "2.重复申请");
    CHECK(leaf_of(t, "三、本年度办理结果 （七）总计") == "（七）总计");
    CHECK(leaf_of(t, "三、本年度办理结果\n（一）予以公开") == "（一）予以公开");
    CHECK(leaf_of(t, "申请人情况 法人或其他组织 商业企业") == "商业企业");
    CHECK(leaf_of(t, "法人或其他组织·科研机构") == "科研机构");
    CHECK(leaf_of(t, "申请人情况 总计") == "总计");
  }
}

TEST_CASE("a path is only a path when everything before the leaf is an ancestor") {
  const auto t = requests_tree(test::tmpl("2021"));
  CHECK(leaf_of(t, "1.属于国家秘密").empty()); // a leaf alone is matched directly, not as a path
  CHECK(leaf_of(t, "其中 1.属于国家秘密").empty());
  CHECK(leaf_of(t, "本机关其他").empty());
  CHECK(leaf_of(t, "三、本年度办理结果 （三）不予公开").empty()); // a group, not a row or column
}

TEST_CASE("the ancestors a path names choose among leaves with the same key") {
  // Two leaves keyed alike under different parents: the one under the named ancestor wins.
  schema::Label a{"（一）甲组", {}, {util::label_key("（一）甲组")}};
  schema::Label b{"（二）乙组", {}, {util::label_key("（二）乙组")}};
  schema::Label leaf{"1.其他事项", {}, {util::label_key("1.其他事项")}};
  PathTree tree;
  tree.ancestors = {&a, &b};
  tree.leaves = {{&leaf, 0, 0}, {&leaf, 1, 1}};
  const auto m = match_path(util::label_key("（二）乙组 1.其他事项"), tree);
  REQUIRE(m);
  CHECK(m->leaf == 1);
  CHECK(m->ancestors == std::vector<std::size_t>{1});
}

TEST_CASE("a path written leaf first is matched, and ancestors are stripped for typo matching") {
  const auto t = requests_tree(test::tmpl("2021"));
  const auto m = match_path_leaf_first(util::label_key("1.属于国家秘密（三）不予公开"), t.tree);
  REQUIRE(m);
  CHECK(t.names[m->leaf] == "1.属于国家秘密");
  CHECK(strip_ancestors(util::label_key("三、本年度办理结果 （三）不予公开 2.其他法律行政止公开"),
                        t.tree) == util::label_key("2.其他法律行政止公开"));
  CHECK(strip_ancestors(util::label_key("2.其他法律行政止公开"), t.tree) ==
        util::label_key("2.其他法律行政止公开"));
}

TEST_CASE("table 三 with every label written as its full path, with or without spaces, is read") {
  for (const std::string sep : {" ", "", "\n"}) {
    CAPTURE(sep);
    const auto ex = extract::extract(
        requests_doc([&](const auto& path, const auto& leaf) { return joined(path, leaf, sep); }),
        test::tmpl("2021"));
    CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 0);
    CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 0);
    CHECK(value(ex.report, "requests.denied_state_secret.natural_person") == "5");
    CHECK(value(ex.report, "requests.rejected_duplicate.total") == "17");
    CHECK(value(ex.report, "requests.total_processed.total") == "24");
  }
}

TEST_CASE("the real typo 2.其他法律行政止公开 is read as the one unplaced row, with a warning") {
  const auto ex = extract::extract(
      requests_doc([](const auto& path, const auto& leaf) { return joined(path, leaf, " "); },
                   {{"2.其他法律行政法规禁止公开", "2.其他法律行政止公开"}}),
      test::tmpl("2021"));
  CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 0);
  CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 0);
  REQUIRE(count(ex.diagnostics, "EXTRACT-TYPO") == 1);
  for (const auto& d : ex.diagnostics) {
    if (d.rule == "EXTRACT-TYPO") {
      CHECK(d.severity == diag::Severity::Warning);
      CHECK(d.message.find("2.其他法律行政止公开") != std::string::npos);
      CHECK(d.message.find("2.其他法律行政法规禁止公开") != std::string::npos);
    }
  }
  CHECK(value(ex.report, "requests.denied_prohibited_by_law.natural_person") == "6");
}

TEST_CASE("a typo is never placed far away, onto a placed row, or two rows onto one") {
  SUBCASE("numbering differs: 3.其他法律行政止公开 is not row 2") {
    const auto ex =
        extract::extract(requests_doc([](const auto&, const auto& leaf) { return leaf; },
                                      {{"2.其他法律行政法规禁止公开", "3.其他法律行政止公开"}}),
                         test::tmpl("2021"));
    CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 0);
    CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 1);
    CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 1);
  }
  SUBCASE("a distant label is not a typo") {
    const auto ex =
        extract::extract(requests_doc([](const auto&, const auto& leaf) { return leaf; },
                                      {{"2.其他法律行政法规禁止公开", "2.其他情形"}}),
                         test::tmpl("2021"));
    CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 0);
    CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 1);
  }
  SUBCASE("out of place: the typo row stands where another group's rows are") {
    auto doc = requests_doc([](const auto&, const auto& leaf) { return leaf; },
                            {{"2.其他法律行政法规禁止公开", "2.其他法律行政止公开"}});
    auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
    // move the typo row (row 6 of the table) after 2.重复申请 (row 17)
    auto moved = rows[6];
    rows.erase(rows.begin() + 6);
    rows.insert(rows.begin() + 17, moved);
    const auto ex = extract::extract(doc, test::tmpl("2021"));
    CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 0);
    CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 1);
  }
  SUBCASE("two typo rows close to the same unplaced row: neither is placed") {
    auto doc = requests_doc([](const auto&, const auto& leaf) { return leaf; },
                            {{"2.其他法律行政法规禁止公开", "2.其他法律行政止公开"}});
    auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
    auto twin = rows[6];
    twin.cells[0].text = "2.其他法律禁止公开";
    rows.insert(rows.begin() + 7, twin);
    const auto ex = extract::extract(doc, test::tmpl("2021"));
    CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 0);
    CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 1);
    REQUIRE(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 1); // one finding for both rows
    for (const auto& d : ex.diagnostics) {
      if (d.rule == "EXTRACT-UNKNOWN") {
        CHECK(d.message.find("2.其他法律行政止公开") != std::string::npos);
        CHECK(d.message.find("2.其他法律禁止公开") != std::string::npos);
      }
    }
    CHECK(value(ex.report, "requests.denied_prohibited_by_law.total") == "-");
  }
}

TEST_CASE("（六）其他处理 written as one row in a 2021 table is read as the group's total") {
  auto doc = requests_doc([](const auto&, const auto& leaf) { return leaf; });
  auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
  // replace the three sub-rows of （六） (table rows 21–23) by one row （六）其他处理 9 … 9
  auto group = rows[21];
  group.cells[0].text = "（六）其他处理";
  group.cells[1].text = "9";
  group.cells[7].text = "9";
  rows.erase(rows.begin() + 21, rows.begin() + 24);
  rows.insert(rows.begin() + 21, group);
  const auto ex = extract::extract(doc, test::tmpl("2021"));
  CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 0);
  CHECK(count(ex.diagnostics, "EXTRACT-GROUP-ROW") == 1);
  CHECK(value(ex.report, "requests.other_handling.total") == "9");
  CHECK(value(ex.report, "requests.other_reasons.total") == "-");
}

TEST_CASE("a note after the number in a cell is read as the number, with a warning") {
  auto doc = requests_doc([](const auto&, const auto& leaf) { return leaf; });
  auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
  rows[1].cells[1].text = "1（其中转办1件）"; // 一、本年新收 自然人
  rows[2].cells[7].text = "2 (含上年度1件)";  // 二、上年结转 总计
  const auto ex = extract::extract(doc, test::tmpl("2021"));
  CHECK(count(ex.diagnostics, "EXTRACT-NOTE") == 2);
  CHECK(value(ex.report, "requests.new_received.natural_person") == "1");
  CHECK(value(ex.report, "requests.carried_over.total") == "2");
  const report::Cell* c = report::find_cell(ex.report, "requests.new_received.natural_person");
  REQUIRE(c != nullptr);
  CHECK(c->raw == "1（其中转办1件）");
}

TEST_CASE("a label row without figures takes the figures of the unlabelled row below it") {
  auto doc =
      requests_doc([](const auto& path, const auto& leaf) { return joined(path, leaf, " "); });
  auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
  // split 1.本机关不掌握相关政府信息 (table row 13) into a label row and a figures row
  auto figures = rows[13];
  figures.cells[0].text = "";
  for (std::size_t k = 1; k < rows[13].cells.size(); ++k) {
    rows[13].cells[k].text = "";
  }
  rows.insert(rows.begin() + 14, figures);
  const auto ex = extract::extract(doc, test::tmpl("2021"));
  CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 0);
  CHECK(value(ex.report, "requests.unable_not_held.natural_person") == "13");
  CHECK(value(ex.report, "requests.unable_needs_creation.natural_person") == "14");
}

TEST_CASE("a label row without figures takes the unlabelled figures row above it") {
  auto doc =
      requests_doc([](const auto& path, const auto& leaf) { return joined(path, leaf, " "); });
  auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
  // Every row of 三 from row 13 on written as its figures, then its label (a label that wraps
  // after the numbers, as text from a PDF layout gives it).
  std::vector<document::Row> out(rows.begin(), rows.begin() + 13);
  for (std::size_t r = 13; r < rows.size(); ++r) {
    auto figures = rows[r];
    figures.cells[0].text = "";
    auto label = rows[r];
    for (std::size_t k = 1; k < label.cells.size(); ++k) {
      label.cells[k].text = "";
    }
    out.push_back(figures);
    out.push_back(label);
  }
  rows = out;
  const auto ex = extract::extract(doc, test::tmpl("2021"));
  CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 0);
  CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 0);
  CHECK(value(ex.report, "requests.unable_not_held.natural_person") == "13");
  CHECK(value(ex.report, "requests.unable_needs_creation.natural_person") == "14");
  const auto& req = *test::tmpl("2021").table("requests");
  CHECK(value(ex.report, "requests." + req.rows.back().key + ".natural_person") ==
        std::to_string(req.rows.size()));
  // The rows before 13 (labels before or beside their figures) keep their own figures.
  CHECK(value(ex.report, "requests.granted.natural_person") == "3");
}

TEST_CASE("a wrong header row repeated mid-table and a page marker row are not figures") {
  auto doc =
      requests_doc([](const auto& path, const auto& leaf) { return joined(path, leaf, " "); });
  auto& rows = std::get<document::Table>(doc.blocks.back()).rows;
  auto header = rows[0];
  for (std::size_t k = 1; k < header.cells.size(); ++k) {
    header.cells[k].text = "数据" + std::to_string(k);
  }
  auto marker = rows[0];
  for (auto& c : marker.cells) {
    c.text = "";
  }
  marker.cells[0].text = "— 3 —";
  rows.insert(rows.begin() + 10, marker);
  rows.insert(rows.begin() + 10, header);
  const auto ex = extract::extract(doc, test::tmpl("2021"));
  CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 0);
  CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 0);
  CHECK(value(ex.report, "requests.denied_enforcement_files.total") == "11");
}

TEST_CASE("a typo in a row label of a 表二 block is placed within its block, with a warning") {
  auto read = [](const std::string& rows) {
    const std::string md = "某镇2021年政府信息公开工作年度报告\n\n二、主动公开政府信息情况\n\n"
                           "| 第二十条第（一）项 | | | |\n|---|---|---|---|\n"
                           "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n" +
                           rows +
                           "| 第二十条第（五）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n"
                           "| 行政许可 | 36 | | |\n"
                           "| 第二十条第（六）项 | | | |\n| 信息内容 | 本年处理决定数量 | | |\n"
                           "| 行政处罚 | 5 | | |\n| 行政强制 | 1 | | |\n"
                           "| 第二十条第（八）项 | | | |\n"
                           "| 信息内容 | 本年收费金额（单位：万元） | | |\n"
                           "| 行政事业性收费 | 1.25 | | |\n";
    return extract::extract(document::read_markdown(md), test::tmpl("2021"));
  };
  // 行政规范文件性: two of seven characters swapped, beyond the fuzzy label match.
  auto ex = read("| 规章 | 0 | 0 | 0 |\n| 行政规范文件性 | 2 | 1 | 9 |\n");
  CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 1);
  CHECK(count(ex.diagnostics, "EXTRACT-ROW") == 0);
  CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 0);
  CHECK(value(ex.report, "active.normative_documents.issued") == "2");
  CHECK(value(ex.report, "active.normative_documents.in_force") == "9");
  // Never onto a row already placed, nor two rows onto one.
  ex = read(
      "| 规章 | 0 | 0 | 0 |\n| 行政规范文件性 | 2 | 1 | 9 |\n| 行政规范件文性 | 3 | 1 | 9 |\n");
  CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 0);
  CHECK(value(ex.report, "active.normative_documents.issued") == "-");
  CHECK(count(ex.diagnostics, "EXTRACT-UNKNOWN") == 1);
  // Never a distant guess.
  ex = read("| 规章 | 0 | 0 | 0 |\n| 其他主动公开文件 | 2 | 1 | 9 |\n");
  CHECK(count(ex.diagnostics, "EXTRACT-TYPO") == 0);
  CHECK(value(ex.report, "active.normative_documents.issued") == "-");
}
