// `convert --to markdown`: the title, the section headings and the three tables as pipe tables.

#include <xxgk/emit/convert.hpp>

#include <sstream>

namespace xxgk::emit {

namespace {

/// A cell's text for a pipe table: paragraphs joined by <br>, pipes escaped.
std::string pipe_cell(const GridCell& cell) {
  std::string out;
  for (std::size_t p = 0; p < cell.paras.size(); ++p) {
    if (p > 0 && !out.empty() && !cell.paras[p].empty()) {
      out += "<br>";
    }
    for (const char c : cell.paras[p]) {
      if (c == '|') {
        out += "\\|";
      } else if (c != '\n' && c != '\r') {
        out += c;
      }
    }
  }
  if (cell.vmerge == VMerge::Continue) {
    return {};
  }
  return out;
}

/// Pipe tables have no merged cells: a spanning cell is followed by empty cells, and the
/// continuation of a vertical merge is an empty cell.
void write_pipe_table(const Grid& grid, std::ostream& out) {
  bool first = true;
  for (const auto& row : grid.rows) {
    std::vector<std::string> cells;
    for (const auto& cell : row) {
      cells.push_back(pipe_cell(cell));
      for (int i = 1; i < cell.span; ++i) {
        cells.emplace_back();
      }
    }
    while (static_cast<int>(cells.size()) < grid.columns) {
      cells.emplace_back();
    }
    out << "|";
    for (const auto& c : cells) {
      out << " " << c << " |";
    }
    out << "\n";
    if (first) {
      out << "|";
      for (std::size_t i = 0; i < cells.size(); ++i) {
        out << " --- |";
      }
      out << "\n";
      first = false;
    }
  }
}

} // namespace

void write_markdown_report(const report::Report& report, const schema::Template& tmpl,
                           std::ostream& out) {
  const auto grids = template_grids(report, tmpl);
  out << "# " << report_title(report) << "\n";
  for (const auto& s : tmpl.sections) {
    const auto it = report.sections.find(s.key);
    const bool found = it != report.sections.end() && it->second.found;
    out << "\n## " << (found && !it->second.heading.empty() ? it->second.heading : s.label.text)
        << "\n";
    if (found && !it->second.text.empty()) {
      std::istringstream in(it->second.text);
      std::string line;
      while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t") != std::string::npos) {
          out << "\n" << line << "\n";
        }
      }
    }
    for (std::size_t i = 0; i < tmpl.tables.size() && i < grids.size(); ++i) {
      if (tmpl.tables[i].section == s.key) {
        out << "\n";
        write_pipe_table(grids[i], out);
      }
    }
  }
}

} // namespace xxgk::emit
