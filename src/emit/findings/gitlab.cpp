// GitLab Code Quality report (a subset of the Code Climate issue format):
// https://docs.gitlab.com/ee/ci/testing/code_quality.html#implement-a-custom-tool

#include "../streams.hpp"
#include "shared.hpp"

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <map>
#include <ostream>

namespace xxgk::emit {

using nlohmann::ordered_json;

namespace {

const char* severity_of(diag::Severity s) {
  return severity_name(s, {"major", "minor", "info"});
}

ordered_json issue(const std::string& check, const std::string& description, const std::string& fp,
                   const char* severity, const std::string& path, int line) {
  ordered_json j;
  j["type"] = "issue";
  j["check_name"] = check;
  j["description"] = description;
  j["categories"] = ordered_json::array({"Bug Risk"});
  j["fingerprint"] = fp;
  j["severity"] = severity;
  j["location"] = {{"path", path}, {"lines", {{"begin", line}}}};
  return j;
}

/// A JSON array of issues, one written per finding.
class GitlabStream : public Stream {
public:
  GitlabStream(const std::vector<RuleInfo>& rules, const OutputOptions& options, std::ostream& out)
      : m_rules(rules), m_options(options), m_out(out), m_issues(out, 0) {}

  void report(const ReportResult& r) override {
    if (!r.readable) {
      m_issues.push(
          issue("READ", r.read_error, unique("read|" + r.source), "blocker", r.source, 1));
      return;
    }
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      const std::string description = with_logical_location(
          w, m_options.lang, localized_message(d, find_rule(m_rules, d.rule), m_options.lang));
      m_issues.push(issue(d.rule, description, unique(fingerprint(r, d)), severity_of(d.severity),
                          r.source, w.has_line() ? w.line : 1));
    }
  }

  void finish(LateSequence& late, const Totals& /*totals*/) override {
    while (const LateFindings* l = late.next()) {
      report(l->result);
    }
    m_issues.close();
    m_out << "\n";
  }

private:
  /// GitLab keys issues by fingerprint; identical findings get an occurrence suffix.
  std::string unique(const std::string& fp) {
    const int n = m_seen[fp]++;
    return n == 0 ? fp : fmt::format("{}-{}", fp, n + 1);
  }

  const std::vector<RuleInfo>& m_rules;
  OutputOptions m_options;
  std::ostream& m_out;
  JsonArrayWriter m_issues;
  std::map<std::string, int> m_seen;
};

} // namespace

std::unique_ptr<Stream> gitlab_stream(const std::vector<RuleInfo>& rules,
                                      const OutputOptions& options, std::ostream& out) {
  return std::make_unique<GitlabStream>(rules, options, out);
}

void write_gitlab(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  GitlabStream stream(batch.rules, options, out);
  write_batch(stream, batch);
}

} // namespace xxgk::emit
