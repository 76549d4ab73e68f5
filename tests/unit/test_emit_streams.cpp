// Streams (emit/streams.hpp): each format writes report by report exactly what the whole-batch
// writer wrote, and late (cross-document) findings come after the reports.

#include "../../src/emit/streams.hpp"
#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

using namespace xxgk;

namespace {

diag::Diagnostic finding(const std::string& rule, diag::Severity severity, int line) {
  diag::Diagnostic d;
  d.rule = rule;
  d.severity = severity;
  d.message = rule + " 的消息";
  d.location.line = line;
  d.location.column = 2;
  return d;
}

emit::Batch two_reports() {
  emit::Batch batch =
      test::synthetic_batch("a.txt", {finding("T3-ROW", diag::Severity::Error, 3),
                                      finding("S-FEE", diag::Severity::Warning, 9)});
  emit::ReportResult unreadable;
  unreadable.source = "b.docx";
  unreadable.readable = false;
  unreadable.read_error = "not a zip";
  batch.reports.push_back(unreadable);
  emit::ReportResult clean = batch.reports.front();
  clean.source = "c.txt";
  clean.diagnostics.clear();
  batch.reports.push_back(clean);
  return batch;
}

std::string streamed(const emit::Format& format, const emit::Batch& batch,
                     const std::vector<emit::LateFindings>& late, const emit::Totals& totals) {
  std::ostringstream out;
  auto stream = emit::make_stream(format, batch.rules, {}, out);
  for (const auto& r : batch.reports) {
    stream->report(r);
  }
  stream->finish(late, totals);
  return out.str();
}

} // namespace

TEST_CASE("JsonArrayWriter writes what dump(2) writes, empty or not, at any depth") {
  const nlohmann::ordered_json element = {{"a", 1}, {"b", {1, 2, {{"c", "x\ny"}}}}, {"d", {}}};
  for (int depth = 0; depth < 3; ++depth) {
    for (const std::size_t n : {0u, 1u, 3u}) {
      nlohmann::ordered_json array = nlohmann::ordered_json::array();
      std::ostringstream out;
      emit::JsonArrayWriter w(out, depth);
      for (std::size_t i = 0; i < n; ++i) {
        array.push_back(element);
        w.push(element);
      }
      w.close();
      // The array `depth` containers deep: wrap it and compare the whole dump.
      nlohmann::ordered_json whole = array;
      std::string prefix;
      std::string suffix;
      for (int d = 0; d < depth; ++d) {
        whole = nlohmann::ordered_json::array({whole});
        prefix += "[\n" + std::string(static_cast<std::size_t>(d + 1) * 2, ' ');
        suffix = "\n" + std::string(static_cast<std::size_t>(d) * 2, ' ') + "]" + suffix;
      }
      CHECK(prefix + out.str() + suffix == whole.dump(2));
    }
  }
}

TEST_CASE("every format writes the same bytes streamed as written whole") {
  const emit::Batch batch = two_reports();
  for (const auto& format : emit::formats()) {
    CAPTURE(format.name);
    CHECK(streamed(format, batch, {}, emit::totals_of(batch)) ==
          test::emit_to_string(format.write, batch));
  }
}

TEST_CASE("late findings follow the reports in streamed formats and join their report otherwise") {
  emit::Batch batch = two_reports();
  emit::LateFindings late;
  late.index = 2;
  late.result = batch.reports[2];
  late.result.diagnostics = {finding("X-DUP", diag::Severity::Error, 0)};
  // The totals count the late finding with its report (c.txt now has an error).
  emit::Batch merged = batch;
  merged.reports[2].diagnostics = late.result.diagnostics;
  const emit::Totals totals = emit::totals_of(merged);

  const std::string text = streamed(*emit::find_format("text"), batch, {late}, totals);
  const auto dup = text.find("[X-DUP]");
  REQUIRE(dup != std::string::npos);
  CHECK(text.find("[S-FEE]") < dup);
  CHECK(text.find("3 reports checked: 3 errors") > dup);

  const auto j = nlohmann::json::parse(streamed(*emit::find_format("json"), batch, {late}, totals));
  REQUIRE(j["cross_document"].size() == 1);
  CHECK(j["cross_document"][0]["source"] == "c.txt");
  CHECK(j["cross_document"][0]["diagnostics"][0]["rule"] == "X-DUP");
  CHECK(j["reports"][2]["diagnostics"].empty());
  CHECK(j["summary"]["with_errors"] == 2);
  // No late findings, no "cross_document" key.
  CHECK_FALSE(
      nlohmann::json::parse(streamed(*emit::find_format("json"), batch, {}, emit::totals_of(batch)))
          .contains("cross_document"));

  // A buffered format (JUnit) puts the finding into its report, as if found with the rest.
  CHECK(streamed(*emit::find_format("junit"), batch, {late}, totals) ==
        test::emit_to_string(emit::write_junit, merged));
}
