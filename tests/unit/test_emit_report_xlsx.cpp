#include "emit_test_helpers.hpp"

#include <xxgk/emit/xlsx.hpp>

#include <doctest/doctest.h>
#include <zip.h>

#include <map>
#include <memory>
#include <regex>

using namespace xxgk;

namespace {

/// The parts of a zip (an .xlsx) by name.
std::map<std::string, std::string> unzip(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(source != nullptr);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  const zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const auto index = static_cast<zip_uint64_t>(i);
    zip_stat_t st;
    zip_stat_index(archive, index, 0, &st);
    zip_file_t* f = zip_fopen_index(archive, index, 0);
    REQUIRE(f != nullptr);
    std::string data(static_cast<std::size_t>(st.size), '\0');
    zip_fread(f, data.data(), st.size);
    zip_fclose(f);
    out[st.name] = data;
  }
  zip_close(archive);
  zip_error_fini(&error);
  return out;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + what.size())) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("One report in Excel: a sheet per table with merged headers, numbers, comments") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  const auto& r = batch.reports.front();
  REQUIRE(r.readable);
  const auto bytes = emit::xlsx_report(r, batch.rules, emit::Lang::Zh);
  REQUIRE(bytes.has_value());
  CHECK(bytes->starts_with("PK"));
  const auto parts = unzip(*bytes);
  const std::string& book = parts.at("xl/workbook.xml");
  for (const char* sheet : {"概况", "表二", "表三", "表四", "问题"}) {
    CAPTURE(sheet);
    CHECK(book.find(std::string("name=\"") + sheet + "\"") != std::string::npos);
  }
  // 表三 (the third sheet): the template's merged header cells, and numbers stored as numbers
  // (cells without t="s").
  const std::string& t3 = parts.at("xl/worksheets/sheet3.xml");
  CHECK(count(t3, "<mergeCell ") >= 5);
  CHECK(std::regex_search(t3, std::regex(R"(<c r="[A-Z]+[0-9]+" s="[0-9]+"><v>[0-9]+</v></c>)")));
  // The T3-ROW finding is a comment on its cell, and the cell is coloured.
  bool comment = false;
  for (const auto& [name, data] : parts) {
    if (name.starts_with("xl/comments")) {
      comment = comment || data.find("T3-ROW") != std::string::npos;
    }
  }
  CHECK(comment);
  CHECK(parts.at("xl/styles.xml").find("FFFFC7CE") != std::string::npos);
  // The same report gives the same bytes (a fixed creation time).
  CHECK(*emit::xlsx_report(r, batch.rules, emit::Lang::Zh) == *bytes);
}

TEST_CASE("Many reports in Excel: a row per report with Chinese headers, and the findings") {
  const auto batch =
      test::batch_of({"samples/invalid/T3-ROW.txt", "samples/dongfanghong-2023.txt"});
  const auto bytes =
      emit::xlsx_report_rows(batch.reports, batch.rules, emit::Lang::Zh, report::Headers::Zh);
  REQUIRE(bytes.has_value());
  const auto parts = unzip(*bytes);
  CHECK(parts.at("xl/workbook.xml").find("name=\"报告\"") != std::string::npos);
  CHECK(parts.at("xl/workbook.xml").find("name=\"问题\"") != std::string::npos);
  const std::string& strings = parts.at("xl/sharedStrings.xml");
  CHECK(strings.find("三.（一）予以公开.自然人") != std::string::npos);
  // Both sheets have filters.
  CHECK(parts.at("xl/worksheets/sheet1.xml").find("<autoFilter ") != std::string::npos);
  CHECK(parts.at("xl/worksheets/sheet2.xml").find("<autoFilter ") != std::string::npos);
}

TEST_CASE("check --format xlsx writes the findings as one sheet with filters") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  const std::string out = test::emit_to_string(emit::write_xlsx, batch);
  const auto parts = unzip(out);
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  CHECK(sheet.find("<autoFilter ") != std::string::npos);
  CHECK(parts.at("xl/sharedStrings.xml").find("T3-ROW") != std::string::npos);
}
