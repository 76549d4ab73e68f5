#pragma once
// `xxgk convert` writers: a report's figures laid out as the national template's tables (one
// grid model shared by the Markdown, Tika-text and Word writers), and readers of the normalized
// JSON and CSV row forms back into a report.

#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/expected.hpp>

#include <ostream>
#include <string>
#include <string_view>
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

/// Whether bytes look like the normalized JSON of `xxgk convert --to json` (an object with
/// "template" and "requests"), or a CSV whose header row names model paths.
bool looks_like_report_json(std::string_view bytes);
bool looks_like_report_csv(std::string_view bytes);
/// Whether bytes are the JSON lines of `xxgk convert --to jsonl` (the first line a normalized
/// report).
bool looks_like_report_jsonl(std::string_view bytes);
/// Reads the normalized JSON back: null → Blank, numbers exact (decimals from their literal
/// text). Errors name the offending key.
util::Expected<report::Report> report_from_json(std::string_view bytes,
                                                const schema::Template& tmpl);
/// Reads CSV rows (the batch row format: source, template, year, agency, errors, warnings, then
/// model paths): one report per data row; each row's "template" column picks its template.
util::Expected<std::vector<report::Report>> reports_from_csv(std::string_view bytes);

/// 2019 → 2021: the cells that map cleanly (format.md §5a) into a new report of the 2021
/// template; `dropped` receives the 2019 cells with a value that have no 2021 slot.
report::Report convert_2019_to_2021(const report::Report& report, const schema::Template& from,
                                    std::vector<std::string>& dropped);

} // namespace xxgk::emit
