#include <xxgk/document/read.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/extract/extract.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace xxgk::document;

namespace {

/// 表三 of a run-on page, rows on their own lines, every row's cells run together. 一's run
/// "110000011" splits two ways (1|10|…|11 or 11|0|…|11); only 11|0|…|11 makes 一+二 = （七）+四.
const std::string k_runon = "标题: 某某县某某局2024年政府信息公开工作年度报告\n"
                            "发布时间: 2025-01-20 17:39\n"
                            "原文链接: https://example.invalid/a.htm\n"
                            "==================== 正文 ====================\n"
                            "三、收到和处理政府信息公开申请情况\n"
                            "一、本年新收政府信息公开申请数量110000011\n"
                            "二、上年结转政府信息公开申请数量0000000\n"
                            "三、本年度办理结果（一）予以公开 11 0 0 0 0 0 11\n"
                            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）0000000\n"
                            "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000\n"
                            "（七）总计1100000 11\n"
                            "四、结转下年度继续办理0000000\n";

const Table* table_with(const Document& d, std::string_view label) {
  for (const auto& b : d.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) {
      for (const auto& r : t->rows) {
        if (!r.cells.empty() && r.cells.front().text.find(label) != std::string::npos) {
          return t;
        }
      }
    }
  }
  return nullptr;
}

std::vector<std::string> row_cells(const Table& t, std::string_view label) {
  for (const auto& r : t.rows) {
    if (!r.cells.empty() && r.cells.front().text.find(label) != std::string::npos) {
      std::vector<std::string> out;
      for (std::size_t i = 1; i < r.cells.size(); ++i) {
        out.push_back(r.cells[i].text);
      }
      return out;
    }
  }
  return {};
}

} // namespace

TEST_CASE("run-on text with rows on their own lines is detected and its runs are split") {
  CHECK(detect_text_form(k_runon) == "text-runon");
  const Document d = read_runon_text(k_runon);
  const Table* t = table_with(d, "本年新收");
  REQUIRE(t != nullptr);
  // The ambiguous row is settled by the balance 一+二 = （七）+四, never guessed.
  CHECK(row_cells(*t, "本年新收") == std::vector<std::string>{"11", "0", "0", "0", "0", "0", "11"});
  CHECK(row_cells(*t, "其他法律行政法规禁止公开") == std::vector<std::string>(7, "0"));
  // The item number "2." after a run belongs to the next label, not to the run.
  CHECK(row_cells(*t, "属于国家秘密") == std::vector<std::string>(7, "0"));
  for (const auto& r : t->rows) {
    if (r.cells.size() < 2) {
      continue;
    }
    if (r.cells.front().text.find("本年新收") != std::string::npos) {
      CHECK(r.cells[1].recovered == "digit-run");
    }
    if (r.cells.front().text.find("予以公开") != std::string::npos) {
      CHECK(r.cells[1].recovered.empty()); // separated by spaces in the source
    }
  }
}

TEST_CASE("crawler header lines are dropped and the 标题 value is the title") {
  const Document d = read_runon_text(k_runon);
  REQUIRE(!d.blocks.empty());
  const auto* first = std::get_if<Paragraph>(&d.blocks.front());
  REQUIRE(first != nullptr);
  CHECK(first->text == "某某县某某局2024年政府信息公开工作年度报告");
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      CHECK(p->text.find("发布时间") == std::string::npos);
      CHECK(p->text.find("原文链接") == std::string::npos);
    }
  }
  const auto title = xxgk::extract::find_title(d);
  CHECK(title.year == 2024);
  CHECK(title.agency == std::optional<std::string>("某某县某某局"));
}

TEST_CASE("a row that stays ambiguous is left unread and named in READ-DIGITRUN") {
  std::string text = k_runon;
  // Without （七） and 四 nothing can settle 一.
  text.replace(text.find("（七）总计"), std::string("（七）总计1100000 11\n").size(), "");
  const Document d = read_runon_text(text);
  const Table* t = table_with(d, "本年新收");
  REQUIRE(t != nullptr);
  CHECK(row_cells(*t, "本年新收") == std::vector<std::string>{"110000011"});
  bool named = false;
  for (const auto& diag : d.diagnostics) {
    if (diag.rule == "READ-DIGITRUN" && diag.message.find("本年新收") != std::string::npos) {
      named = true;
    }
  }
  CHECK(named);
}

TEST_CASE("PDF layout text is detected by its rows of space-aligned numbers") {
  const std::string layout =
      "一、本年新收政府信息公开申请数量                3001        53       0        0    61       "
      "4   3119\n"
      "二、上年结转政府信息公开申请数量                34          0        0        0        0    "
      "0    34\n"
      "      （一）予以公开                   1288        21       0        0    50       3   "
      "1362\n"
      "             1.属于国家秘密            2          0        0        0        0    0    2\n"
      "     （七）总计                           2932        53        0         0        61       "
      " 4   3050\n";
  CHECK(detect_text_form(layout) == "text-layout");
  // The same rows with TABs are the TSV form.
  std::string tsv = "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n";
  CHECK(detect_text_form(tsv) != "text-layout");
}

TEST_CASE("title years spaced or in Chinese numerals are read") {
  for (const std::string title : {"淮安市人民政府2024 年政府信息公开工作年度报告",
                                  "淮安市人民政府2 0 2 4 年政府信息公开工作年度报告",
                                  "淮安市人民政府二〇二四年政府信息公开工作年度报告"}) {
    Document d;
    Paragraph p;
    p.text = title;
    d.blocks.emplace_back(p);
    const auto info = xxgk::extract::find_title(d);
    CHECK(info.year == 2024);
    CHECK(info.agency == std::optional<std::string>("淮安市人民政府"));
  }
}

TEST_CASE("a crawler's 标题 line in any text form gives the title, never the agency 标题") {
  Document d;
  Paragraph p;
  p.text = "标题: 平潭综合实验区公安局2024年政府信息公开工作年度报告";
  d.blocks.emplace_back(p);
  const auto info = xxgk::extract::find_title(d);
  CHECK(info.year == 2024);
  CHECK(info.agency == std::optional<std::string>("平潭综合实验区公安局"));
  CHECK(info.title == "平潭综合实验区公安局2024年政府信息公开工作年度报告");
}
