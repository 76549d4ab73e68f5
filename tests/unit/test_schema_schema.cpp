#include "test_helpers.hpp"

#include <xxgk/schema/schema.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

TEST_CASE("both bundled templates load and declare their cells") {
  REQUIRE(schema::bundled_templates().size() == 2);
  const auto& t19 = test::tmpl("2019");
  const auto& t21 = test::tmpl("2021");
  // 2019: 22 + 23×7 + 15 cells (表二: 3+3+3+3+3+3+2+2); 2021: 10 + (25 + derived （六）)×7 + 15.
  CHECK(t19.cell_paths().size() == 22 + 23 * 7 + 15);
  CHECK(t21.cell_paths().size() == 10 + 26 * 7 + 15);
  CHECK(t21.column_of("active.fees.amount")->type == schema::ValueType::Amount);
  CHECK(t19.column_of("active.licensing.change")->type == schema::ValueType::SignedCount);
  CHECK(t21.cell_label("requests.new_received.total") ==
        "表三「一、本年新收政府信息公开申请数量」总计");
}

TEST_CASE("a schema file on disk matches the embedded copy") {
  for (const char* id : {"2019", "2021"}) {
    auto loaded = schema::load_template(test::repo_file(std::string("schemas/") + id + ".json"));
    REQUIRE(loaded.has_value());
    CHECK(loaded->rules.size() == test::tmpl(id).rules.size());
  }
}

TEST_CASE("schema errors name the offending entry") {
  auto bad_json = schema::load_template("{");
  REQUIRE_FALSE(bad_json.has_value());
  CHECK(bad_json.error().message.find("invalid JSON") != std::string::npos);

  std::string text = test::repo_file("schemas/2021.json");
  const auto pos = text.find("\"kind\": \"sum\"");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 13, "\"kind\": \"avg\"");
  auto bad_kind = schema::load_template(text);
  REQUIRE_FALSE(bad_kind.has_value());
  CHECK(bad_kind.error().message.find("unknown rule kind \"avg\"") != std::string::npos);
  CHECK(bad_kind.error().message.find("$.rules[") != std::string::npos);
}

TEST_CASE("a schema may not declare cells the report model lacks") {
  std::string text = test::repo_file("schemas/2021.json");
  const auto pos = text.find("\"key\": \"issued\"");
  REQUIRE(pos != std::string::npos);
  text.replace(pos, 15, "\"key\": \"bogus1\"");
  auto bad = schema::load_template(text);
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().message.find("active.regulations.bogus1") != std::string::npos);
}
