#include "../streams.hpp"
#include "summary_messages.hpp"

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
/// 100 MB cell, a one-line HTML page) is cut to a window around the caret. (At most as many code
/// points either side are read: diag::k_excerpt_reach.)
constexpr int k_excerpt_columns = diag::k_excerpt_reach;
constexpr int k_excerpt_before = 40;

/// The source line with TABs shown as four spaces, and the caret's indentation for `column`. A
/// line wider than k_excerpt_columns is cut to a window around the column, with "…" where it was
/// cut. `line` may begin at column `skipped` + 1 (a diag::SourceWindow), no later than
/// column - k_excerpt_columns.
std::pair<std::string, int> excerpt(std::string_view line, int column, int skipped = 0) {
  // Decode only the neighbourhood of the caret: at most k_excerpt_columns code points each side
  // (every code point is at least one column wide).
  const int first = std::max(1, column - k_excerpt_columns);
  std::size_t pos = 0;
  int col = 1 + skipped;
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

std::string summary_line(const Batch& batch, Lang lang) {
  return summary_line(totals_of(batch), lang);
}

std::string summary_line(const Totals& totals, Lang lang) {
  const Summary& s = totals.summary;
  auto counted = [](std::size_t n, const char* one, const char* many) {
    return diag::Arg::both(std::to_string(n), fmt::format("{} {}", n, n == 1 ? one : many));
  };
  auto say = [&](const diag::MessageTemplate& tpl, std::vector<diag::Arg> args) {
    return diag::render(tpl, args, lang);
  };
  std::string out = say(msg::k_summary, {counted(s.reports, "report", "reports"),
                                         counted(s.errors, "error", "errors"),
                                         counted(s.warnings, "warning", "warnings")});
  if (s.infos > 0) {
    out += say(msg::k_summary_infos, {s.infos});
  }
  if (s.reports > 1) {
    const std::string unreadable =
        s.unreadable > 0 ? say(msg::k_summary_unreadable_count, {s.unreadable}) : "";
    out += say(msg::k_summary_reports,
               {s.clean, s.reports_with_errors, s.reports_with_warnings, unreadable});
  } else if (s.unreadable > 0) {
    out += say(msg::k_summary_unreadable, {});
  }
  if (totals.baselined > 0) {
    out += say(msg::k_summary_baselined, {totals.baselined});
  }
  if (totals.hidden > 0) {
    out += say(msg::k_summary_hidden, {counted(totals.hidden, "warning", "warnings")});
  }
  return out;
}

const std::vector<const diag::MessageTemplate*>& summary_messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {&msg::k_summary,
                                                                  &msg::k_summary_infos,
                                                                  &msg::k_summary_reports,
                                                                  &msg::k_summary_unreadable_count,
                                                                  &msg::k_summary_unreadable,
                                                                  &msg::k_summary_baselined,
                                                                  &msg::k_summary_hidden};
  return k_all;
}

std::string where_text(const ReportResult& r, const diag::Diagnostic& d, Lang lang) {
  const auto& w = d.location;
  if (w.has_line()) {
    return fmt::format("{}:{}:{}", r.source, w.line, w.column);
  }
  const std::string logical = logical_location(w, lang);
  // PDF inputs: the page, as a compiler would give a line (report.pdf:p4: …).
  const std::string source = w.page > 0 ? fmt::format("{}:p{}", r.source, w.page) : r.source;
  return logical.empty() ? source : source + ": " + logical;
}

namespace {

class TextStream : public Stream {
public:
  TextStream(const std::vector<RuleInfo>& rules, const OutputOptions& options, std::ostream& out)
      : m_rules(rules), m_options(options), m_out(out) {}

