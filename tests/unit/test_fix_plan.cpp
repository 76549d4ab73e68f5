// xxgk fix: which cells the template's identities decide (src/fix/plan.cpp).

#include "test_helpers.hpp"

#include <xxgk/fix/plan.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

namespace {

/// The real 2021 sample with the value lines after a row label replaced: `values` maps
/// (row label prefix, index 0..6 of the value) to the new text ("" = blank).
std::string sample_with(const std::vector<std::tuple<std::string, int, std::string>>& values) {
  const std::string original = test::repo_file("samples/hongxing-2021.txt");
  auto lines = util::split_lines(original);
  std::vector<std::string> out(lines.begin(), lines.end());
  for (const auto& [label, index, text] : values) {
    bool found = false;
    for (std::size_t i = 0; i < out.size() && !found; ++i) {
      if (out[i].rfind("\t" + label, 0) == 0) {
        out[i + 1 + static_cast<std::size_t>(index)] = "\t" + text;
        found = true;
      }
    }
    REQUIRE_MESSAGE(found, label);
  }
  std::string joined;
  for (const auto& l : out) {
    joined += l + "\n";
  }
  return joined;
}

const fix::Change* change_of(const fix::Plan& p, std::string_view path) {
  for (const auto& c : p.changes) {
    if (c.path == path) {
      return &c;
    }
  }
  return nullptr;
}

} // namespace

TEST_CASE("a clean report has nothing to fix") {
  const auto ex = test::extract_text(test::repo_file("samples/hongxing-2021.txt"));
  const auto plan = fix::plan(ex.report, test::tmpl("2021"), true);
  CHECK(plan.changes.empty());
  CHECK(plan.refused.empty());
}

TEST_CASE("blank row totals are filled with the row's sum, and nothing else changes") {
  const auto ex =
      test::extract_text(sample_with({{"一、本年新收", 6, ""}, {"（一）予以公开", 6, ""}}));
  const auto plan = fix::plan(ex.report, test::tmpl("2021"), false);
  REQUIRE(plan.changes.size() == 2);
  const auto* a = change_of(plan, "requests.new_received.total");
  const auto* b = change_of(plan, "requests.granted.total");
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->value.to_string() == "16");
  CHECK(a->rule == "T3-ROW");
  CHECK_FALSE(a->unsafe);
  CHECK(a->was_blank);
  CHECK(b->value.to_string() == "6");
  CHECK(b->where.line > 0);
  // Applied, the report passes every rule it failed for these cells.
  report::Report fixed = ex.report;
  fix::apply(fixed, plan);
  const auto ids = test::rule_ids(rules::check(fixed, test::tmpl("2021")));
  CHECK(ids.count("T3-ROW") == 0);
  CHECK(ids.count("T3-DISP") == 0);
  CHECK(ids.count("T3-BAL") == 0);
}

TEST_CASE("a blank part is what the total leaves for it") {
  // 自然人 of （一）予以公开 is 4 in the sample; total 6.
  const auto ex = test::extract_text(sample_with({{"（一）予以公开", 0, ""}}));
  const auto plan = fix::plan(ex.report, test::tmpl("2021"), false);
  const auto* c = change_of(plan, "requests.granted.natural_person");
  REQUIRE(c != nullptr);
  CHECK(c->value.to_string() == "4");
}

TEST_CASE("a blank total whose column sum would not agree is left alone") {
  // The row total is blank, and the 总计 column's own total disagrees with the other rows: the
  // row's sum would not make the column add up, so the cell is not decided.
  const auto ex =
      test::extract_text(sample_with({{"（一）予以公开", 6, ""}, {"（七）总计", 6, "30"}}));
  const auto plan = fix::plan(ex.report, test::tmpl("2021"), false);
  CHECK(change_of(plan, "requests.granted.total") == nullptr);
}

TEST_CASE("a disputed total: left alone by default, replaced by its parts' sum with unsafe") {
  const auto ex = test::extract_text(sample_with({{"（一）予以公开", 6, "8"}}));
  const auto safe = fix::plan(ex.report, test::tmpl("2021"), false);
  CHECK(safe.changes.empty());
  // Listed first (template order): the row total; the （七）总计 column total it throws off is
  // listed too, as undecidable.
  REQUIRE(safe.refused.size() >= 1);
  CHECK(safe.refused.front().path == "requests.granted.total");
  CHECK(safe.refused.front().reason.find("--unsafe") != std::string::npos);
  const auto unsafe = fix::plan(ex.report, test::tmpl("2021"), true);
  REQUIRE(unsafe.changes.size() == 1);
  CHECK(unsafe.changes.front().path == "requests.granted.total");
  CHECK(unsafe.changes.front().value.to_string() == "6");
  CHECK(unsafe.changes.front().old_text == "8");
  CHECK(unsafe.changes.front().unsafe);
}

TEST_CASE("a cell in two disagreeing identities is never touched, not even with unsafe") {
  // A part is wrong (自然人 6 instead of 4): the row total disagrees with the parts, but the column
  // identities disagree with the parts too — the total is not the odd one out.
  const auto ex = test::extract_text(sample_with({{"（一）予以公开", 0, "6"}}));
  const auto plan = fix::plan(ex.report, test::tmpl("2021"), true);
  CHECK(plan.changes.empty());
  REQUIRE(plan.refused.size() >= 1);
  CHECK(plan.refused.front().path == "requests.granted.total");
  CHECK(plan.refused.front().reason.find("T3-DISP") != std::string::npos);
}

TEST_CASE("blank parts of a row whose total is 0 become 0") {
  // 1.属于国家秘密 is all 0 in the sample: its six applicant cells blanked, total 0.
  const auto ex = test::extract_text(sample_with({{"1.属于国家秘密", 0, ""},
                                                  {"1.属于国家秘密", 1, ""},
                                                  {"1.属于国家秘密", 2, ""},
                                                  {"1.属于国家秘密", 3, ""},
                                                  {"1.属于国家秘密", 4, ""},
                                                  {"1.属于国家秘密", 5, ""}}));
  const auto plan = fix::plan(ex.report, test::tmpl("2021"), false);
  REQUIRE(plan.changes.size() == 6);
  for (const auto& c : plan.changes) {
    CHECK(c.path.rfind("requests.denied_state_secret.", 0) == 0);
    CHECK(c.value.to_string() == "0");
  }
}
