// `--format json`: the findings of every report, each report with its identity and the rules
// checked, and the run's summary; written one report at a time.

#include "../streams.hpp"

#include <xxgk/emit/emitters.hpp>

#include <ostream>

namespace xxgk::emit {

using nlohmann::ordered_json;

ordered_json location_json(const diag::SourceLocation& w) {
  ordered_json j = ordered_json::object();
  if (w.has_line()) {
    j["line"] = w.line;
    j["column"] = w.column;
  }
  if (w.page > 0) {
    j["page"] = w.page;
  }
  if (!w.part.empty()) {
    j["part"] = w.part;
  }
  if (w.paragraph >= 0) {
    j["paragraph_index"] = w.paragraph;
  }
  if (w.table >= 0) {
    j["table_index"] = w.table;
  }
  if (w.row >= 0) {
    j["row_index"] = w.row;
  }
  if (w.cell >= 0) {
    j["cell_index"] = w.cell;
  }
  if (w.xml_line > 0) {
    j["xml_line"] = w.xml_line;
  }
  if (!w.table_name.empty()) {
    j["table"] = w.table_name;
  }
  if (!w.row_label.empty()) {
    j["row"] = w.row_label;
  }
  if (!w.column_label.empty()) {
    j["column_label"] = w.column_label;
  }
  return j;
}

ordered_json diagnostic_json(const diag::Diagnostic& d) {
  ordered_json j;
  j["rule"] = d.rule;
  j["severity"] = diag::to_string(d.severity);
  j["message"] = d.message;
  j["cells"] = d.cells;
  j["location"] = location_json(d.location);
  return j;
}

namespace {

/// One report of the "reports" (or "cross_document") array.
ordered_json report_entry(const ReportResult& r, const std::vector<RuleInfo>& rules,
                          const OutputOptions& options) {
  ordered_json jr;
  jr["source"] = r.source;
  if (!r.readable) {
    jr["readable"] = false;
    jr["error"] = r.read_error;
    return jr;
  }
  jr["format"] = r.report.format;
  jr["template"] = r.report.template_id;
  jr["year"] = r.report.year ? ordered_json(*r.report.year) : ordered_json(nullptr);
  jr["agency"] = r.report.agency ? ordered_json(*r.report.agency) : ordered_json(nullptr);
  jr["errors"] = r.count(diag::Severity::Error);
  jr["warnings"] = r.count(diag::Severity::Warning);
  jr["infos"] = r.count(diag::Severity::Info);
  jr["diagnostics"] = ordered_json::array();
  for (const auto& d : r.diagnostics) {
    ordered_json jd = diagnostic_json(d);
    jd["message"] = localized_message(d, find_rule(rules, d.rule), options.lang);
    jd["fingerprint"] = fingerprint(r, d);
    jr["diagnostics"].push_back(std::move(jd));
  }
  return jr;
}

/// {"reports":[…],"cross_document":[…],"summary":{…}}, written as dump(2) of the whole object
/// would write it; "cross_document" (the late findings) only when there are any.
class JsonStream : public Stream {
public:
  JsonStream(const std::vector<RuleInfo>& rules, const OutputOptions& options, std::ostream& out)
      : m_rules(rules), m_options(options), m_out(out), m_reports(out, 1) {}

  void report(const ReportResult& r) override {
    start();
    m_reports.push(report_entry(r, m_rules, m_options));
  }

  void finish(LateSequence& late, const Totals& totals) override {
    start();
    m_reports.close();
    if (const LateFindings* l = late.next()) {
      m_out << ",\n  \"cross_document\": ";
      JsonArrayWriter cross(m_out, 1);
      for (; l != nullptr; l = late.next()) {
        cross.push(report_entry(l->result, m_rules, m_options));
      }
      cross.close();
    }
    const Summary& s = totals.summary;
    const ordered_json summary = {{"reports", s.reports},
                                  {"clean", s.clean},
                                  {"with_errors", s.reports_with_errors},
                                  {"with_warnings", s.reports_with_warnings},
                                  {"unreadable", s.unreadable},
                                  {"errors", s.errors},
                                  {"warnings", s.warnings},
                                  {"infos", s.infos},
                                  {"baselined", totals.baselined}};
    m_out << ",\n  \"summary\": " << JsonArrayWriter::reindented(summary.dump(2), 1) << "\n}\n";
  }

private:
  void start() {
    if (!m_started) {
      m_out << "{\n  \"reports\": ";
      m_started = true;
    }
  }

  const std::vector<RuleInfo>& m_rules;
  OutputOptions m_options;
  std::ostream& m_out;
  JsonArrayWriter m_reports;
  bool m_started = false;
};

} // namespace

std::unique_ptr<Stream> json_stream(const std::vector<RuleInfo>& rules,
                                    const OutputOptions& options, std::ostream& out) {
  return std::make_unique<JsonStream>(rules, options, out);
}

void write_json(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  JsonStream stream(batch.rules, options, out);
  write_batch(stream, batch);
}

} // namespace xxgk::emit
