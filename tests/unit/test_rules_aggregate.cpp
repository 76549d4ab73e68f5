#include <xxgk/report/fields.hpp>
#include <xxgk/rules/aggregate.hpp>
#include <xxgk/schema/schema.hpp>

#include <doctest/doctest.h>

#include <limits>
#include <string>

using namespace xxgk;
using rules::aggregate::Accumulator;
using rules::aggregate::Note;

namespace {

const schema::Template& t2021() {
  const schema::Template* t = schema::bundled_template("2021");
  REQUIRE(t != nullptr);
  return *t;
}

report::Report report_of(int year, const std::string& agency) {
  report::Report r;
  r.template_id = "2021";
  r.year = year;
  r.agency = agency;
  // Every cell of the template blank unless set below: as a report whose tables were all found.
  for (const auto& path : t2021().cell_paths()) {
    report::find_cell(r, path)->state = report::CellState::Blank;
  }
  return r;
}

/// Sets a cell as extraction would: "" is blank, "—" a placeholder, digits a number, else text.
void set(report::Report& r, const std::string& path, const std::string& text) {
  report::Cell* c = report::find_cell(r, path);
  REQUIRE(c != nullptr);
  c->raw = text;
  const util::ParsedValue v = util::parse_value(text);
  switch (v.kind) {
  case util::ValueKind::Blank:
    c->state = report::CellState::Blank;
    break;
  case util::ValueKind::Placeholder:
    c->state = report::CellState::Placeholder;
    break;
  case util::ValueKind::Number:
    c->state = report::CellState::Number;
    c->value = v.number;
    break;
  case util::ValueKind::Text:
    c->state = report::CellState::Text;
    break;
  }
}

std::string value(const report::Report& r, const std::string& path) {
  const report::Cell* c = report::find_cell(r, path);
  REQUIRE(c != nullptr);
  if (c->state != report::CellState::Number || !c->value) {
    return "null";
  }
  return c->value->to_string();
}

int count(const std::vector<Note>& notes, Note::Kind kind) {
  int n = 0;
  for (const auto& note : notes) {
    n += note.kind == kind ? 1 : 0;
  }
  return n;
}

} // namespace

TEST_CASE(
    "aggregate sums every cell exactly; blank and placeholders count as 0, text is left out") {
  report::Report a = report_of(2022, "红星镇");
  report::Report b = report_of(2022, "白云乡");
  report::Report c = report_of(2022, "黄河街道");
  set(a, "requests.new_received.natural_person", "7");
  set(b, "requests.new_received.natural_person", "12");
  set(c, "requests.new_received.natural_person", "86");
  set(a, "active.fees.amount", "1.25");
  set(b, "active.fees.amount", "0.5");
  set(c, "active.fees.amount", "1234");
  set(a, "review_litigation.review.total", "3");
  set(b, "review_litigation.review.total", "—");
  set(c, "review_litigation.review.total", "约2");
  set(a, "active.licensing.decisions", "1,036");

  Accumulator acc(t2021());
  CHECK(acc.add(a, "a.txt").size() > 0);
  acc.add(b, "b.txt");
  const auto notes = acc.add(c, "c.txt");
  CHECK(acc.count() == 3);
  const report::Report total = acc.total();
  // Hand-computed: 7 + 12 + 86 = 105; 1.25 + 0.5 + 1234 = 1235.75; 3 + 0 (—) + (约2 left out) = 3.
  CHECK(value(total, "requests.new_received.natural_person") == "105");
  CHECK(value(total, "active.fees.amount") == "1235.75");
  CHECK(value(total, "review_litigation.review.total") == "3");
  CHECK(value(total, "active.licensing.decisions") == "1036");
  // Blank in all three: 0, not null.
  CHECK(value(total, "requests.granted.research") == "0");
  CHECK(total.year == 2022);
  CHECK_FALSE(total.agency.has_value());
  CHECK(total.title.find("3份报告合计") != std::string::npos);

  REQUIRE(count(notes, Note::Kind::NotANumber) == 1);
  for (const auto& n : notes) {
    if (n.kind == Note::Kind::NotANumber) {
      CHECK(n.source == "c.txt");
      CHECK(n.path == "review_litigation.review.total");
      CHECK(n.raw == "约2");
    }
  }
  // Notes come ordered by kind: blanks first.
  CHECK(notes.front().kind == Note::Kind::BlankAsZero);
}

