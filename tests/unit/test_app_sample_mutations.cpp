// Issue acceptance: changing any single number of tables 三 and 四 in the real sample gives an
// error whose cells include that cell, located on the right line.

#include "test_helpers.hpp"

#include <xxgk/report/fields.hpp>
#include <xxgk/util/text.hpp>

#include <doctest/doctest.h>

using namespace xxgk;

TEST_CASE("every single changed number of tables 三 and 四 in the sample is an error at its cell") {
  const std::string original = test::repo_file("samples/dongfanghong-2023.txt");
  const auto base = test::extract_text(original);
  const auto& tmpl = test::tmpl("2019");
  auto lines = util::split_lines(original);
  int checked = 0;
  for (const auto& path : tmpl.cell_paths()) {
    if (path.rfind("active.", 0) == 0) {
      continue; // 表二's cells are independent figures: no rule relates them
    }
    const report::Cell* cell = report::find_cell(base.report, path);
    REQUIRE(cell != nullptr);
    REQUIRE(cell->where.line > 0);
    CAPTURE(path);
    // Put 3 where the cell's text is (or after the TAB of an empty cell).
    std::string mutated;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::string line(lines[i]);
      if (static_cast<int>(i) + 1 == cell->where.line) {
        line =
            cell->raw.empty() ? line + "3" : line.substr(0, line.size() - cell->raw.size()) + "3";
      }
      mutated += line + "\n";
    }
    const auto ex = test::extract_text(mutated);
    const report::Cell* changed = report::find_cell(ex.report, path);
    REQUIRE(changed->value.has_value());
    CHECK(changed->value->units == 3);
    CHECK(changed->where.line == cell->where.line);
    bool found = false;
    for (const auto& d : rules::check(ex.report, tmpl)) {
      if (d.severity == diag::Severity::Error &&
          std::find(d.cells.begin(), d.cells.end(), path) != d.cells.end()) {
        found = true;
        // The finding is located on one of the cells it names.
        bool on_a_cell = false;
        for (const auto& p : d.cells) {
          on_a_cell = on_a_cell || report::find_cell(ex.report, p)->where.line == d.location.line;
        }
        CHECK(on_a_cell);
      }
    }
    CHECK(found);
    ++checked;
  }
  CHECK(checked == 23 * 7 + 15);
}
