#include "test_helpers.hpp"

#include <xxgk/report/fields.hpp>

#include <doctest/doctest.h>

#include <map>

using namespace xxgk;

namespace {

/// The template with only its table rules (the structure and prose rules need a document).
const schema::Template& table_rules(const char* id) {
  static std::map<std::string, schema::Template> k_cache;
  auto it = k_cache.find(id);
  if (it == k_cache.end()) {
    schema::Template t = test::tmpl(id);
    const std::set<std::string> kinds = {"sum",        "equal", "at_least",
                                         "value_type", "blank", "template_year"};
    std::erase_if(t.rules, [&](const schema::Rule& r) { return kinds.count(r.kind) == 0; });
    it = k_cache.emplace(id, std::move(t)).first;
  }
  return it->second;
}

/// A 2021 report whose every template cell is 0.
report::Report zero_report(const schema::Template& t) {
  report::Report r;
  r.template_id = t.id;
  r.year = 2022;
  for (const auto& p : t.cell_paths()) {
    report::Cell* c = report::find_cell(r, p);
    REQUIRE(c != nullptr);
    c->state = report::CellState::Number;
    c->value = util::Number{0, 0};
    c->raw = "0";
  }
  return r;
}

void set(report::Report& r, const char* path, std::int64_t v) {
  report::Cell* c = report::find_cell(r, path);
  REQUIRE(c != nullptr);
  c->state = report::CellState::Number;
  c->value = util::Number{v, 0};
  c->raw = std::to_string(v);
}

} // namespace

TEST_CASE("an all-zero report passes every rule of both templates") {
  for (const char* id : {"2019", "2021"}) {
    const auto& t = table_rules(id);
    report::Report r = zero_report(t);
    r.year = id == std::string("2019") ? 2020 : 2022;
    CHECK(rules::check(r, t).empty());
  }
}

TEST_CASE("T3-ROW: a row total that is not the sum of the applicant columns") {
  const auto& t = table_rules("2021");
  report::Report r = zero_report(t);
  set(r, "requests.granted.natural_person", 2);
  set(r, "requests.granted.total", 3);
  // keep the other rules satisfied in the total column
  set(r, "requests.total_processed.total", 3);
  set(r, "requests.total_processed.natural_person", 2);
  set(r, "requests.new_received.total", 3);
  set(r, "requests.new_received.natural_person", 2);
  const auto ds = rules::check(r, t);
  CHECK(test::rule_ids(ds) == std::set<std::string>{"T3-ROW"});
  CHECK(ds.size() == 3); // the rows 一、（一） and （七） each
  const diag::Diagnostic* d = nullptr;
  for (const auto& x : ds) {
    if (x.cells.front() == "requests.granted.total") {
      d = &x;
    }
  }
  REQUIRE(d != nullptr);
  CHECK(d->severity == diag::Severity::Error);
  CHECK(d->message.find("报告 3，计算 2") != std::string::npos);
  CHECK(d->cells.size() == 7);
}

TEST_CASE("T3-DISP and T3-BAL name the column and the cells involved") {
  const auto& t = table_rules("2021");
  report::Report r = zero_report(t);
  set(r, "requests.new_received.research", 1);
  set(r, "requests.new_received.total", 1);
  const auto ds = rules::check(r, t);
  CHECK(test::rule_ids(ds) == std::set<std::string>{"T3-BAL"});
  REQUIRE(ds.size() == 2); // 科研机构 and 总计 columns
  CHECK(ds[0].message.find("科研机构") != std::string::npos);

  report::Report r2 = zero_report(t);
  set(r2, "requests.other_reasons.other", 1);
  set(r2, "requests.other_reasons.total", 1);
  set(r2, "requests.carried_forward.other", -1); // wrong sign on purpose: T3-INT too
  const auto ds2 = rules::check(r2, t);
  CHECK(test::rule_ids(ds2).count("T3-DISP") == 1);
  CHECK(test::rule_ids(ds2).count("T3-INT") == 1);
}

TEST_CASE("T4-SUM-B checks the direct-litigation block only") {
  const auto& t = table_rules("2021");
  report::Report r = zero_report(t);
  set(r, "review_litigation.litigation_direct.upheld", 2);
  const auto ds = rules::check(r, t);
  CHECK(test::rule_ids(ds) == std::set<std::string>{"T4-SUM-B"});
  CHECK(ds.front().message.find("报告 0，计算 2") != std::string::npos);
}

TEST_CASE("blank cells count as 0 and are listed once per table") {
  const auto& t = table_rules("2021");
  report::Report r = zero_report(t);
  for (const char* p : {"requests.granted.commercial", "requests.granted.research"}) {
    report::Cell* c = report::find_cell(r, p);
    c->state = report::CellState::Blank;
    c->value.reset();
    c->raw.clear();
    c->where.line = 10;
  }
  const auto ds = rules::check(r, t);
  CHECK(test::rule_ids(ds) == std::set<std::string>{"T3-BLANK"});
  REQUIRE(ds.size() == 1);
  CHECK(ds[0].cells.size() == 2);
  CHECK(ds[0].severity == diag::Severity::Warning);
}

