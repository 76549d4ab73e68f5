#pragma once
// Inside emit/findings/: what several findings formats share about one finding — the word a
// format uses for its severity, and where it is as the CI annotations show it (a line and column
// for text inputs, else the table, row and column and the Word part).

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/emit/lang.hpp>

#include <string>

namespace xxgk::emit {

/// A format's words for error, warning and info (SARIF: note; GitHub: notice; GitLab: major …).
struct SeverityNames {
  const char* error;
  const char* warning;
  const char* info;
};
const char* severity_name(diag::Severity s, const SeverityNames& names);

/// "line:col" for a text input, else the logical location (logical_location()).
std::string line_or_logical(const diag::SourceLocation& where, Lang lang);

/// The message as an annotation shows it: annotations point at a file and a line only, so a
/// finding without a line names its cell and Word part in front of the message.
std::string with_logical_location(const diag::SourceLocation& where, Lang lang,
                                  std::string message);

} // namespace xxgk::emit
