// The full check against the SARIF 2.1.0 schema is the CTest test emit/sarif-schema
// (tests/validate_sarif.py); these tests pin what code scanning relies on.

#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace xxgk;

TEST_CASE("SARIF has the rules in tool.driver.rules and a result per finding") {
  const auto batch =
      test::batch_of({"samples/invalid/T3-ROW.txt", "samples/dongfanghong-2023.txt"});
  const auto j = nlohmann::json::parse(test::emit_to_string(emit::write_sarif, batch));
  CHECK(j["version"] == "2.1.0");
  const auto& run = j["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "xxgk");
  // The rules that ran: every rule of the reports' templates.
  std::set<std::string> ran;
  for (const auto& r : batch.reports) {
    ran.insert(r.rules_checked.begin(), r.rules_checked.end());
  }
  CHECK(run["tool"]["driver"]["rules"].size() == ran.size());
  std::size_t findings = 0;
  for (const auto& r : batch.reports) {
    findings += r.diagnostics.size();
  }
  CHECK(run["results"].size() == findings);
  const auto& first = run["results"][0];
  CHECK(first["ruleId"] == "T3-ROW");
  CHECK(first["level"] == "error");
  const auto& loc = first["locations"][0];
  CHECK(loc["physicalLocation"]["artifactLocation"]["uri"] == "samples/invalid/T3-ROW.txt");
  CHECK(loc["physicalLocation"]["region"]["startLine"] == 107);
  CHECK(loc["physicalLocation"]["region"]["startColumn"] == 2);
  CHECK(loc["logicalLocations"][0]["name"] == "表三「（一）予以公开」总计");
  CHECK(loc["logicalLocations"][0]["fullyQualifiedName"] == "requests.granted.total");
  CHECK(first["partialFingerprints"]["xxgk/v1"].get<std::string>().size() == 16);
  CHECK(run["columnKind"] == "unicodeCodePoints");
}

TEST_CASE("SARIF locations of Word inputs name the file and the table cell, without a region") {
  const auto batch =
      test::batch_of({"tests/golden/check-word-text/lishui-bureau-2020-errors.docx"});
  const auto j = nlohmann::json::parse(test::emit_to_string(emit::write_sarif, batch));
  bool found = false;
  for (const auto& res : j["runs"][0]["results"]) {
    if (res["ruleId"] == "T4-SUM-A") {
      found = true;
      const auto& loc = res["locations"][0];
      CHECK_FALSE(loc["physicalLocation"].contains("region"));
      CHECK(loc["logicalLocations"][0]["name"] == "表四「行政复议」总计");
      CHECK(res["properties"]["location"]["part"] == "word/document.xml");
    }
  }
  CHECK(found);
}

TEST_CASE("SARIF URIs percent-encode non-ASCII file names and mark unreadable inputs") {
  const auto batch = test::batch_of({"no/such 报告.txt"});
  const auto j = nlohmann::json::parse(test::emit_to_string(emit::write_sarif, batch));
  const auto& run = j["runs"][0];
  CHECK(run["artifacts"][0]["location"]["uri"] == "no/such%20%E6%8A%A5%E5%91%8A.txt");
  CHECK(run["invocations"][0]["executionSuccessful"] == false);
  CHECK(run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"] ==
        "no such file");
}
