#include <xxgk/emit/results.hpp>

#include <algorithm>

namespace xxgk::emit {

int ReportResult::count(diag::Severity s) const {
  return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                        [s](const diag::Diagnostic& d) { return d.severity == s; }));
}

Summary summarize(const std::vector<ReportResult>& results) {
  Summary s;
  for (const auto& r : results) {
    ++s.reports;
    if (!r.readable) {
      ++s.unreadable;
      continue;
    }
    const int e = r.count(diag::Severity::Error);
    const int w = r.count(diag::Severity::Warning);
    s.errors += e;
    s.warnings += w;
    s.infos += r.count(diag::Severity::Info);
    if (e > 0) {
      ++s.reports_with_errors;
    }
    if (w > 0) {
      ++s.reports_with_warnings;
    }
    if (e == 0 && w == 0) {
      ++s.clean;
    }
  }
  return s;
}

} // namespace xxgk::emit
