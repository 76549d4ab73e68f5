// CSV (RFC 4180): UTF-8, CRLF line ends, a header row, one row per finding.

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <ostream>

namespace xxgk::emit {

namespace {

/// A field, quoted when it holds a comma, quote, CR or LF (quotes doubled), or leading/trailing
/// space that a reader might trim.
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

void write_csv(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  row(out, {"source", "line", "column", "table", "row", "column_label", "severity", "rule",
            "message", "cells", "agency", "year", "template", "fingerprint"});
  for (const auto& r : batch.reports) {
    if (!r.readable) {
      row(out, {r.source, "", "", "", "", "", "error", "READ", r.read_error, "", "", "", "", ""});
      continue;
    }
    const std::string agency = r.report.agency.value_or("");
    const std::string year = r.report.year ? std::to_string(*r.report.year) : "";
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      row(out,
          {r.source, w.has_line() ? std::to_string(w.line) : "",
           w.has_line() ? std::to_string(w.column) : "", table_number(w.table_name, options.lang),
           w.row_label, w.column_label, std::string(diag::to_string(d.severity)), d.rule,
           localized_message(d, batch.rule(d.rule), options.lang),
           fmt::format("{}", fmt::join(d.cells, " ")), agency, year, r.report.template_id,
           fingerprint(r, d)});
    }
  }
}

} // namespace xxgk::emit
