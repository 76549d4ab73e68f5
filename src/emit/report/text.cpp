// `convert --to text`: the Tika-like text form of samples/*.txt (a paragraph a line, each table
// cell on its own line after a TAB), which xxgk reads back.

#include <xxgk/emit/convert.hpp>

#include <sstream>

namespace xxgk::emit {

namespace {

/// Paragraph lines of a section's text; a line that would start with TAB is not a cell.
void write_paragraphs(const std::string& text, std::ostream& out) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of('\t');
    out << (first == std::string::npos ? std::string{} : line.substr(first)) << "\n";
  }
}

} // namespace

void write_text_report(const report::Report& report, const schema::Template& tmpl,
                       std::ostream& out) {
  const auto grids = template_grids(report, tmpl);
  out << report_title(report) << "\n\n";
  for (const auto& s : tmpl.sections) {
    const auto it = report.sections.find(s.key);
    const bool found = it != report.sections.end() && it->second.found;
    out << (found && !it->second.heading.empty() ? it->second.heading : s.label.text) << "\n";
    if (found) {
      write_paragraphs(it->second.text, out);
    }
    for (std::size_t i = 0; i < tmpl.tables.size() && i < grids.size(); ++i) {
      if (tmpl.tables[i].section != s.key) {
        continue;
      }
      // Tika: each cell's paragraphs after a TAB, a newline after each row and the table.
      for (const auto& row : grids[i].rows) {
        for (const auto& cell : row) {
          out << '\t';
          for (std::size_t p = 0; p < cell.paras.size(); ++p) {
            out << (p > 0 ? "\n" : "") << cell.paras[p];
          }
          out << '\n';
        }
        out << '\n';
      }
      out << '\n';
    }
  }
}

} // namespace xxgk::emit
