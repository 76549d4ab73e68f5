#include <xxgk/diag/diagnostic.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

namespace {
diag::Diagnostic at_block(const char* rule, int block, int paragraph, int table, int row) {
  diag::Diagnostic d;
  d.rule = rule;
  d.location.part = "word/document.xml";
  d.location.block = block;
  d.location.paragraph = paragraph;
  d.location.table = table;
  d.location.row = row;
  return d;
}
} // namespace

TEST_CASE("Word findings sort in document order: paragraphs and table cells interleaved") {
  std::vector<diag::Diagnostic> ds = {
      at_block("P-FIGURE", 30, 17, -1, -1), at_block("T4-SUM-A", 28, -1, 2, 3),
      at_block("P-FIGURE", 9, 7, -1, -1),   at_block("T3-ROW", 20, -1, 1, 4),
      at_block("T3-BAL", 20, -1, 1, 2),     at_block("READ-REVISIONS", -1, -1, -1, -1),
  };
  diag::sort_diagnostics(ds);
  std::vector<std::string> rules;
  for (const auto& d : ds) {
    rules.push_back(d.rule);
  }
  CHECK(rules == std::vector<std::string>{"READ-REVISIONS", "P-FIGURE", "T3-BAL", "T3-ROW",
                                          "T4-SUM-A", "P-FIGURE"});
  CHECK(ds[1].location.paragraph == 7);
  CHECK(ds[5].location.paragraph == 17);
}

TEST_CASE("text findings sort by line and column before anything else") {
  std::vector<diag::Diagnostic> ds(3);
  ds[0].rule = "B";
  ds[0].location.line = 9;
  ds[1].rule = "A";
  ds[1].location.line = 3;
  ds[1].location.column = 5;
  ds[2].rule = "C";
  ds[2].location.line = 3;
  ds[2].location.column = 2;
  diag::sort_diagnostics(ds);
  CHECK(ds[0].rule == "C");
  CHECK(ds[1].rule == "A");
  CHECK(ds[2].rule == "B");
}

TEST_CASE("severities convert to and from their names") {
  diag::Severity s = diag::Severity::Info;
  CHECK(diag::parse_severity("error", s));
  CHECK(s == diag::Severity::Error);
  CHECK(diag::to_string(diag::Severity::Warning) == "warning");
  CHECK_FALSE(diag::parse_severity("fatal", s));
}
