#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/report_rows.hpp>
#include <xxgk/report/fields.hpp>

#include <nlohmann/json.hpp>

#include <string_view>

namespace xxgk::emit {

namespace {

/// A field, quoted when it holds a comma, quote, CR or LF (quotes doubled) or edge spaces.
std::string field(std::string_view s) {
  const bool quote = s.find_first_of(",\"\r\n") != std::string_view::npos ||
                     (!s.empty() && (s.front() == ' ' || s.back() == ' '));
  if (!quote) {
    return std::string(s);
  }
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') {
      out += '"';
    }
    out += c;
  }
  return out + "\"";
}

void row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out << (i == 0 ? "" : ",") << field(fields[i]);
  }
  out << "\r\n";
}

} // namespace

std::vector<std::string> report_csv_columns() {
  std::vector<std::string> out = {"source", "template", "year", "agency", "errors", "warnings"};
  for (const auto& f : report::fields()) {
    out.emplace_back(f.path);
  }
  return out;
}

void write_report_csv_header(std::ostream& out) {
  out << "\xEF\xBB\xBF";
  row(out, report_csv_columns());
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
  row(out, fields);
}

void write_report_jsonl(const ReportResult& result, std::ostream& out) {
  nlohmann::ordered_json j = report_json(result.report, *result.tmpl);
  j["errors"] = result.count(diag::Severity::Error);
  j["warnings"] = result.count(diag::Severity::Warning);
  out << j.dump() << "\n";
}

} // namespace xxgk::emit
