#pragma once
// The field table: model path → member, so rules and emitters address cells by the keys of
// spec/model.md without reflection.

#include <xxgk/report/report.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
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

/// A cell's stable index: its position in fields(), the same for every report and template.
/// Code that reads the same cells of many reports resolves each path once (field_index) and then
/// reads every report by index (cell_at), without string work.
using CellIndex = std::uint16_t;
inline constexpr CellIndex k_no_cell = std::numeric_limits<CellIndex>::max();
/// The index of a model path, or k_no_cell when no field has that path.
CellIndex field_index(std::string_view path);
/// The cell at `index` (< fields().size()); nullptr for k_no_cell, as find_cell for an unknown
/// path.
inline const Cell* cell_at(const Report& r, CellIndex index) {
  return index == k_no_cell ? nullptr : &fields()[index].get(const_cast<Report&>(r));
}

/// The three keys of a cell's model path `table.row.column`, e.g. requests.new_received.total.
struct PathKeys {
  std::string table;
  std::string row;
  std::string column;
};
PathKeys path_keys(std::string_view path);

} // namespace xxgk::report
