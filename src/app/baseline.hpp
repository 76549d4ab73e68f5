#pragma once
// --baseline and --write-baseline of `check`: a file of the findings a project has accepted, so
// that a run reports only new ones. Findings are matched by emit::fingerprint.

#include <xxgk/emit/results.hpp>

#include <map>
#include <string>

namespace xxgk::app {

/// Fingerprint → how many findings with it the baseline accepts.
using Baseline = std::map<std::string, int>;

/// Reads a baseline file; a UsageError when it cannot be read or is not a baseline.
Baseline read_baseline(const std::string& path, diag::Lang lang);

/// Records findings for --write-baseline as the reports go by; text() is the baseline file
/// (deterministic: sorted by fingerprint). Holds one entry per distinct finding, not the reports.
class BaselineWriter {
public:
  /// Records the report's findings and clears them (the run reports nothing new).
  void take(emit::ReportResult& r);
  [[nodiscard]] int recorded() const { return m_recorded; }
  [[nodiscard]] std::string text() const;

private:
  struct Entry {
    int count = 0;
    std::string rule;
    std::string source;
    std::string message;
  };
  std::map<std::string, Entry> m_entries;
  int m_recorded = 0;
};

/// Removes the findings the baseline still accepts (each fingerprint as often as it was
/// recorded); returns how many.
int apply_baseline(emit::ReportResult& r, Baseline& baseline);

} // namespace xxgk::app
