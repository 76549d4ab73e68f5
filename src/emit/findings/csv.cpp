// CSV (RFC 4180): UTF-8 with a BOM, CRLF line ends, a header row, one row per finding.

#include "../streams.hpp"

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <ostream>

namespace xxgk::emit {

namespace {

std::string csv_field(std::string_view s) {
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

} // namespace

void write_csv_row(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out << (i == 0 ? "" : ",") << csv_field(fields[i]);
  }
  out << "\r\n";
}

namespace {

class CsvStream : public Stream {
public:
  CsvStream(const std::vector<RuleInfo>& rules, const OutputOptions& options, std::ostream& out)
      : m_rules(rules), m_options(options), m_out(out) {
    m_out << k_utf8_bom;
    if (options.headers == report::Headers::Zh) {
      write_csv_row(m_out, {"文件", "行号", "列号", "表", "行", "列", "级别", "规则", "说明",
                            "单元格", "机关", "年度", "模板", "指纹"});
    } else {
      write_csv_row(m_out,
                    {"source", "line", "column", "table", "row", "column_label", "severity", "rule",
                     "message", "cells", "agency", "year", "template", "fingerprint"});
    }
  }

  void report(const ReportResult& r) override {
    if (!r.readable) {
      write_csv_row(
          m_out, {r.source, "", "", "", "", "", "error", "READ", r.read_error, "", "", "", "", ""});
      return;
    }
    const std::string agency = r.report.agency.value_or("");
    const std::string year = r.report.year ? std::to_string(*r.report.year) : "";
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      write_csv_row(m_out, {r.source, w.has_line() ? std::to_string(w.line) : "",
                            w.has_line() ? std::to_string(w.column) : "",
                            table_number(w.table_name, m_options.lang), w.row_label, w.column_label,
                            std::string(diag::to_string(d.severity)), d.rule,
                            localized_message(d, find_rule(m_rules, d.rule), m_options.lang),
                            fmt::format("{}", fmt::join(d.cells, " ")), agency, year,
                            r.report.template_id, fingerprint(r, d)});
    }
  }

  void finish(LateSequence& late, const Totals& /*totals*/) override {
    while (const LateFindings* l = late.next()) {
      report(l->result);
    }
  }

private:
  const std::vector<RuleInfo>& m_rules;
  OutputOptions m_options;
  std::ostream& m_out;
};

} // namespace

std::unique_ptr<Stream> csv_stream(const std::vector<RuleInfo>& rules, const OutputOptions& options,
                                   std::ostream& out) {
  return std::make_unique<CsvStream>(rules, options, out);
}

void write_csv(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  CsvStream stream(batch.rules, options, out);
  write_batch(stream, batch);
}

} // namespace xxgk::emit
