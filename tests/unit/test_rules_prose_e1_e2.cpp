// format.md §7 E1 (prose against a blank total: compared with the total computed from its row)
// and E2 (a sentence about another year), on the real-report fixture of issue 16.

#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;

namespace {

std::string fixture() {
  return test::repo_file("tests/data/layouts/hongzequ-2024.txt");
}

std::vector<diag::Diagnostic> findings(const std::string& text, const char* rule) {
  const auto ex = test::extract_text(text);
  std::vector<diag::Diagnostic> out;
  for (const auto& d : rules::check(ex.report, test::tmpl("2021"))) {
    if (d.rule == rule) {
      out.push_back(d);
    }
  }
  return out;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("a sentence inside a paragraph that opens with another year is a warning") {
  CHECK(findings(fixture(), "S-YEAR").empty());
  const auto text = replaced(fixture(), "2024年，我区在政府网站平台", "2023年，我区在政府网站平台");
  const auto found = findings(text, "S-YEAR");
  REQUIRE(found.size() == 1);
  CHECK(found.front().message.find("2023年") != std::string::npos);
  // A sentence comparing with the report year is no finding.
  const auto comparison =
      replaced(fixture(), "2024年，我区在政府网站平台主动发布各类政府信息2428条",
               "2023年，较2024年少发布各类政府信息2428条");
  CHECK(findings(comparison, "S-YEAR").empty());
  // The next year is a plan, and a paragraph may end right after a year.
  const auto plan = replaced(fixture(), "2024年，我区在政府网站平台主动发布各类政府信息2428条",
                             "2025年，我区将继续发布各类政府信息");
  CHECK(findings(plan, "S-YEAR").empty());
  const auto cut = replaced(fixture(), "解读信息发布7条。", "解读信息发布7条。2023年");
  CHECK(findings(cut, "S-YEAR").empty());
}

TEST_CASE("prose against a blank total is compared with the total computed from its row") {
  // 一、本年新收 总计 (95) left blank; the prose says 17 (as published): compared with 95.
  std::string text = fixture();
  const auto row = text.find("\t一、本年新收政府信息公开申请数量");
  REQUIRE(row != std::string::npos);
  const auto total = text.find("\t95\n", text.find("\t0\n\t0\n\t0\n\t0\n\t0\n", row));
  REQUIRE(total != std::string::npos);
  text.replace(total, 4, "\t\n");
  const auto found = findings(text, "P-FIGURE");
  REQUIRE(found.size() == 1);
  CHECK(found.front().message.find("表格为 95") != std::string::npos);
  CHECK(found.front().message.find("空白，按该行各栏之和计算") != std::string::npos);
}
