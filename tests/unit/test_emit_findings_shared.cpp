// What the findings formats share (emit/findings/shared.hpp): severity words and where a finding
// is as an annotation shows it.

#include "../../src/emit/findings/shared.hpp"

#include <doctest/doctest.h>

using namespace xxgk;

TEST_CASE("each severity gets the format's own word") {
  const emit::SeverityNames sarif{"error", "warning", "note"};
  CHECK(std::string(emit::severity_name(diag::Severity::Error, sarif)) == "error");
  CHECK(std::string(emit::severity_name(diag::Severity::Warning, sarif)) == "warning");
  CHECK(std::string(emit::severity_name(diag::Severity::Info, sarif)) == "note");
}

TEST_CASE("a finding with a line is placed by line and column, one without by its cell") {
  diag::SourceLocation text;
  text.line = 12;
  text.column = 3;
  text.table_name = "三";
  CHECK(emit::line_or_logical(text, emit::Lang::Zh) == "12:3");
  CHECK(emit::with_logical_location(text, emit::Lang::Zh, "m") == "m");

  diag::SourceLocation word;
  word.table_name = "三";
  word.row_label = "（一）予以公开";
  word.column_label = "自然人";
  word.part = "word/document.xml";
  word.table = 1;
  const std::string logical = "表三「（一）予以公开」自然人 (word/document.xml, 第2个表格)";
  CHECK(emit::line_or_logical(word, emit::Lang::Zh) == logical);
  CHECK(emit::with_logical_location(word, emit::Lang::Zh, "m") == logical + ": m");

  const diag::SourceLocation nowhere;
  CHECK(emit::with_logical_location(nowhere, emit::Lang::Zh, "m") == "m");
}
