#pragma once
// The field table: model path → member, so rules and emitters address cells by the keys of
// spec/model.md without reflection.

#include <xxgk/report/report.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::report {

struct Field {
  std::string_view path;
  Cell& (*get)(Report&);
};

/// Every cell path the structs hold, in a fixed order.
const std::vector<Field>& fields();
Cell* find_cell(Report& r, std::string_view path);
const Cell* find_cell(const Report& r, std::string_view path);

/// The three keys of a cell's model path `table.row.column`, e.g. requests.new_received.total.
struct PathKeys {
  std::string table;
  std::string row;
  std::string column;
};
PathKeys path_keys(std::string_view path);

} // namespace xxgk::report
