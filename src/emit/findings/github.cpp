// GitHub Actions: workflow commands (annotations) on stdout and a Markdown job summary.
// https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions

#include "../streams.hpp"
#include "shared.hpp"

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <ostream>

namespace xxgk::emit {

namespace {

/// The escaping of the runner (toolkit/packages/core/src/command.ts): data escapes %, CR, LF;
/// property values also ':' and ','.
std::string escape_data(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    switch (c) {
    case ':':
      out += "%3A";
      break;
    case ',':
      out += "%2C";
      break;
    default:
      out += c;
    }
  }
  return out;
}

const char* command_of(diag::Severity s) {
  return severity_name(s, {"error", "warning", "notice"});
}

/// A Markdown table cell: no line breaks, pipes escaped, HTML special characters as entities
/// (the job summary renders HTML).
std::string md_cell(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
    case '|':
      out += "\\|";
      break;
    case '\n':
    case '\r':
      out += ' ';
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '&':
      out += "&amp;";
      break;
    case '\\':
    case '`':
    case '*':
    case '_':
    case '[':
    case ']':
      out += '\\';
      out += c;
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// GitHub shows the first few annotations of a step; the summary lists this many findings.
constexpr int k_summary_rows = 500;

class GithubStream : public Stream {
public:
  GithubStream(const std::vector<RuleInfo>& rules, const OutputOptions& options, std::ostream& out)
      : m_rules(rules), m_options(options), m_out(out) {}

  void report(const ReportResult& r) override {
    if (!r.readable) {
      m_out << fmt::format("::error file={},title={}::{}\n", escape_property(r.source),
                           escape_property("xxgk READ"), escape_data(r.read_error));
      return;
    }
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      std::string props = "file=" + escape_property(r.source);
      const std::string message = with_logical_location(
          w, m_options.lang, localized_message(d, find_rule(m_rules, d.rule), m_options.lang));
      if (w.has_line()) {
        props += fmt::format(",line={},col={}", w.line, w.column);
      }
      const RuleInfo* info = find_rule(m_rules, d.rule);
      props += ",title=" + escape_property(info != nullptr
                                               ? d.rule + " " + rule_title(*info, m_options.lang)
                                               : d.rule);
      m_out << fmt::format("::{} {}::{}\n", command_of(d.severity), props, escape_data(message));
    }
  }

  void finish(LateSequence& late, const Totals& totals) override {
    while (const LateFindings* l = late.next()) {
      report(l->result);
    }
    m_out << "xxgk: " << summary_line(totals, m_options.lang) << "\n";
  }

private:
  const std::vector<RuleInfo>& m_rules;
  OutputOptions m_options;
  std::ostream& m_out;
};

} // namespace

std::unique_ptr<Stream> github_stream(const std::vector<RuleInfo>& rules,
                                      const OutputOptions& options, std::ostream& out) {
  return std::make_unique<GithubStream>(rules, options, out);
}

void write_github(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  GithubStream stream(batch.rules, options, out);
  write_batch(stream, batch);
}

void write_github_summary(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  const bool en = options.lang == Lang::En;
  const Summary s = summarize(batch.reports);
  out << "## xxgk: " << summary_line(batch, options.lang) << "\n\n";
  out << (en ? "| report | template | agency | year | errors | warnings | infos |\n"
             : "| 报告 | 模板 | 机关 | 年度 | 错误 | 警告 | 提示 |\n")
      << "|---|---|---|---|---:|---:|---:|\n";
  for (const auto& r : batch.reports) {
    if (!r.readable) {
      out << fmt::format("| {} | {} | | | | | |\n", md_cell(r.source),
                         md_cell((en ? "unreadable: " : "无法读取：") + r.read_error));
      continue;
    }
    out << fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", md_cell(r.source),
                       md_cell(r.report.template_id), md_cell(r.report.agency.value_or("")),
                       r.report.year ? std::to_string(*r.report.year) : "",
                       r.count(diag::Severity::Error), r.count(diag::Severity::Warning),
                       r.count(diag::Severity::Info));
  }
  if (batch.baselined > 0) {
    out << fmt::format(fmt::runtime(en ? "\n{} findings in the baseline are not shown.\n"
                                       : "\n基线中的 {} 项问题未列出。\n"),
                       batch.baselined);
  }
  int rows = 0;
  const int total = s.errors + s.warnings + s.infos;
  for (const auto& r : batch.reports) {
    if (r.diagnostics.empty()) {
      continue;
    }
    out << fmt::format("\n### {}\n\n", md_cell(r.source));
    out << (en ? "| severity | rule | where | message |\n" : "| 级别 | 规则 | 位置 | 说明 |\n")
        << "|---|---|---|---|\n";
    for (const auto& d : r.diagnostics) {
      if (rows++ == k_summary_rows) {
        break;
      }
      const auto& w = d.location;
      const std::string where = line_or_logical(w, options.lang);
      out << fmt::format("| {} | {} | {} | {} |\n", diag::to_string(d.severity), md_cell(d.rule),
                         md_cell(where),
                         md_cell(localized_message(d, batch.rule(d.rule), options.lang)));
    }
    if (rows > k_summary_rows) {
      break;
    }
  }
  if (rows > k_summary_rows) {
    out << fmt::format(fmt::runtime(en ? "\nOnly the first {} of {} findings are listed.\n"
                                       : "\n仅列出 {1} 项问题中的前 {0} 项。\n"),
                       k_summary_rows, total);
  }
}

} // namespace xxgk::emit
