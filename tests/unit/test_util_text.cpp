#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>

using namespace xxgk::util;

TEST_CASE("label_key folds width, brackets, quotes and white space") {
  CHECK(label_key("第二十条第(一）项") == label_key("第二十条第（一）项"));
  CHECK(label_key("第二十条第（一）项") == "第二十条第一项");
  CHECK(label_key("3.危及\"三安全一稳定\"") == label_key("3.危及“三安全一稳定”"));
  CHECK(label_key("社会\n公益\n组织") == "社会公益组织");
  CHECK(label_key("  本年增/减 ") == "本年增减");
  CHECK(label_key("１、属于国家秘密") == label_key("1.属于国家秘密"));
  CHECK(label_key("1．属于国家秘密") == "1属于国家秘密");
  CHECK(label_key("\u3000规章\u00a0") == "规章");
}

TEST_CASE("label_core_key drops explanatory parentheses but keeps item numbers") {
  CHECK(label_core_key("本年收费金额（单位：万元）") == "本年收费金额");
  CHECK(label_core_key("上一年项目数量(指2019年事项数)") == "上一年项目数量");
  CHECK(label_core_key("（一）予以公开") == "一予以公开");
  CHECK(label_core_key("第二十条第（五）项") == "第二十条第五项");
  CHECK(label_core_key("（二）部分公开（区分处理的，只计这一情形，不计其他情形）") == "二部分公开");
}

TEST_CASE("trim removes ideographic and no-break spaces") {
  CHECK(trim("\u3000 12\u00a0\t") == "12");
  CHECK(trim("") == "");
  CHECK(trim(" \u3000 ") == "");
}

TEST_CASE("edit_distance counts code points, not bytes") {
  CHECK(edit_distance("现行有效件数", "现行有效件") == 1);
  CHECK(edit_distance("工作告年度报", "工作年度报告") == 2);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("is_valid_utf8 reports the offset of the first bad byte") {
  std::size_t at = 0;
  CHECK(is_valid_utf8("规章"));
  CHECK_FALSE(is_valid_utf8(std::string("ab\xff", 3), &at));
  CHECK(at == 2);
  CHECK_FALSE(is_valid_utf8(std::string("\xe8\xa7", 2), &at)); // truncated sequence
  CHECK(at == 0);
  CHECK(is_valid_utf8("\xEF\xBF\xBD")); // a literal U+FFFD is valid
}

TEST_CASE("split_lines handles LF, CRLF and a missing final newline") {
  const auto lines = split_lines("a\r\nb\n\nc");
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "a");
  CHECK(lines[1] == "b");
  CHECK(lines[2] == "");
  CHECK(lines[3] == "c");
}
