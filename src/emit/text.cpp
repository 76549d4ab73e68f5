#include <xxgk/emit/emitters.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <vector>

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

/// Display columns of a source line shown at most, and at most before the caret: a long line (a
/// 100 MB cell, a one-line HTML page) is cut to a window around the caret.
constexpr int k_excerpt_columns = 100;
constexpr int k_excerpt_before = 40;

/// The source line with TABs shown as four spaces, and the caret's indentation for `column`. A
/// line wider than k_excerpt_columns is cut to a window around the column, with "…" where it was
/// cut.
std::pair<std::string, int> excerpt(std::string_view line, int column) {
  // Decode only the neighbourhood of the caret: at most k_excerpt_columns code points each side
  // (every code point is at least one column wide).
  const int first = std::max(1, column - k_excerpt_columns);
  std::size_t pos = 0;
  int col = 1;
  for (; pos < line.size() && col < first; ++col) {
    util::next_codepoint(line, pos);
  }
  std::vector<char32_t> cps;
  for (; pos < line.size() && col < column + k_excerpt_columns; ++col) {
    cps.push_back(util::next_codepoint(line, pos));
  }
  const bool more_after = pos < line.size();
  const auto caret_index =
      static_cast<std::size_t>(std::clamp(column - first, 0, static_cast<int>(cps.size())));

  int total = 0;
  for (const char32_t cp : cps) {
    total += display_width(cp);
  }
  std::size_t lo = 0;
  std::size_t hi = cps.size();
  if (first > 1 || more_after || total > k_excerpt_columns) {
    // Left of the caret: at most k_excerpt_before columns; then the rest of the window.
    int used = 0;
    lo = caret_index;
    while (lo > 0 && used + display_width(cps[lo - 1]) <= k_excerpt_before) {
      used += display_width(cps[--lo]);
    }
    hi = caret_index;
    while (hi < cps.size() && used + display_width(cps[hi]) <= k_excerpt_columns) {
      used += display_width(cps[hi++]);
    }
  }
  std::string shown;
  int width = 0;
  if (lo > 0 || first > 1) {
    shown = "…";
    width = 1;
  }
  int caret = width;
  for (std::size_t i = lo; i < hi; ++i) {
    if (i == caret_index) {
      caret = width;
    }
    if (cps[i] == '\t') {
      shown += "    ";
    } else {
      util::append_utf8(shown, cps[i]);
    }
    width += display_width(cps[i]);
  }
  if (caret_index >= hi) {
    caret = width;
  }
  if (hi < cps.size() || more_after) {
    shown += "…";
  }
  return {shown, caret};
}

/// ANSI escapes, or empty strings when colour is off.
struct Palette {
  explicit Palette(bool on) : m_on(on) {}
  [[nodiscard]] const char* bold() const { return m_on ? "\x1b[1m" : ""; }
  [[nodiscard]] const char* dim() const { return m_on ? "\x1b[2m" : ""; }
  [[nodiscard]] const char* reset() const { return m_on ? "\x1b[0m" : ""; }
  [[nodiscard]] const char* severity(diag::Severity s) const { return m_on ? color_of(s) : ""; }

private:
  bool m_on;
};

} // namespace

std::string summary_line(const Batch& batch) {
  const Summary s = summarize(batch.reports);
  std::string out = fmt::format(
      "{} {} checked: {} {}, {} {}", s.reports, s.reports == 1 ? "report" : "reports", s.errors,
      s.errors == 1 ? "error" : "errors", s.warnings, s.warnings == 1 ? "warning" : "warnings");
  if (s.infos > 0) {
    out += fmt::format(", {} info", s.infos);
  }
  if (s.reports > 1) {
    out += fmt::format(" ({} clean, {} with errors, {} with warnings", s.clean,
                       s.reports_with_errors, s.reports_with_warnings);
    if (s.unreadable > 0) {
      out += fmt::format(", {} unreadable", s.unreadable);
    }
    out += ")";
  } else if (s.unreadable > 0) {
    out += " (unreadable)";
  }
  if (batch.baselined > 0) {
    out += fmt::format("; {} in the baseline not shown", batch.baselined);
  }
  if (batch.hidden > 0) {
    out += fmt::format("; {} {} and infos not shown (--quiet)", batch.hidden,
                       batch.hidden == 1 ? "warning" : "warnings");
  }
  return out;
}

