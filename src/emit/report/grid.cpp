// The template's tables as grids of printed cells (merged labels, header rows, the report's
// figures), one model shared by the Markdown, text, Word and Excel writers of a report.

#include <xxgk/emit/convert.hpp>
#include <xxgk/report/fields.hpp>

#include <fmt/format.h>

namespace xxgk::emit {

namespace {

GridCell label(std::string text, int span = 1, VMerge vmerge = VMerge::None) {
  GridCell c;
  c.paras = {std::move(text)};
  c.span = span;
  c.vmerge = vmerge;
  c.header = true;
  return c;
}

GridCell continued(int span = 1) {
  GridCell c;
  c.paras = {""};
  c.span = span;
  c.vmerge = VMerge::Continue;
  c.header = true;
  return c;
}

GridCell value(const report::Report& r, std::string path, int span = 1) {
  GridCell c;
  const report::Cell* cell = report::find_cell(r, path);
  c.paras = {cell != nullptr ? cell_text(*cell) : std::string{}};
  c.span = span;
  c.path = std::move(path);
  return c;
}

/// 表二: per block a caption row, a header row (信息内容 | columns) and the data rows. The grid is
/// as wide as the widest block; a narrower block's last column spans the rest.
Grid active_grid(const report::Report& r, const schema::Table& t) {
  Grid g;
  g.table = t.key;
  std::size_t widest = 0;
  for (const auto& b : t.blocks) {
    widest = std::max(widest, b.columns.size());
  }
  g.columns = static_cast<int>(widest) + 1;
  const std::string info = t.header_labels.empty() ? "信息内容" : t.header_labels.front().text;
  for (const auto& b : t.blocks) {
    g.rows.push_back({label(b.caption.text, g.columns)});
    const auto n = b.columns.size();
    auto span_of = [&](std::size_t i) { return i + 1 == n ? static_cast<int>(widest - n + 1) : 1; };
    GridRow header{label(info)};
    for (std::size_t i = 0; i < n; ++i) {
      header.push_back(label(b.columns[i].label.text, span_of(i)));
    }
    g.rows.push_back(std::move(header));
    for (const auto& row : b.rows) {
      GridRow data{label(row.label.text)};
      for (std::size_t i = 0; i < n; ++i) {
        data.push_back(value(r, t.key + "." + row.key + "." + b.columns[i].key, span_of(i)));
      }
      g.rows.push_back(std::move(data));
    }
  }
  return g;
}

/// 表三: three header rows under the 勾稽 note, then the rows; group labels are vertically merged
/// cells (三、本年度办理结果 in column 1, （三）…（六） in column 2).
Grid requests_grid(const report::Report& r, const schema::Table& t) {
  Grid g;
  g.table = t.key;
  g.columns = 3 + static_cast<int>(t.columns.size());
  auto header_text = [&](std::string_view fallback, std::size_t index) {
    return index < t.header_labels.size() ? t.header_labels[index].text : std::string(fallback);
  };
  const std::string applicants = header_text("申请人情况", 0);
  const std::string legal = header_text("法人或其他组织", 1);
  const std::string note =
      header_text("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 2);
  const auto ncols = t.columns.size();
  g.rows.push_back({label(note, 3, VMerge::Restart), label(applicants, static_cast<int>(ncols))});
  if (ncols >= 3) {
    GridRow r2{continued(3), label(t.columns.front().label.text, 1, VMerge::Restart),
               label(legal, static_cast<int>(ncols - 2)),
               label(t.columns.back().label.text, 1, VMerge::Restart)};
    GridRow r3{continued(3), continued()};
    for (std::size_t i = 1; i + 1 < ncols; ++i) {
      r3.push_back(label(t.columns[i].label.text));
    }
    r3.push_back(continued());
    g.rows.push_back(std::move(r2));
    g.rows.push_back(std::move(r3));
  }
  auto group = [&](const std::string& key) -> const schema::Group* {
    for (const auto& gr : t.groups) {
      if (gr.key == key) {
        return &gr;
      }
    }
    return nullptr;
  };
  bool outer_open = false;
  std::string inner_open;
  for (const auto& row : t.rows) {
    GridRow out;
    if (row.group.empty()) {
      out.push_back(label(row.label.text, 3));
      outer_open = false;
      inner_open.clear();
    } else {
      const schema::Group* outer = group("results");
      if (!outer_open) {
        out.push_back(
            label(outer != nullptr ? outer->label.text : "三、本年度办理结果", 1, VMerge::Restart));
        outer_open = true;
      } else {
        out.push_back(continued());
      }
      if (row.group == "results") {
        out.push_back(label(row.label.text, 2));
        inner_open.clear();
      } else {
        if (inner_open != row.group) {
          const schema::Group* inner = group(row.group);
          out.push_back(
              label(inner != nullptr ? inner->label.text : row.group, 1, VMerge::Restart));
          inner_open = row.group;
        } else {
          out.push_back(continued());
        }
        out.push_back(label(row.label.text));
      }
    }
    for (const auto& c : t.columns) {
      out.push_back(value(r, t.key + "." + row.key + "." + c.key));
    }
    g.rows.push_back(std::move(out));
  }
  return g;
}

/// 表四: 行政复议 | 行政诉讼 over the blocks, the column labels, and one row of values.
Grid flat_grid(const report::Report& r, const schema::Table& t) {
  Grid g;
  g.table = t.key;
  const auto ncols = t.columns.size();
  g.columns = static_cast<int>(ncols * t.rows.size());
  const int w = static_cast<int>(ncols);
  const std::string litigation = t.header_labels.empty() ? "行政诉讼" : t.header_labels[0].text;
  if (t.rows.size() == 3) {
    g.rows.push_back({label(t.rows[0].label.text, w), label(litigation, 2 * w)});
    GridRow r2;
    for (const auto& c : t.columns) {
      r2.push_back(label(c.label.text, 1, VMerge::Restart));
    }
    r2.push_back(label(t.rows[1].label.text, w));
    r2.push_back(label(t.rows[2].label.text, w));
    GridRow r3;
    for (std::size_t i = 0; i < ncols; ++i) {
      r3.push_back(continued());
    }
    for (int b = 0; b < 2; ++b) {
      for (const auto& c : t.columns) {
        r3.push_back(label(c.label.text));
      }
    }
    g.rows.push_back(std::move(r2));
    g.rows.push_back(std::move(r3));
  } else {
    GridRow r1;
    GridRow r2;
    for (const auto& row : t.rows) {
      r1.push_back(label(row.label.text, w));
      for (const auto& c : t.columns) {
        r2.push_back(label(c.label.text));
      }
    }
    g.rows.push_back(std::move(r1));
    g.rows.push_back(std::move(r2));
  }
  GridRow values;
  for (const auto& row : t.rows) {
    for (const auto& c : t.columns) {
      values.push_back(value(r, t.key + "." + row.key + "." + c.key));
    }
  }
  g.rows.push_back(std::move(values));
  return g;
}

} // namespace

std::string cell_text(const report::Cell& cell) {
  switch (cell.state) {
  case report::CellState::Number:
    return cell.value ? cell.value->to_string() : cell.raw;
  case report::CellState::Placeholder:
  case report::CellState::Text:
    return cell.raw;
  case report::CellState::Absent:
  case report::CellState::Blank:
    break;
  }
  return {};
}

std::string report_title(const report::Report& report) {
  if (!report.title.empty()) {
    return report.title;
  }
  return fmt::format("{}{}政府信息公开工作年度报告", report.agency.value_or(""),
                     report.year ? fmt::format("{}年", *report.year) : std::string{});
}

std::vector<Grid> template_grids(const report::Report& report, const schema::Template& tmpl) {
  std::vector<Grid> out;
  for (const auto& t : tmpl.tables) {
    switch (t.layout) {
    case schema::Layout::Blocks:
      out.push_back(active_grid(report, t));
      break;
    case schema::Layout::Rows:
      out.push_back(requests_grid(report, t));
      break;
    case schema::Layout::Flat:
      out.push_back(flat_grid(report, t));
      break;
    }
  }
  return out;
}

} // namespace xxgk::emit
