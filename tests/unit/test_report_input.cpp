#include "convert_test_helpers.hpp"

#include <xxgk/emit/report_rows.hpp>
#include <xxgk/report/input.hpp>
#include <xxgk/report/template_map.hpp>

#include <sstream>

using namespace xxgk;

TEST_CASE("the normalized JSON reads back to the same cells for every sample") {
  for (const auto& file : test::sample_files()) {
    CAPTURE(file);
    const auto original = test::extract_bytes(test::repo_file(file));
    const auto& t = test::tmpl(original.report.template_id.c_str());
    const std::string json = emit::report_json(original.report, t).dump(2);
    REQUIRE(report::looks_like_report_json(json));
    CHECK_FALSE(report::looks_like_report_csv(json));
    const auto back = report::report_from_json(json, t);
    REQUIRE(back.has_value());
    CHECK(test::cells_json(*back) == test::cells_json(original.report));
    CHECK(back->title == original.report.title);
    CHECK(back->year == original.report.year);
  }
}

TEST_CASE("JSON null is a blank cell and decimals keep their digits") {
  const std::string json =
      R"({"template":"2021","active":{"fees":{"amount":96171.6},"licensing":{"decisions":null}},)"
      R"("requests":{"new_received":{"total":"—"}}})";
  const auto r = report::report_from_json(json, test::tmpl("2021"));
  REQUIRE(r.has_value());
  CHECK(r->active.fees.amount.state == report::CellState::Number);
  CHECK(r->active.fees.amount.value->to_string() == "96171.6");
  CHECK(r->active.licensing.decisions.state == report::CellState::Blank);
  CHECK(r->requests.new_received.total.state == report::CellState::Placeholder);
  CHECK(r->requests.carried_over.total.state == report::CellState::Absent);
}

TEST_CASE("CSV rows of model paths read back as reports") {
  const std::string csv = "source,template,year,agency,errors,warnings,"
                          "active.fees.amount,requests.new_received.total,"
                          "review_litigation.review.upheld\n"
                          "a.docx,2021,2022,\"某县, 人民政府\",0,1,12.50,7,\n";
  REQUIRE(report::looks_like_report_csv(csv));
  CHECK_FALSE(report::looks_like_report_json(csv));
  const auto reports = report::reports_from_csv(csv);
  REQUIRE(reports.has_value());
  REQUIRE(reports->size() == 1);
  const auto& r = reports->front();
  CHECK(r.template_id == "2021");
  CHECK(r.year == 2022);
  CHECK(r.agency == "某县, 人民政府");
  CHECK(r.active.fees.amount.value->to_string() == "12.50");
  CHECK(r.requests.new_received.total.value->units == 7);
  CHECK(r.review_litigation.review.upheld.state == report::CellState::Blank);
}

TEST_CASE("a 2019 report carried over to 2021 keeps only the cells that map cleanly") {
  const auto original = test::extract_bytes(test::repo_file("samples/lishui-bureau-2020.txt"));
  REQUIRE(original.report.template_id == "2019");
  std::vector<std::string> dropped;
  const auto r = report::convert_2019_to_2021(original.report, test::tmpl("2019"), dropped);
  CHECK(r.template_id == "2021");
  CHECK(test::cells_json(r).find("\"requests\"") != std::string::npos);
  // 表三 and 表四 unchanged; 处理决定数量 carried; （六） → （六）3.其他.
  CHECK(test::cells_json(r) != "");
  CHECK(r.requests.new_received.total.raw == original.report.requests.new_received.total.raw);
  CHECK(r.active.licensing.decisions.raw == original.report.active.licensing.decisions.raw);
  CHECK(r.requests.other_reasons.total.raw == original.report.requests.other_handling.total.raw);
  CHECK(r.requests.other_overdue_fee.total.state != report::CellState::Number);
  // Never an invented value: 2019 （八） item counts are not 2021 收费金额.
  CHECK(r.active.fees.amount.state == report::CellState::Absent);
  CHECK(r.active.regulations.issued.state == report::CellState::Absent);
  CHECK(std::find(dropped.begin(), dropped.end(), "active.fees.previous_items") != dropped.end());
  CHECK(std::find(dropped.begin(), dropped.end(), "active.licensing.decisions") == dropped.end());
}

TEST_CASE("the batch CSV rows read back to the same cells for every sample") {
  std::ostringstream csv;
  emit::write_report_csv_header(csv);
  std::vector<std::string> expected;
  for (const auto& file : test::sample_files()) {
    emit::ReportResult result;
    result.source = file;
    result.report = test::extract_bytes(test::repo_file(file)).report;
    result.tmpl = &test::tmpl(result.report.template_id.c_str());
    emit::write_report_csv_row(result, csv);
    expected.push_back(test::cells_json(result.report));
  }
  REQUIRE(report::looks_like_report_csv(csv.str()));
  const auto back = report::reports_from_csv(csv.str());
  REQUIRE(back.has_value());
  REQUIRE(back->size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(test::sample_files()[i]);
    CHECK(test::cells_json((*back)[i]) == expected[i]);
  }
}
