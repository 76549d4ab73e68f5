#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace xxgk;

TEST_CASE("GitLab Code Quality issues have the required fields and unique fingerprints") {
  const auto batch =
      test::batch_of({"samples/invalid/T3-ROW.txt", "samples/dongfanghong-2023.txt",
                      "tests/golden/check-word-text/lishui-bureau-2020-errors.docx"});
  const auto j = nlohmann::json::parse(test::emit_to_string(emit::write_gitlab, batch));
  REQUIRE(j.is_array());
  std::set<std::string> fingerprints;
  for (const auto& issue : j) {
    CHECK(issue["description"].is_string());
    CHECK(issue["check_name"].is_string());
    CHECK(issue["location"]["path"].is_string());
    CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
    const std::string severity = issue["severity"];
    CHECK((severity == "info" || severity == "minor" || severity == "major" ||
           severity == "critical" || severity == "blocker"));
    fingerprints.insert(issue["fingerprint"].get<std::string>());
  }
  CHECK(fingerprints.size() == j.size());
  CHECK(j[0]["check_name"] == "T3-ROW");
  CHECK(j[0]["severity"] == "major");
  CHECK(j[0]["location"]["lines"]["begin"] == 107);
}
