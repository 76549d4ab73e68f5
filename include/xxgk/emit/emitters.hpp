#pragma once
// Output formats. Each writes a Batch to the stream it is given, in deterministic order (input
// order, then location, then rule), so that golden files are stable.

#include <xxgk/emit/lang.hpp>
#include <xxgk/emit/results.hpp>
#include <xxgk/report/headers.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::emit {

inline constexpr std::string_view k_tool_name = "xxgk";
inline constexpr std::string_view k_tool_version = "0.1.0";

struct OutputOptions {
  Lang lang = Lang::Zh;
  bool color = false;         ///< text: ANSI colours
  bool source_excerpt = true; ///< text: the source line and a caret for text inputs
  report::Headers headers = report::Headers::Keys; ///< csv: the header row in Chinese or as keys
};

using Writer = void (*)(const Batch&, const OutputOptions&, std::ostream&);

/// What a whole run adds up to, known only at its end.
struct Totals {
  Summary summary;
  int baselined = 0; ///< findings suppressed by --baseline
  int hidden = 0;    ///< warnings and infos left out by --quiet
};
Totals totals_of(const Batch& batch);

/// Findings that come only once every report has been read (the cross-document checks), as the
/// result of the report they belong to: `index` is its position in the run, `result` carries its
/// source, identity (agency, year, template), text (for excerpts) and those findings only.
struct LateFindings {
  std::size_t index = 0;
  ReportResult result;
};

/// The late findings of a run, handed out one report at a time in input order. A run builds each
/// report's result only when it is asked for (from what it kept of the report: see app/check.cpp),
/// so that it holds one at a time however many reports have such findings.
class LateSequence {
public:
  LateSequence() = default;
  virtual ~LateSequence() = default;
  LateSequence(const LateSequence&) = delete;
  LateSequence& operator=(const LateSequence&) = delete;

  /// The next report's late findings, or nullptr after the last. Valid until the next call.
  virtual const LateFindings* next() = 0;
};

/// A LateSequence over late findings already held.
class LateVector final : public LateSequence {
public:
  explicit LateVector(const std::vector<LateFindings>& late) : m_late(late) {}
  const LateFindings* next() override {
    return m_next < m_late.size() ? &m_late[m_next++] : nullptr;
  }

private:
  const std::vector<LateFindings>& m_late;
  std::size_t m_next = 0;
};

/// A format written one report at a time, so that a run keeps no report after it is written
/// (memory stays flat however many inputs a run has). report() is called for every input in order,
/// as soon as it is checked; finish() once, with the late findings (in input order, pulled one
/// report at a time) and the run's totals.
class Stream {
public:
  Stream() = default;
  virtual ~Stream() = default;
  Stream(const Stream&) = delete;
  Stream& operator=(const Stream&) = delete;

  virtual void report(const ReportResult& result) = 0;
  virtual void finish(LateSequence& late, const Totals& totals) = 0;
  /// finish() with late findings already held.
  void finish(const std::vector<LateFindings>& late, const Totals& totals) {
    LateVector sequence(late);
    finish(sequence, totals);
  }
};

using StreamMaker = std::unique_ptr<Stream> (*)(const std::vector<RuleInfo>& rules,
                                                const OutputOptions& options, std::ostream& out);

/// One `--format` value. `stream` is null for formats that need the whole batch before their
/// first byte (SARIF, JUnit and HTML put totals or an index first): make_stream() then keeps the
/// results and writes them at the end.
struct Format {
  std::string_view name;
  std::string_view description;
  Writer write;
  StreamMaker stream = nullptr;
};

/// The stream of a format: its own, or one that keeps every result (without its source text) and
/// calls `write` in finish(), the late findings merged into their reports.
std::unique_ptr<Stream> make_stream(const Format& format, const std::vector<RuleInfo>& rules,
                                    const OutputOptions& options, std::ostream& out);
/// --statistics (text or JSON) as a stream: counts per rule.
std::unique_ptr<Stream> statistics_stream(bool json, const std::vector<RuleInfo>& rules,
                                          const OutputOptions& options, std::ostream& out);
/// Every output format, in the order `--help` lists them.
const std::vector<Format>& formats();
const Format* find_format(std::string_view name);

/// Compiler-style `file:line:col: severity: message [RULE]` lines (for Word inputs the table, row
/// and column named in Chinese), the source line with a caret, and a summary line.
void write_text(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// {"reports":[…],"summary":{…}}
void write_json(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// SARIF 2.1.0: one run, the rules in tool.driver.rules, one result per finding.
void write_sarif(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// JUnit XML: one testsuite per report, one testcase per rule checked, a failure per rule with
/// errors or warnings.
void write_junit(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// GitHub Actions workflow commands (::error file=…,line=…::message).
void write_github(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// The Markdown job summary for $GITHUB_STEP_SUMMARY.
void write_github_summary(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// GitLab Code Quality (Code Climate) JSON.
void write_gitlab(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// CSV (RFC 4180, UTF-8 with BOM): a header (Chinese or keys) and one row per finding.
void write_csv(const Batch& batch, const OutputOptions& options, std::ostream& out);
/// One self-contained HTML page: a batch summary and each report's tables with the cells in
/// error or warning highlighted.
void write_html(const Batch& batch, const OutputOptions& options, std::ostream& out);

/// --statistics: the number of findings per rule, as a table (text) or a JSON array.
void write_statistics_text(const Batch& batch, const OutputOptions& options, std::ostream& out);
void write_statistics_json(const Batch& batch, const OutputOptions& options, std::ostream& out);

/// "3 reports checked: 2 errors, 5 warnings, 1 info (…)" / "共检查 3 份报告：…" (no newline).
std::string summary_line(const Batch& batch, Lang lang);
std::string summary_line(const Totals& totals, Lang lang);
/// The message templates of the summary line (the catalogue lists them).
const std::vector<const diag::MessageTemplate*>& summary_messages();

/// Where a finding is, as text: `file:line:col` for text inputs, `file: 表三「…」总计 (…)` for
/// Word inputs.
std::string where_text(const ReportResult& report, const diag::Diagnostic& d, Lang lang);

nlohmann::ordered_json diagnostic_json(const diag::Diagnostic& d);
nlohmann::ordered_json location_json(const diag::SourceLocation& where);

/// The normalized report of spec/model.md (blank and placeholder cells are null).
nlohmann::ordered_json report_json(const report::Report& report, const schema::Template& tmpl);

/// Rule documentation (`xxgk rules`, `xxgk explain`, docs/rules.md), from the catalogue.
void write_rule_table(const std::vector<RuleInfo>& rules, Lang lang, std::ostream& out);
void write_rules_markdown(const std::vector<RuleInfo>& rules, Lang lang, std::ostream& out);
void write_rules_json(const std::vector<RuleInfo>& rules, std::ostream& out);
/// One rule explained: what it checks, the template text, a failing example, how to fix it.
void write_explain_text(const RuleInfo& rule, Lang lang, std::ostream& out);
void write_explain_markdown(const RuleInfo& rule, Lang lang, std::ostream& out);

} // namespace xxgk::emit
