#include <xxgk/emit/emitters.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <ostream>

namespace xxgk::emit {

namespace {

const char* color_of(diag::Severity s) {
  switch (s) {
  case diag::Severity::Error:
    return "\x1b[1;31m";
  case diag::Severity::Warning:
    return "\x1b[1;35m";
  case diag::Severity::Info:
    return "\x1b[1;36m";
  }
  return "";
}

/// Display columns of a code point (CJK wide characters take two).
int display_width(char32_t cp) {
  if (cp == '\t') {
    return 4;
  }
  const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
  return w < 0 ? 1 : w;
}

/// The source line with TABs shown as four spaces, and the caret's indentation for `column`.
std::pair<std::string, int> excerpt(std::string_view line, int column) {
  std::string shown;
  int width = 0;
  int caret = 0;
  int col = 1;
  for (std::size_t pos = 0; pos < line.size(); ++col) {
    if (col == column) {
      caret = width;
    }
    const char32_t cp = util::next_codepoint(line, pos);
    if (cp == '\t') {
      shown += "    ";
    } else {
      util::append_utf8(shown, cp);
    }
    width += display_width(cp);
  }
  if (column >= col) {
    caret = width;
  }
  return {shown, caret};
}

std::string logical_location(const diag::SourceLocation& w) {
  std::string out;
  if (!w.table_name.empty()) {
    out += "表" + w.table_name;
    if (!w.row_label.empty()) {
      out += "「" + w.row_label + "」";
    }
    out += w.column_label;
  }
  std::vector<std::string> idx;
  if (!w.part.empty()) {
    idx.push_back(w.part);
  }
  if (w.table >= 0) {
    idx.push_back(fmt::format("table {}", w.table + 1));
  }
  if (w.row >= 0) {
    idx.push_back(fmt::format("row {}", w.row + 1));
  }
  if (w.cell >= 0) {
    idx.push_back(fmt::format("cell {}", w.cell + 1));
  }
  if (w.paragraph >= 0 && w.table < 0) {
    idx.push_back(fmt::format("paragraph {}", w.paragraph + 1));
  }
  if (!idx.empty()) {
    out += (out.empty() ? "" : " ") + fmt::format("({})", fmt::join(idx, ", "));
  }
  return out;
}

} // namespace

void write_text(const std::vector<ReportResult>& results, const TextOptions& options,
                std::ostream& out) {
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  const char* dim = options.color ? "\x1b[2m" : "";
  for (const auto& r : results) {
    if (!r.readable) {
      out << bold << r.source << ":" << reset << " " << (options.color ? color_of(diag::Severity::Error) : "")
          << "error:" << reset << " " << r.read_error << " [READ]\n";
      continue;
    }
    const auto lines = util::split_lines(r.text);
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      std::string where = r.source;
      if (w.has_line()) {
        where += fmt::format(":{}:{}", w.line, w.column);
      } else {
        const std::string logical = logical_location(w);
        if (!logical.empty()) {
          where += ": " + logical;
        }
      }
      out << bold << where << ":" << reset << " " << (options.color ? color_of(d.severity) : "")
          << diag::to_string(d.severity) << ":" << reset << " " << d.message << " [" << d.rule
          << "]\n";
      if (options.source_excerpt && w.has_line() &&
          static_cast<std::size_t>(w.line) <= lines.size()) {
        const auto [shown, caret] = excerpt(lines[static_cast<std::size_t>(w.line - 1)], w.column);
        out << dim << fmt::format("{:>6} | ", w.line) << reset << shown << "\n"
            << dim << "       | " << reset << std::string(static_cast<std::size_t>(caret), ' ')
            << (options.color ? color_of(d.severity) : "") << "^" << reset << "\n";
      }
    }
  }
  const Summary s = summarize(results);
  out << fmt::format("{} {} checked: {} {}, {} {}", s.reports, s.reports == 1 ? "report" : "reports",
                     s.errors, s.errors == 1 ? "error" : "errors", s.warnings,
                     s.warnings == 1 ? "warning" : "warnings");
  if (s.infos > 0) {
    out << fmt::format(", {} info", s.infos);
  }
  if (s.reports > 1) {
    out << fmt::format(" ({} clean, {} with errors, {} with warnings", s.clean,
                       s.reports_with_errors, s.reports_with_warnings);
    if (s.unreadable > 0) {
      out << fmt::format(", {} unreadable", s.unreadable);
    }
    out << ")";
  } else if (s.unreadable > 0) {
    out << " (unreadable)";
  }
  out << "\n";
}

} // namespace xxgk::emit
