// Severity words and annotation locations shared by the SARIF, GitHub, GitLab and HTML findings.

#include "shared.hpp"

#include <fmt/format.h>

namespace xxgk::emit {

const char* severity_name(diag::Severity s, const SeverityNames& names) {
  switch (s) {
  case diag::Severity::Error:
    return names.error;
  case diag::Severity::Warning:
    return names.warning;
  case diag::Severity::Info:
    return names.info;
  }
  return names.error;
}

std::string line_or_logical(const diag::SourceLocation& w, Lang lang) {
  return w.has_line() ? fmt::format("{}:{}", w.line, w.column) : logical_location(w, lang);
}

std::string with_logical_location(const diag::SourceLocation& w, Lang lang, std::string message) {
  if (!w.has_line()) {
    if (const std::string logical = logical_location(w, lang); !logical.empty()) {
      return logical + ": " + message;
    }
  }
  return message;
}

} // namespace xxgk::emit