TEST_CASE("value types: text, negatives, decimals and signed changes") {
  const auto& t19 = table_rules("2019");
  report::Report r = zero_report(t19);
  r.year = 2020;
  set(r, "active.licensing.previous_items", 3);
  set(r, "active.licensing.change", -2); // signed: fine
  CHECK(rules::check(r, t19).empty());
  set(r, "active.licensing.change", -5); // 3 - 5 < 0
  CHECK(test::rule_ids(rules::check(r, t19)) == std::set<std::string>{"T2-ITEMS-NEG"});
  set(r, "active.licensing.change", 0);
  report::Cell* c = report::find_cell(r, "active.licensing.decisions");
  c->value = util::Number{15, 1};
  CHECK(test::rule_ids(rules::check(r, t19)) == std::set<std::string>{"T2-INT"});
  c->value = util::Number{0, 0};
  report::Cell* amount = report::find_cell(r, "active.procurement.amount");
  amount->value = util::Number{152, 2};
  CHECK(rules::check(r, t19).empty()); // decimals are fine for amounts
  amount->state = report::CellState::Text;
  amount->raw = "约1万";
  CHECK(test::rule_ids(rules::check(r, t19)) == std::set<std::string>{"T2-AMT"});
}

TEST_CASE("X-FMT fires only for the 2019 layout after 2020") {
  const auto& t19 = table_rules("2019");
  report::Report r = zero_report(t19);
  r.year = 2020;
  CHECK(rules::check(r, t19).empty());
  r.year = 2021;
  CHECK(test::rule_ids(rules::check(r, t19)) == std::set<std::string>{"X-FMT"});
}

TEST_CASE("a check whose cell is missing or not a number is skipped, not guessed") {
  const auto& t = table_rules("2021");
  report::Report r = zero_report(t);
  report::find_cell(r, "review_litigation.review.total")->state = report::CellState::Absent;
  set(r, "review_litigation.review.upheld", 4);
  CHECK(rules::check(r, t).empty());
}

TEST_CASE("T3-DISP sums （六）其他处理's group total when its sub-rows are blank (substitutes)") {
  const auto& t = table_rules("2021");
  const auto* disp = t.rule("T3-DISP");
  REQUIRE(disp != nullptr);
  REQUIRE(disp->substitutes.size() == 1); // data in schemas/2021.json, not code
  auto blank = [](report::Report& r, const std::string& path) {
    report::Cell* c = report::find_cell(r, path);
    REQUIRE(c != nullptr);
    *c = report::Cell{};
  };
  // A single （六） row read as the group's total: other_handling 2, sub-rows never read.
  report::Report r = zero_report(t);
  for (const char* row : {"other_overdue_correction", "other_overdue_fee", "other_reasons"}) {
    for (const auto& col : t.table("requests")->columns) {
      blank(r, std::string("requests.") + row + "." + col.key);
    }
  }
  set(r, "requests.other_handling.natural_person", 2);
  set(r, "requests.other_handling.total", 2);
  set(r, "requests.total_processed.natural_person", 2);
  set(r, "requests.total_processed.total", 2);
  set(r, "requests.new_received.natural_person", 2);
  set(r, "requests.new_received.total", 2);
  auto ds = rules::check(r, t);
  CHECK(test::rule_ids(ds).count("T3-DISP") == 0);
  // A wrong total is still caught, and the message names the group total.
  set(r, "requests.total_processed.natural_person", 3);
  ds = rules::check(r, t);
  const diag::Diagnostic* d = nullptr;
  for (const auto& x : ds) {
    if (x.rule == "T3-DISP") {
      d = &x;
    }
  }
  REQUIRE(d != nullptr);
  CHECK(d->message.find("计算 2") != std::string::npos);
  CHECK(std::find(d->cells.begin(), d->cells.end(), "requests.other_handling.natural_person") !=
        d->cells.end());
  // Sub-rows with figures are summed as before; the group total is not added on top.
  report::Report r2 = zero_report(t);
  set(r2, "requests.other_reasons.natural_person", 1);
  set(r2, "requests.other_reasons.total", 1);
  set(r2, "requests.other_handling.natural_person", 1);
  set(r2, "requests.other_handling.total", 1);
  set(r2, "requests.total_processed.natural_person", 1);
  set(r2, "requests.total_processed.total", 1);
  set(r2, "requests.new_received.natural_person", 1);
  set(r2, "requests.new_received.total", 1);
  CHECK(test::rule_ids(rules::check(r2, t)).count("T3-DISP") == 0);
}

TEST_CASE("rules are compiled once per template; a copy of the template compiles its own rules") {
  const auto& t = table_rules("2021");
  report::Report r = zero_report(t);
  set(r, "requests.new_received.total", 5); // T3-ROW: the row's columns sum to 0
  const auto before = test::rule_ids(rules::check(r, t));
  REQUIRE(before.count("T3-ROW") == 1);
  CHECK(test::rule_ids(rules::check(r, t)) == before); // the compiled program, run again

  schema::Template copy = t; // edited after the original was compiled
  std::erase_if(copy.rules, [](const schema::Rule& rule) { return rule.id == "T3-ROW"; });
  const auto without = test::rule_ids(rules::check(r, copy));
  CHECK(without.count("T3-ROW") == 0);
  CHECK(without.size() + 1 == before.size());
  CHECK(test::rule_ids(rules::check(r, t)) == before); // the original keeps its program

  schema::Template assigned = test::tmpl("2021");
  CHECK(test::rule_ids(rules::check(r, assigned)).count("T3-ROW") == 1);
  assigned = copy; // assignment drops the compiled program too
  CHECK(test::rule_ids(rules::check(r, assigned)).count("T3-ROW") == 0);
}
