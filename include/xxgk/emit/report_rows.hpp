#pragma once
// `xxgk convert --to csv | jsonl`: many reports as one table (one row per report, a column per
// model path; spec/model.md "CSV") or as JSON lines (one normalized report per line). Batch
// forms for spreadsheets and scripts; emit/convert.hpp reads the CSV back.

#include <xxgk/emit/results.hpp>
#include <xxgk/report/headers.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace xxgk::emit {

/// The CSV columns: source, template, year, agency, errors, warnings, then every model path of
/// report::fields() (both templates; a cell the report's template lacks stays empty), as keys.
std::vector<std::string> report_csv_columns();

/// The header row, preceded by a UTF-8 BOM so that Excel and WPS open the file as UTF-8: Chinese
/// headers (表号.行.列) or model paths (headers.hpp).
void write_report_csv_header(std::ostream& out, report::Headers headers = report::Headers::Keys);

/// One report as a CSV row (RFC 4180 quoting, CRLF). Cells: the exact number, a placeholder or
/// text as read, or empty when blank or absent.
void write_report_csv_row(const ReportResult& result, std::ostream& out);

/// One report as a line of JSON: report_json() plus "errors" and "warnings".
void write_report_jsonl(const ReportResult& result, std::ostream& out);

} // namespace xxgk::emit
