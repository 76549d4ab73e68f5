#pragma once
// Output formats. Each writes to the stream it is given; deterministic order.

#include <xxgk/emit/results.hpp>

#include <nlohmann/json.hpp>

#include <ostream>

namespace xxgk::emit {

struct TextOptions {
  bool color = false;
  bool source_excerpt = true;
};

/// Compiler-style `file:line:col: severity: message [RULE]` lines and a summary line.
void write_text(const std::vector<ReportResult>& results, const TextOptions& options,
                std::ostream& out);
/// {"reports":[…],"summary":{…}}
void write_json(const std::vector<ReportResult>& results, std::ostream& out);
nlohmann::ordered_json diagnostic_json(const diag::Diagnostic& d);
nlohmann::ordered_json location_json(const diag::SourceLocation& where);

/// The normalized report of spec/model.md (blank and placeholder cells are null).
nlohmann::ordered_json report_json(const report::Report& report, const schema::Template& tmpl);

} // namespace xxgk::emit
