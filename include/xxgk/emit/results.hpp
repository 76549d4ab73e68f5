#pragma once
// What a run produced for each input, handed to the emitters.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>

#include <string>
#include <vector>

namespace xxgk::emit {

struct ReportResult {
  std::string source;
  bool readable = true;
  std::string read_error; ///< when !readable
  report::Report report;
  const schema::Template* tmpl = nullptr;
  std::vector<diag::Diagnostic> diagnostics; ///< sorted
  std::string text; ///< decoded input text (text forms; for source excerpts), may be empty

  [[nodiscard]] int count(diag::Severity s) const;
};

struct Summary {
  int reports = 0;
  int unreadable = 0;
  int errors = 0;
  int warnings = 0;
  int infos = 0;
  int reports_with_errors = 0;
  int reports_with_warnings = 0;
  int clean = 0;
};
Summary summarize(const std::vector<ReportResult>& results);

} // namespace xxgk::emit
