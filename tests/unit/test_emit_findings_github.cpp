#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

using namespace xxgk;

TEST_CASE("GitHub annotations carry file, line, column and title") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  const std::string out = test::emit_to_string(emit::write_github, batch);
  CHECK(out.starts_with("::error file=samples/invalid/T3-ROW.txt,line=107,col=2,title=T3-ROW "
                        "表三行合计不符::表三行合计不符："));
}

TEST_CASE("GitHub workflow commands escape data and property values") {
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.severity = diag::Severity::Warning;
  d.message = "100% wrong\r\nsecond line: a, b";
  d.location.line = 3;
  d.location.column = 1;
  const auto batch = test::synthetic_batch("dir,with:odd%name.txt", {d});
  const std::string out = test::emit_to_string(emit::write_github, batch);
  CHECK(out.starts_with("::warning file=dir%2Cwith%3Aodd%25name.txt,line=3,col=1,title=T3-ROW::"
                        "100%25 wrong%0D%0Asecond line: a, b\n"));
}

TEST_CASE("GitHub annotations for Word inputs name the cell in the message") {
  const auto batch =
      test::batch_of({"tests/golden/check-word-text/lishui-bureau-2020-errors.docx"});
  const std::string out = test::emit_to_string(emit::write_github, batch);
  CHECK(out.find("::error file=tests/golden/check-word-text/lishui-bureau-2020-errors.docx,"
                 "title=T4-SUM-A 表四行政复议总计不符::表四「行政复议」总计 (word/document.xml") !=
        std::string::npos);
  CHECK(out.find("::notice ") != std::string::npos); // the info (EXTRACT-FUZZY)
}

TEST_CASE("the GitHub job summary is a Markdown table with escaped cells") {
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.severity = diag::Severity::Error;
  d.message = "a | b <i>x</i>\nnext";
  const auto batch = test::synthetic_batch("r.txt", {d});
  const std::string md = test::emit_to_string(emit::write_github_summary, batch);
  CHECK(md.starts_with("## xxgk: 共检查 1 份报告：1 个错误，0 个警告\n"));
  CHECK(md.find("| r.txt | 2021 | 测试县 | 2023 | 1 | 0 | 0 |") != std::string::npos);
  CHECK(md.find("| error | T3-ROW |  | a \\| b &lt;i&gt;x&lt;/i&gt; next |") != std::string::npos);
}