  void report(const ReportResult& r) override {
    const Palette p(m_options.color);
    if (!r.readable) {
      m_out << p.bold() << r.source << ":" << p.reset() << " " << p.severity(diag::Severity::Error)
            << "error:" << p.reset() << " " << r.read_error << " [READ]\n";
      return;
    }
    std::optional<std::vector<std::string_view>> lines; // split once, when a finding has a line
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      m_out << p.bold() << where_text(r, d, m_options.lang) << ":" << p.reset() << " "
            << p.severity(d.severity) << diag::to_string(d.severity) << ":" << p.reset() << " "
            << localized_message(d, find_rule(m_rules, d.rule), m_options.lang) << " [" << d.rule
            << "]\n";
      if (!m_options.source_excerpt || !w.has_line()) {
        continue;
      }
      std::optional<std::pair<std::string, int>> shown_caret;
      if (!r.windows.empty()) {
        // The last window of the line that starts early enough for the caret.
        const diag::SourceWindow* found = nullptr;
        for (const auto& sw : r.windows) {
          if (sw.line == w.line && sw.first_column <= std::max(1, w.column - k_excerpt_columns)) {
            found = &sw;
          }
        }
        if (found != nullptr) {
          shown_caret = excerpt(found->text, w.column, found->first_column - 1);
        }
      } else {
        if (!lines) {
          lines = util::split_lines(r.text);
        }
        if (static_cast<std::size_t>(w.line) <= lines->size()) {
          shown_caret = excerpt((*lines)[static_cast<std::size_t>(w.line - 1)], w.column);
        }
      }
      if (shown_caret) {
        const auto& [shown, caret] = *shown_caret;
        m_out << p.dim() << fmt::format("{:>6} | ", w.line) << p.reset() << shown << "\n"
              << p.dim() << "       | " << p.reset()
              << std::string(static_cast<std::size_t>(caret), ' ') << p.severity(d.severity) << "^"
              << p.reset() << "\n";
      }
    }
  }

  void finish(LateSequence& late, const Totals& totals) override {
    while (const LateFindings* l = late.next()) {
      report(l->result);
    }
    m_out << summary_line(totals, m_options.lang) << "\n";
  }

private:
  const std::vector<RuleInfo>& m_rules;
  OutputOptions m_options;
  std::ostream& m_out;
};

} // namespace

std::unique_ptr<Stream> text_stream(const std::vector<RuleInfo>& rules,
                                    const OutputOptions& options, std::ostream& out) {
  return std::make_unique<TextStream>(rules, options, out);
}

void write_text(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  TextStream stream(batch.rules, options, out);
  write_batch(stream, batch);
}

namespace {

struct RuleCount {
  int count = 0;
  diag::Severity severity = diag::Severity::Info;
};

std::string title_of(const std::vector<RuleInfo>& rules, const std::string& id, Lang lang) {
  if (id == "READ") {
    return lang == Lang::En ? "input could not be read" : "无法读取输入";
  }
  const RuleInfo* info = find_rule(rules, id);
  return info != nullptr ? rule_title(*info, lang) : "";
}

/// --statistics: findings per rule (the severity shown is the highest the rule was reported
/// with), counted as the reports go by.
class StatisticsStream : public Stream {
public:
  StatisticsStream(bool json, const std::vector<RuleInfo>& rules, const OutputOptions& options,
                   std::ostream& out)
      : m_json(json), m_rules(rules), m_options(options), m_out(out) {}

  void report(const ReportResult& r) override {
    if (!r.readable) {
      auto& c = m_counts["READ"];
      ++c.count;
      c.severity = diag::Severity::Error;
    }
    for (const auto& d : r.diagnostics) {
      auto& c = m_counts[d.rule];
      if (c.count == 0 || d.severity > c.severity) {
        c.severity = d.severity;
      }
      ++c.count;
    }
  }

  void finish(LateSequence& late, const Totals& totals) override {
    while (const LateFindings* l = late.next()) {
      report(l->result);
    }
    if (m_json) {
      nlohmann::ordered_json j = nlohmann::ordered_json::array();
      for (const auto& [id, c] : m_counts) {
        j.push_back({{"rule", id},
                     {"severity", diag::to_string(c.severity)},
                     {"count", c.count},
                     {"title", title_of(m_rules, id, m_options.lang)}});
      }
      m_out << j.dump(2) << "\n";
      return;
    }
    for (const auto& [id, c] : m_counts) {
      m_out << fmt::format("{:>5}  {:<18} {:<8} {}\n", c.count, id, diag::to_string(c.severity),
                           title_of(m_rules, id, m_options.lang));
    }
    m_out << summary_line(totals, m_options.lang) << "\n";
  }

private:
  bool m_json;
  const std::vector<RuleInfo>& m_rules;
  OutputOptions m_options;
  std::ostream& m_out;
  std::map<std::string, RuleCount> m_counts;
};

void write_statistics(bool json, const Batch& batch, const OutputOptions& options,
                      std::ostream& out) {
  StatisticsStream stream(json, batch.rules, options, out);
  write_batch(stream, batch);
}

} // namespace

std::unique_ptr<Stream> statistics_stream(bool json, const std::vector<RuleInfo>& rules,
                                          const OutputOptions& options, std::ostream& out) {
  return std::make_unique<StatisticsStream>(json, rules, options, out);
}

void write_statistics_text(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  write_statistics(false, batch, options, out);
}

void write_statistics_json(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  write_statistics(true, batch, options, out);
}

} // namespace xxgk::emit
