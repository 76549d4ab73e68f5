#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>
#include <pugixml.hpp>

using namespace xxgk;

TEST_CASE("JUnit output parses and has a testsuite per report and a testcase per rule checked") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt", "samples/dongfanghong-2023.txt",
                                     "tests/golden/check-word-text/lishui-bureau-2020-errors.docx",
                                     "no/such/report.txt"});
  const std::string xml = test::emit_to_string(emit::write_junit, batch);
  pugi::xml_document doc;
  const auto parsed = doc.load_string(xml.c_str());
  REQUIRE_MESSAGE(parsed, parsed.description());
  const auto suites = doc.child("testsuites");
  REQUIRE(suites);
  const auto list = suites.children("testsuite");
  REQUIRE(std::distance(list.begin(), list.end()) == 4);

  int total_tests = 0;
  int total_failures = 0;
  std::size_t i = 0;
  for (const auto& suite : list) {
    const auto& r = batch.reports[i++];
    CHECK(std::string(suite.attribute("name").value()) == r.source);
    const auto cases = suite.children("testcase");
    const int n = static_cast<int>(std::distance(cases.begin(), cases.end()));
    CHECK(suite.attribute("tests").as_int() == n);
    int failures = 0;
    for (const auto& tc : cases) {
      failures += tc.child("failure") ? 1 : 0;
    }
    CHECK(suite.attribute("failures").as_int() == failures);
    total_tests += n;
    total_failures += failures;
    if (!r.readable) {
      CHECK(suite.attribute("errors").as_int() == 1);
      CHECK(suite.child("testcase").child("error"));
      continue;
    }
    CHECK(n >= static_cast<int>(r.rules_checked.size()));
    // A failure for every rule with an error or warning, and only for those.
    std::set<std::string> failing;
    for (const auto& d : r.diagnostics) {
      if (d.severity != diag::Severity::Info) {
        failing.insert(d.rule);
      }
    }
    CHECK(failures == static_cast<int>(failing.size()));
  }
  CHECK(suites.attribute("tests").as_int() == total_tests);
  CHECK(suites.attribute("failures").as_int() == total_failures);
}

TEST_CASE("a JUnit failure lists every finding of its rule with its location") {
  const auto batch = test::batch_of({"samples/invalid/T3-ROW.txt"});
  pugi::xml_document doc;
  REQUIRE(doc.load_string(test::emit_to_string(emit::write_junit, batch).c_str()));
  const auto tc = doc.select_node("//testcase[starts-with(@name, 'T3-ROW ')]").node();
  REQUIRE(tc);
  const std::string text = tc.child("failure").text().get();
  CHECK(text.find("samples/invalid/T3-ROW.txt:107:2: error: ") != std::string::npos);
  CHECK(text.find("samples/invalid/T3-ROW.txt:117:2: error: ") != std::string::npos);
  CHECK(std::string(tc.child("failure").attribute("type").value()) == "error");
}

TEST_CASE("infos do not fail a JUnit testcase") {
  const auto batch = test::batch_of({"samples/invalid/EXTRACT-FUZZY.txt"});
  pugi::xml_document doc;
  REQUIRE(doc.load_string(test::emit_to_string(emit::write_junit, batch).c_str()));
  const auto tc = doc.select_node("//testcase[@name='EXTRACT-FUZZY']").node();
  REQUIRE(tc);
  CHECK_FALSE(tc.child("failure"));
  CHECK(std::string(tc.child("system-out").text().get()).find("info: ") != std::string::npos);
}