std::string where_text(const ReportResult& r, const diag::Diagnostic& d, Lang lang) {
  const auto& w = d.location;
  if (w.has_line()) {
    return fmt::format("{}:{}:{}", r.source, w.line, w.column);
  }
  const std::string logical = logical_location(w, lang);
  return logical.empty() ? r.source : r.source + ": " + logical;
}

void write_text(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  const Palette p(options.color);
  for (const auto& r : batch.reports) {
    if (!r.readable) {
      out << p.bold() << r.source << ":" << p.reset() << " " << p.severity(diag::Severity::Error)
          << "error:" << p.reset() << " " << r.read_error << " [READ]\n";
      continue;
    }
    std::optional<std::vector<std::string_view>> lines; // split once, when a finding has a line
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      out << p.bold() << where_text(r, d, options.lang) << ":" << p.reset() << " "
          << p.severity(d.severity) << diag::to_string(d.severity) << ":" << p.reset() << " "
          << localized_message(d, batch.rule(d.rule), options.lang) << " [" << d.rule << "]\n";
      if (!options.source_excerpt || !w.has_line()) {
        continue;
      }
      if (!lines) {
        lines = util::split_lines(r.text);
      }
      if (static_cast<std::size_t>(w.line) <= lines->size()) {
        const auto [shown, caret] =
            excerpt((*lines)[static_cast<std::size_t>(w.line - 1)], w.column);
        out << p.dim() << fmt::format("{:>6} | ", w.line) << p.reset() << shown << "\n"
            << p.dim() << "       | " << p.reset()
            << std::string(static_cast<std::size_t>(caret), ' ') << p.severity(d.severity) << "^"
            << p.reset() << "\n";
      }
    }
  }
  out << summary_line(batch) << "\n";
}

namespace {

struct RuleCount {
  int count = 0;
  diag::Severity severity = diag::Severity::Info;
};

/// Findings per rule (the severity shown is the highest the rule was reported with).
std::map<std::string, RuleCount> count_rules(const Batch& batch) {
  std::map<std::string, RuleCount> counts;
  for (const auto& r : batch.reports) {
    if (!r.readable) {
      auto& c = counts["READ"];
      ++c.count;
      c.severity = diag::Severity::Error;
    }
    for (const auto& d : r.diagnostics) {
      auto& c = counts[d.rule];
      if (c.count == 0 || d.severity > c.severity) {
        c.severity = d.severity;
      }
      ++c.count;
    }
  }
  return counts;
}

std::string title_of(const Batch& batch, const std::string& id, Lang lang) {
  if (id == "READ") {
    return lang == Lang::En ? "input could not be read" : "无法读取输入";
  }
  const RuleInfo* info = batch.rule(id);
  return info != nullptr ? rule_title(*info, lang) : "";
}

} // namespace

void write_statistics_text(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  for (const auto& [id, c] : count_rules(batch)) {
    out << fmt::format("{:>5}  {:<18} {:<8} {}\n", c.count, id, diag::to_string(c.severity),
                       title_of(batch, id, options.lang));
  }
  out << summary_line(batch) << "\n";
}

void write_statistics_json(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const auto& [id, c] : count_rules(batch)) {
    j.push_back({{"rule", id},
                 {"severity", diag::to_string(c.severity)},
                 {"count", c.count},
                 {"title", title_of(batch, id, options.lang)}});
  }
  out << j.dump(2) << "\n";
}

} // namespace xxgk::emit
