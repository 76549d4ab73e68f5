// `convert --to csv | jsonl`: many reports as one table (a row per report, a column per model
// path) or as JSON lines (a normalized report per line).

#include "../streams.hpp"

#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/report_rows.hpp>
#include <xxgk/report/fields.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace xxgk::emit {

std::vector<std::string> report_csv_columns() {
  return report::report_columns(report::Headers::Keys);
}

void write_report_csv_header(std::ostream& out, report::Headers headers) {
  out << k_utf8_bom;
  write_csv_row(out, report::report_columns(headers));
}

void write_report_csv_row(const ReportResult& result, std::ostream& out) {
  const report::Report& r = result.report;
  std::vector<std::string> fields = {
      result.source,
      r.template_id,
      r.year ? std::to_string(*r.year) : std::string(),
      r.agency.value_or(std::string()),
      std::to_string(result.count(diag::Severity::Error)),
      std::to_string(result.count(diag::Severity::Warning)),
  };
  for (const auto& f : report::fields()) {
    const report::Cell* c = report::find_cell(r, f.path);
    fields.push_back(c != nullptr ? cell_text(*c) : std::string());
  }
  write_csv_row(out, fields);
}

void write_report_jsonl(const ReportResult& result, std::ostream& out) {
  nlohmann::ordered_json j = report_json(result.report, *result.tmpl);
  j["errors"] = result.count(diag::Severity::Error);
  j["warnings"] = result.count(diag::Severity::Warning);
  out << j.dump() << "\n";
}

} // namespace xxgk::emit
