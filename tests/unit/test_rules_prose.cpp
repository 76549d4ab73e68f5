#include "test_helpers.hpp"

#include <xxgk/util/number.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

namespace {

/// The qingshan sample with section 三's prose paragraph replaced.
std::vector<diag::Diagnostic> prose_findings(const std::string& paragraph) {
  std::string text = test::repo_file("samples/qingshan-county-2022.txt");
  const std::string marker = "2022年，我县本年新收政府信息公开申请254件";
  const auto start = text.find(marker);
  REQUIRE(start != std::string::npos);
  const auto end = text.find('\n', start);
  text.replace(start, end - start, paragraph);
  const auto ex = test::extract_text(text);
  std::vector<diag::Diagnostic> out;
  for (auto& d : rules::check(ex.report, test::tmpl("2021"))) {
    if (d.rule == "P-FIGURE") {
      out.push_back(std::move(d));
    }
  }
  return out;
}

} // namespace

TEST_CASE("Chinese numerals are read as numbers") {
  CHECK(util::parse_chinese_numeral(U"十二") == 12);
  CHECK(util::parse_chinese_numeral(U"一百零五") == 105);
  CHECK(util::parse_chinese_numeral(U"两千三百") == 2300);
  CHECK(util::parse_chinese_numeral(U"三万五千") == 35000);
  CHECK(util::parse_chinese_numeral(U"零") == 0);
  CHECK_FALSE(util::parse_chinese_numeral(U"十二件").has_value());
}

TEST_CASE("prose figures that agree with the tables raise nothing") {
  CHECK(prose_findings(
            "本年新收政府信息公开申请254件，上年结转8件。办结247件，结转下年度继续办理15件。")
            .empty());
  // 收到 may count 一 + 二 (254 + 8).
  CHECK(prose_findings("本年度共收到政府信息公开申请262件。").empty());
}

TEST_CASE("a prose figure that disagrees is reported with its cell") {
  const auto ds = prose_findings("本年新收政府信息公开申请250件。");
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].cells == std::vector<std::string>{"requests.new_received.total"});
  CHECK(ds[0].message.find("250") != std::string::npos);
  CHECK(ds[0].location.line == 61);
}

TEST_CASE("figures in Chinese numerals are compared too") {
  CHECK(prose_findings("上年结转八件。").empty());
  CHECK(prose_findings("上年结转十二件。").size() == 1);
}

TEST_CASE("last year, sub-units and subsets are not compared") {
  CHECK(prose_findings("去年新收政府信息公开申请100件。").empty());
  CHECK(prose_findings("2021年新收政府信息公开申请100件。").empty());
  CHECK(prose_findings("办结247件，其中予以公开99件。").empty());
  CHECK(prose_findings("各乡镇共受理政府信息公开申请1000件。").empty());
  CHECK(prose_findings("全县新收政府信息公开申请1000件。").empty());
}

TEST_CASE("review and litigation figures are compared with table 四") {
  CHECK(prose_findings("被申请行政复议11件，被提起行政诉讼10件。").empty());
  CHECK(prose_findings("被申请行政复议12件。").size() == 1);
  CHECK(prose_findings("行政复议、行政诉讼各0件。").empty()); // ambiguous: not compared
}
