#include "emit_test_helpers.hpp"

#include <doctest/doctest.h>

using namespace xxgk;

namespace {

/// Fingerprints of the findings of a report given as text.
std::vector<std::string> fingerprints_of(const std::string& text, const std::string& source) {
  emit::ReportResult r;
  r.source = source;
  const auto ex = test::extract_text(text);
  r.report = ex.report;
  r.diagnostics = ex.diagnostics;
  for (auto& d : rules::check(ex.report, *schema::bundled_template(ex.report.template_id))) {
    r.diagnostics.push_back(d);
  }
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) {
    out.push_back(d.rule + " " + emit::fingerprint(r, d));
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("fingerprints survive moved lines, edited prose and a renamed file") {
  const std::string text = test::repo_file("samples/invalid/T3-ROW.txt");
  const auto before = fingerprints_of(text, "samples/invalid/T3-ROW.txt");
  REQUIRE(before.size() >= 2);
  // Three more lines of prose after the title move every table line down.
  const auto eol = text.find('\n');
  const std::string edited =
      text.substr(0, eol + 1) + "\n（本报告经修订。）\n\n" + text.substr(eol + 1);
  CHECK(fingerprints_of(edited, "elsewhere/renamed.txt") == before);
}

TEST_CASE("fingerprints differ by rule, cells and report") {
  emit::ReportResult a;
  a.source = "a.txt";
  a.report.agency = "红星镇";
  a.report.year = 2021;
  diag::Diagnostic d;
  d.rule = "T3-ROW";
  d.cells = {"requests.granted.total", "requests.granted.natural_person"};
  d.location.line = 107;
  const std::string fp = emit::fingerprint(a, d);
  CHECK(fp.size() == 16);
  diag::Diagnostic moved = d;
  moved.location.line = 200;
  moved.message = "另一个数字";
  std::reverse(moved.cells.begin(), moved.cells.end());
  CHECK(emit::fingerprint(a, moved) == fp);
  diag::Diagnostic other_rule = d;
  other_rule.rule = "T3-BAL";
  CHECK(emit::fingerprint(a, other_rule) != fp);
  diag::Diagnostic other_cells = d;
  other_cells.cells = {"requests.denied_inquiry.total"};
  CHECK(emit::fingerprint(a, other_cells) != fp);
  emit::ReportResult next_year = a;
  next_year.report.year = 2022;
  CHECK(emit::fingerprint(next_year, d) != fp);
  // The agency is compared normalized (full-width and spacing variants are the same agency).
  emit::ReportResult spaced = a;
  spaced.report.agency = "红星镇 ";
  CHECK(emit::fingerprint(spaced, d) == fp);
}

TEST_CASE("every output format is listed once and found by name") {
  std::set<std::string> names;
  for (const auto& f : emit::formats()) {
    CHECK(names.insert(std::string(f.name)).second);
    CHECK(emit::find_format(f.name) == &f);
  }
  for (const char* n : {"text", "json", "sarif", "junit", "github", "gitlab", "csv", "html"}) {
    CHECK(names.count(n) == 1);
  }
  CHECK(emit::find_format("yaml") == nullptr);
}
