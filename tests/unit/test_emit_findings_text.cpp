#include "emit_test_helpers.hpp"

#include <xxgk/rules/cross.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <utility>
#include <vector>

using namespace xxgk;

namespace {
bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
} // namespace

TEST_CASE("text output shows the source line with a caret under the cell for text inputs") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  const std::string out = test::emit_to_string(emit::write_text, batch);
  CHECK(contains(out, "samples/invalid/T3-ROW.txt:107:2: error: 表三行合计不符："));
  CHECK(contains(out, "   107 |     6\n       |     ^\n"));
  CHECK(contains(out, "共检查 1 份报告：2 个错误，0 个警告\n"));
}

TEST_CASE("text output names the table, row and column in Chinese for Word inputs") {
  const auto batch =
      test::batch_of({"tests/golden/check-word-text/lishui-bureau-2020-errors.docx"});
  const std::string out = test::emit_to_string(emit::write_text, batch);
  CHECK(contains(out,
                 ": 表三「一、本年新收政府信息公开申请数量」总计 (word/document.xml, 第2个表格, "
                 "第4行, 第8个单元格"));
  CHECK(contains(out, ": 表四「行政复议」总计 ("));
  CHECK_FALSE(contains(out, "   | ")); // no source excerpt without lines
}

TEST_CASE("text output is coloured only when asked to be") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  emit::OutputOptions plain;
  CHECK_FALSE(contains(test::emit_to_string(emit::write_text, batch, plain), "\x1b["));
  emit::OutputOptions colour;
  colour.color = true;
  const std::string out = test::emit_to_string(emit::write_text, batch, colour);
  CHECK(contains(out, "\x1b[1;31merror:\x1b[0m"));
  CHECK(contains(out, "\x1b[1;31m^\x1b[0m"));
}

TEST_CASE("text output in English uses the English title, frame words and table names") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  emit::OutputOptions en;
  en.lang = emit::Lang::En;
  const std::string out = test::emit_to_string(emit::write_text, batch, en);
  CHECK(contains(out, "error: Table 3 row total does not add up: table 3「（一）予以公开」总计 "
                      "reported 6, computed 7 (自然人 5 + "));
}

TEST_CASE("statistics count the findings per rule") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt", "samples/invalid/T4-SUM-A.txt"});
  const std::string out = test::emit_to_string(emit::write_statistics_text, batch);
  CHECK(contains(out, "    2  T3-ROW             error    表三行合计不符\n"));
  CHECK(contains(out, "    1  T4-SUM-A           error    "));
  const auto j = nlohmann::json::parse(test::emit_to_string(emit::write_statistics_json, batch));
  REQUIRE(j.is_array());
  CHECK(j[0]["rule"] == "T3-ROW");
  CHECK(j[0]["count"] == 2);
}

TEST_CASE("a long source line is cut to a window around the caret") {
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.severity = diag::Severity::Error;
  d.message = "m";
  d.location.line = 2;
  d.location.column = 2000;
  auto batch = test::synthetic_batch("long.txt", {d});
  batch.reports[0].text = "title\n" + std::string(1999, 'x') + "7" + std::string(5000, 'y') + "\n";
  const std::string out = test::emit_to_string(emit::write_text, batch);
  const auto first = out.find("     2 | …");
  REQUIRE(first != std::string::npos);
  const auto eol = out.find('\n', first);
  const std::string shown = out.substr(first + 9, eol - first - 9); // after "     2 | "
  CHECK(shown.size() < 200);
  CHECK(shown.ends_with("y…"));
  // The caret sits under the "7".
  const auto caret_line = out.substr(eol + 1, out.find('\n', eol + 1) - eol - 1);
  const auto seven = shown.find('7');
  REQUIRE(seven != std::string::npos);
  // "…" is three bytes but one column wide.
  CHECK(caret_line == "       | " + std::string(seven - 2, ' ') + "^");
}

TEST_CASE("the summary line is Chinese by default and English with --lang en") {
  emit::Totals t;
  t.summary.reports = 3;
  t.summary.errors = 1;
  t.summary.warnings = 2;
  t.summary.infos = 4;
  t.summary.clean = 1;
  t.summary.reports_with_errors = 1;
  t.summary.reports_with_warnings = 1;
  t.summary.unreadable = 1;
  t.baselined = 5;
  t.hidden = 1;
  CHECK(emit::summary_line(t, emit::Lang::Zh) ==
        "共检查 3 份报告：1 个错误，2 个警告，4 个提示（1 份无问题，1 份有错误，1 份有警告，1 "
        "份无法读取）；基线中的 5 项问题未列出；1 个警告和提示未列出（--quiet）");
  CHECK(emit::summary_line(t, emit::Lang::En) ==
        "3 reports checked: 1 error, 2 warnings, 4 info (1 clean, 1 with errors, 1 with warnings, "
        "1 unreadable); 5 in the baseline not shown; 1 warning and infos not shown (--quiet)");
  t.summary = {};
  t.summary.reports = 1;
  t.summary.unreadable = 1;
  t.baselined = 0;
  t.hidden = 0;
  CHECK(emit::summary_line(t, emit::Lang::Zh) == "共检查 1 份报告：0 个错误，0 个警告（无法读取）");
  CHECK(emit::summary_line(t, emit::Lang::En) ==
        "1 report checked: 0 errors, 0 warnings (unreadable)");
}

TEST_CASE("an excerpt from kept windows is the excerpt from the whole text") {
  // Lines of every length around the window's reach, ASCII and CJK, with TABs; carets at the
  // start, middle, end and past the end of each.
  std::string text;
  std::vector<std::pair<int, int>> carets;
  int number = 0;
  for (const int length : {0, 1, 99, 100, 101, 199, 200, 201, 202, 450, 3000}) {
    for (const char* unit : {"x", "表", "\t"}) {
      ++number;
      for (int i = 0; i < length; ++i) {
        text += i % 7 == 3 ? "y" : unit;
      }
      text += '\n';
      for (const int column : {0, 1, 2, 50, 100, 101, 102, length / 2, length - 101, length - 100,
                               length - 1, length, length + 1, length + 150}) {
        if (column >= 0) {
          carets.emplace_back(number, column);
        }
      }
    }
  }
  std::sort(carets.begin(), carets.end());
  carets.erase(std::unique(carets.begin(), carets.end()), carets.end());
  std::vector<diag::Diagnostic> found;
  for (const auto& [line, column] : carets) {
    diag::Diagnostic d;
    d.rule = "X-CARRY";
    d.severity = diag::Severity::Error;
    d.message = "m";
    d.location.line = line;
    d.location.column = column;
    found.push_back(d);
  }
  auto whole = test::synthetic_batch("a.txt", found);
  whole.reports[0].text = text;
  auto windows = test::synthetic_batch("a.txt", found);
  windows.reports[0].windows = rules::cross::source_windows(text, carets);
  REQUIRE(!windows.reports[0].windows.empty());
  std::size_t kept = 0;
  for (const auto& w : windows.reports[0].windows) {
    kept += w.text.size();
  }
  CHECK(kept < text.size()); // the long lines' middles are not kept
  const std::string a = test::emit_to_string(emit::write_text, whole);
  const std::string b = test::emit_to_string(emit::write_text, windows);
  CHECK(a.find(" | ") != std::string::npos);
  CHECK(a == b);
}
