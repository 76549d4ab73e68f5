#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

using namespace xxgk;

namespace {

/// An RFC 4180 reader, for checking that what the writer quotes reads back.
std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
    } else if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty()) {
    rows.pop_back();
  }
  return rows;
}

} // namespace

TEST_CASE("CSV has a header and one CRLF-terminated row per finding") {
  const auto batch =
      test::batch_of({"samples/invalid/T3-ROW.txt", "samples/dongfanghong-2023.txt"});
  const std::string out = test::emit_to_string(emit::write_csv, batch);
  CHECK(out.starts_with("\xEF\xBB\xBFsource,line,column,table,row,column_label,severity,rule,"
                        "message,cells,agency,year,template,fingerprint\r\n"));
  const auto rows = parse_csv(out.substr(3));
  std::size_t findings = 0;
  for (const auto& r : batch.reports) {
    findings += r.diagnostics.size();
  }
  CHECK(rows.size() == findings + 1);
  for (const auto& row : rows) {
    CHECK(row.size() == 14);
  }
  CHECK(rows[1][0] == "samples/invalid/T3-ROW.txt");
  CHECK(rows[1][1] == "107");
  CHECK(rows[1][7] == "T3-ROW");
}

TEST_CASE("CSV quotes fields with commas, quotes and line breaks (RFC 4180)") {
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.severity = diag::Severity::Error;
  d.message = "a, \"b\"\nc";
  d.cells = {"requests.new_received.total", "requests.carried_over.total"};
  const auto batch = test::synthetic_batch("x.txt", {d});
  const std::string out = test::emit_to_string(emit::write_csv, batch);
  CHECK(out.find(",error,T3-ROW,\"a, \"\"b\"\"\nc\",requests.new_received.total "
                 "requests.carried_over.total,测试县,2023,2021,") != std::string::npos);
  const auto rows = parse_csv(out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1][8] == "a, \"b\"\nc");
}

TEST_CASE("CSV starts with a BOM and has Chinese headers for people (--headers zh)") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  emit::OutputOptions options;
  options.headers = report::Headers::Zh;
  const std::string out = test::emit_to_string(emit::write_csv, batch, options);
  CHECK(out.starts_with("\xEF\xBB\xBF文件,行号,列号,表,行,列,级别,规则,说明,单元格,机关,年度,"
                        "模板,指纹\r\n"));
}
