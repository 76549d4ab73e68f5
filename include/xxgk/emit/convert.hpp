#pragma once
// `xxgk convert` writers: a report's figures laid out as the national template's tables (one
// grid model shared by the Markdown, Tika-text and Word writers). The readers of the normalized
// JSON and CSV forms are in report/input.hpp.

#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/expected.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace xxgk::emit {

enum class VMerge { None, Restart, Continue };

/// One cell of a template table as printed: its paragraphs, how many grid columns it spans, its
/// part in a vertical merge, and the model path of the value it holds ("" for labels).
struct GridCell {
  std::vector<std::string> paras;
  int span = 1;
  VMerge vmerge = VMerge::None;
  std::string path;
  bool header = false;
};
using GridRow = std::vector<GridCell>;

/// A table of the template (二/三/四) as rows of grid cells, `columns` grid columns wide.
struct Grid {
  std::string table; ///< model key
  int columns = 0;
  std::vector<GridRow> rows;
};

/// The template's tables filled with the report's cells, laid out as the national template
/// (merged labels, header rows). The template decides which cells exist.
std::vector<Grid> template_grids(const report::Report& report, const schema::Template& tmpl);
/// A cell as written back: the exact number, the placeholder or text as read, or "" when blank.
std::string cell_text(const report::Cell& cell);
/// The report's title, or one made from the agency and year when the report has none.
std::string report_title(const report::Report& report);

/// Title, then the section headings with the three tables as Markdown pipe tables.
void write_markdown_report(const report::Report& report, const schema::Template& tmpl,
                           std::ostream& out);
/// The Tika-like text form of samples/*.txt: paragraphs one a line, every table cell a line
/// starting with TAB, a blank line after each row and after each table.
void write_text_report(const report::Report& report, const schema::Template& tmpl,
                       std::ostream& out);
/// A minimal .docx (WordprocessingML) with the title, headings, section text and the three tables
/// with the template's merged cells.
util::Expected<std::string> docx_report(const report::Report& report, const schema::Template& tmpl);

/// The message templates of the errors in writing .docx and .xlsx (the rule catalogue lists
/// them).
const std::vector<const diag::MessageTemplate*>& write_error_messages();

} // namespace xxgk::emit
