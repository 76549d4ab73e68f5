// The rule kinds (src/rules/kinds.cpp) against the one list of kinds, schemas/template.schema.json.

#include "test_helpers.hpp"

#include <xxgk/rules/engine.hpp>
#include <xxgk/schema/schema.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace xxgk;

TEST_CASE("every kind template.schema.json declares has an evaluator, and only those") {
  const auto& kinds = schema::rule_kinds();
  REQUIRE(kinds.size() >= 15);
  for (const auto& k : kinds) {
    CAPTURE(k.name);
    CHECK(rules::has_evaluator(k.name));
    CHECK_FALSE(k.description.empty());
  }
  CHECK_FALSE(rules::has_evaluator("avg"));
  for (const auto& t : schema::bundled_templates()) {
    for (const auto& r : t.rules) {
      CAPTURE(r.id);
      CHECK(schema::rule_kind(r.kind) != nullptr);
    }
  }
}

TEST_CASE("the fields a kind requires come from template.schema.json") {
  const schema::RuleKind* sum = schema::rule_kind("sum");
  REQUIRE(sum != nullptr);
  CHECK(sum->required == std::vector<std::string>{"target", "terms"});
  REQUIRE(schema::rule_kind("at_least") != nullptr);
  CHECK(schema::rule_kind("at_least")->required == std::vector<std::string>{"terms"});
  REQUIRE(schema::rule_kind("sections") != nullptr);
  CHECK(schema::rule_kind("sections")->required.empty());

  // A rule without them is rejected with the JSON path of the rule.
  std::string text = test::repo_file("schemas/2021.json");
  const auto pos = text.find("\"kind\": \"value_type\"");
  REQUIRE(pos != std::string::npos);
  const auto cells = text.find("\"cells\"", pos);
  REQUIRE(cells != std::string::npos);
  text.replace(cells, 7, "\"cellz\"");
  const auto bad = schema::load_template(text);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("a \"value_type\" rule needs \"cells\"") != std::string::npos);
  CHECK(bad.error().message.find("$.rules[") != std::string::npos);
}
