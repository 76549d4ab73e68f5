#include <xxgk/rules/cross.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;
using rules::cross::Summary;

namespace {

Summary summary(std::size_t index, int year, const std::string& agency, const std::string& source) {
  Summary s;
  s.index = index;
  s.year = year;
  s.agency = agency;
  s.source = source;
  s.template_id = "2021";
  return s;
}

void set(Summary& s, const std::string& path, const std::string& value) {
  s.figures[path].set(value);
}

} // namespace

TEST_CASE("X-CARRY compares 上年结转 with last year's 结转下年度, column by column") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  set(a, "requests.carried_forward.natural_person", "2");
  set(a, "requests.carried_forward.total", "2");
  set(b, "requests.carried_over.natural_person", "3");
  set(b, "requests.carried_over.total", "2");
  const auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].index == 1);
  CHECK(findings[0].diagnostic.rule == "X-CARRY");
  CHECK(findings[0].diagnostic.message.find("a.txt") != std::string::npos);
  CHECK(findings[0].diagnostic.message.find("自然人") != std::string::npos);
  CHECK(findings[0].diagnostic.cells ==
        std::vector<std::string>{"requests.carried_over.natural_person",
                                 "requests.carried_forward.natural_person"});
}

TEST_CASE("cross-document checks group by normalized agency name and skip missing years") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红 星 镇", "b.txt"); // whitespace in the title: the same agency
  Summary c = summary(2, 2024, "红星镇", "c.txt");   // no 2023 report: nothing to compare
  Summary d = summary(3, 2022, "白云乡", "d.txt");   // another agency
  set(a, "requests.carried_forward.total", "2");
  set(b, "requests.carried_over.total", "5");
  set(c, "requests.carried_over.total", "9");
  set(d, "requests.carried_over.total", "7");
  const auto findings = rules::cross::check({a, b, c, d});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].index == 1);
}

TEST_CASE("X-VALID: 现行有效件数 = last year's + 本年制发 − 本年废止, 2021 template only") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  set(a, "active.normative_documents.in_force", "9");
  set(b, "active.normative_documents.issued", "3");
  set(b, "active.normative_documents.repealed", "1");
  set(b, "active.normative_documents.in_force", "12");
  auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].diagnostic.rule == "X-VALID");
  CHECK(findings[0].diagnostic.severity == diag::Severity::Warning);
  CHECK(findings[0].diagnostic.message.find("计算 11") != std::string::npos);
  set(b, "active.normative_documents.in_force", "11");
  CHECK(rules::cross::check({a, b}).empty());
  a.template_id = "2019";
  set(b, "active.normative_documents.in_force", "12");
  CHECK(rules::cross::check({a, b}).empty());
}

TEST_CASE("X-DUP: the same agency and year twice with different figures, not identical copies") {
  Summary a = summary(0, 2022, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  a.fingerprint = b.fingerprint = 0x123;
  CHECK(rules::cross::check({a, b}).empty());
  b.fingerprint = 0x124;
  const auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].diagnostic.rule == "X-DUP");
  CHECK(findings[0].index == 1);
  CHECK(findings[0].diagnostic.message.find("a.txt") != std::string::npos);
}

TEST_CASE("X-TEXT: more than half of the narrative identical to last year's") {
  Summary a = summary(0, 2021, "红星镇", "a.txt");
  Summary b = summary(1, 2022, "红星镇", "b.txt");
  a.paragraph_hashes = {1, 2, 3};
  a.paragraph_chars = {10, 10, 10};
  a.narrative_chars = 30;
  b.paragraph_hashes = {1, 2, 9};
  b.paragraph_chars = {10, 10, 10};
  b.narrative_chars = 30;
  auto findings = rules::cross::check({a, b});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].diagnostic.rule == "X-TEXT");
  CHECK(findings[0].diagnostic.message.find("66%") != std::string::npos);
  b.paragraph_hashes = {1, 8, 9};
  CHECK(rules::cross::check({a, b}).empty());
}

TEST_CASE("every cross-document rule has metadata") {
  for (const auto& r : rules::cross::rule_metas()) {
    CHECK(r.id.starts_with("X-"));
    CHECK(!r.title.empty());
    CHECK(!r.title_en.empty());
    CHECK(!r.description.empty());
  }
}
