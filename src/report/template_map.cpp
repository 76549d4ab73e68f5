// 2019 → 2021 (format.md §5a): which cells keep their meaning across the templates.

#include <xxgk/report/fields.hpp>
#include <xxgk/report/template_map.hpp>

#include <set>

namespace xxgk::report {

namespace {

/// Cells of 表二 that keep their meaning from 2019 to 2021 (format.md §5a D3/D4): only
/// 处理决定数量 → 本年处理决定数量. 本年新制作数量 → 本年制发件数 and 对外公开总数量 → 现行有效件数
/// are approximations with different semantics, and 2019 （八） counts items, not money: none of
/// them is carried over.
constexpr std::string_view k_active_same[] = {
    "active.licensing.decisions",
    "active.punishment.decisions",
    "active.coercion.decisions",
};

bool carries(std::string_view path) {
  if (path.starts_with("requests.") || path.starts_with("review_litigation.")) {
    return true; // D8: table 三's other rows and table 四 are unchanged
  }
  for (const auto p : k_active_same) {
    if (p == path) {
      return true;
    }
  }
  return false;
}

bool has_content(const report::Cell& c) {
  return c.state == report::CellState::Number || c.state == report::CellState::Placeholder ||
         c.state == report::CellState::Text;
}

} // namespace

report::Report convert_2019_to_2021(const report::Report& report, const schema::Template& from,
                                    std::vector<std::string>& dropped) {
  report::Report out;
  out.source = report.source;
  out.format = report.format;
  out.template_id = "2021";
  out.year = report.year;
  out.agency = report.agency;
  out.title = report.title;
  out.sections = report.sections;
  for (const auto& path : from.cell_paths()) {
    const report::Cell* src = report::find_cell(report, path);
    if (src == nullptr) {
      continue;
    }
    if (path.starts_with("requests.other_handling.")) {
      // D7: 2019 has one （六）其他处理 row; 2021 splits it into three. The whole row goes to
      // （六）3.其他; 1. and 2. stay blank: the 2019 report did not say how many were overdue.
      const std::string column = path.substr(std::string_view("requests.other_handling.").size());
      *report::find_cell(out, "requests.other_reasons." + column) = *src;
      *report::find_cell(out, "requests.other_handling." + column) = *src; // the derived sum
      report::Cell blank;
      blank.state = src->state == report::CellState::Absent ? report::CellState::Absent
                                                            : report::CellState::Blank;
      *report::find_cell(out, "requests.other_overdue_correction." + column) = blank;
      *report::find_cell(out, "requests.other_overdue_fee." + column) = blank;
      continue;
    }
    if (carries(path)) {
      *report::find_cell(out, path) = *src;
    } else if (has_content(*src)) {
      dropped.push_back(path);
    }
  }
  return out;
}

} // namespace xxgk::report