TEST_CASE("aggregate leaves out cells not found and makes a total null only when nothing added") {
  report::Report a = report_of(2021, "红星镇");
  report::Report b = report_of(2022, "白云乡");
  report::find_cell(a, "requests.granted.total")->state = report::CellState::Absent;
  report::find_cell(b, "requests.granted.total")->state = report::CellState::Absent;
  report::find_cell(b, "requests.denied_inquiry.total")->state = report::CellState::Absent;
  set(a, "requests.denied_inquiry.total", "4");
  Accumulator acc(t2021());
  acc.add(a, "a.txt");
  const auto notes = acc.add(b, "b.txt");
  CHECK(count(notes, Note::Kind::NotFound) == 2);
  const report::Report total = acc.total();
  CHECK(value(total, "requests.granted.total") == "null");
  CHECK(value(total, "requests.denied_inquiry.total") == "4");
  CHECK_FALSE(total.year.has_value()); // 2021 and 2022 mixed
}

TEST_CASE("an aggregate total that passes 64 bits is null and noted, never wrapped") {
  report::Report a = report_of(2022, "a");
  report::Report b = report_of(2022, "b");
  set(a, "requests.granted.total", "9223372036854775807");
  set(b, "requests.granted.total", "1");
  Accumulator acc(t2021());
  acc.add(a, "a.txt");
  const auto notes = acc.add(b, "b.txt");
  CHECK(count(notes, Note::Kind::Overflow) == 1);
  CHECK(acc.overflowed());
  CHECK(value(acc.total(), "requests.granted.total") == "null");
}

TEST_CASE("X-AGG names each cell where the district's report differs from the sum") {
  report::Report unit1 = report_of(2022, "红星镇");
  report::Report unit2 = report_of(2022, "白云乡");
  set(unit1, "active.licensing.decisions", "36");
  set(unit2, "active.licensing.decisions", "5231");
  set(unit1, "requests.granted.natural_person", "4");
  Accumulator acc(t2021());
  acc.add(unit1, "u1.txt");
  acc.add(unit2, "u2.txt");
  report::Report own = report_of(2022, "青山区");
  set(own, "active.licensing.decisions", "5300"); // the sum is 5267
  set(own, "requests.granted.natural_person", "4");
  report::find_cell(own, "active.licensing.decisions")->where.line = 42;
  const auto diags = rules::aggregate::compare(own, acc.total(), acc.count(), t2021());
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "X-AGG");
  CHECK(diags[0].severity == diag::Severity::Error);
  CHECK(diags[0].cells == std::vector<std::string>{"active.licensing.decisions"});
  CHECK(diags[0].location.line == 42);
  CHECK(diags[0].message.find("行政许可") != std::string::npos);
  CHECK(diags[0].message.find("报告 5300") != std::string::npos);
  CHECK(diags[0].message.find("合计 5267") != std::string::npos);

  // A blank district cell counts as 0 against a sum of 4.
  set(own, "requests.granted.natural_person", "");
  const auto blank = rules::aggregate::compare(own, acc.total(), acc.count(), t2021());
  CHECK(blank.size() == 2);
}

TEST_CASE("--expect: missing units are errors at their line, unlisted ones infos") {
  const auto units =
      rules::aggregate::parse_units("\xEF\xBB\xBF# 青山区\n红星镇\n\n  白云乡 \r\n# x\n绿水村\n");
  REQUIRE(units.size() == 3);
  CHECK(units[0].name == "红星镇");
  CHECK(units[0].line == 2);
  CHECK(units[1].name == "白云乡");
  CHECK(units[2].line == 6);
  // Names compare normalized: width, white space and brackets do not matter.
  const std::vector<rules::aggregate::Present> present = {
      {"红星镇", "a.txt"}, {"白 云 乡", "b.txt"}, {"黄河街道（办事处）", "c.txt"}};
  const auto diags = rules::aggregate::check_units(units, present, "units.txt");
  REQUIRE(diags.size() == 2);
  CHECK(diags[0].rule == "X-MISSING");
  CHECK(diags[0].location.line == 6);
  CHECK(diags[0].message.find("绿水村") != std::string::npos);
  CHECK(diags[1].rule == "X-UNLISTED");
  CHECK(diags[1].severity == diag::Severity::Info);
  CHECK(diags[1].message.find("c.txt") != std::string::npos);
}
