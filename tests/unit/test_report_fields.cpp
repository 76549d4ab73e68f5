#include <xxgk/report/fields.hpp>

#include <doctest/doctest.h>

#include <set>

using namespace xxgk;

TEST_CASE("every field has a stable index: field_index and cell_at agree with find_cell") {
  report::Report r;
  std::set<std::string_view> paths;
  for (std::size_t i = 0; i < report::fields().size(); ++i) {
    const std::string_view path = report::fields()[i].path;
    CHECK(paths.insert(path).second); // paths are unique
    const report::CellIndex index = report::field_index(path);
    REQUIRE(index == i);
    CHECK(report::cell_at(r, index) == report::find_cell(r, path));
  }
  CHECK(report::field_index("requests.new_received.total") != report::k_no_cell);
  CHECK(&report::fields()[report::field_index("requests.new_received.total")].get(r) ==
        &r.requests.new_received.total);
}

TEST_CASE("an unknown path has no index and no cell") {
  report::Report r;
  for (const char* path : {"", "requests", "requests.new_received", "requests.nope.total",
                           "requests.new_received.total.x"}) {
    CHECK(report::field_index(path) == report::k_no_cell);
    CHECK(report::find_cell(r, path) == nullptr);
  }
  CHECK(report::cell_at(r, report::k_no_cell) == nullptr);
}
