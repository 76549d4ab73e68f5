#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

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
  CHECK(contains(out, "1 report checked: 2 errors, 0 warnings\n"));
}

TEST_CASE("text output names the table, row and column in Chinese for Word inputs") {
  const auto batch =
      test::batch_of({"tests/golden/check-word-text/lishui-bureau-2020-errors.docx"});
  const std::string out = test::emit_to_string(emit::write_text, batch);
  CHECK(contains(out, ": 表三「一、本年新收政府信息公开申请数量」总计 (word/document.xml, table 2, "
                      "row 4, cell 8"));
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
