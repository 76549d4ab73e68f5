// GitLab Code Quality report (a subset of the Code Climate issue format):
// https://docs.gitlab.com/ee/ci/testing/code_quality.html#implement-a-custom-tool

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <map>
#include <ostream>

namespace xxgk::emit {

using nlohmann::ordered_json;

namespace {

const char* severity_of(diag::Severity s) {
  switch (s) {
  case diag::Severity::Error:
    return "major";
  case diag::Severity::Warning:
    return "minor";
  case diag::Severity::Info:
    return "info";
  }
  return "major";
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

} // namespace

void write_gitlab(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  ordered_json issues = ordered_json::array();
  // GitLab keys issues by fingerprint; identical findings get an occurrence suffix.
  std::map<std::string, int> seen;
  auto unique = [&seen](const std::string& fp) {
    const int n = seen[fp]++;
    return n == 0 ? fp : fmt::format("{}-{}", fp, n + 1);
  };
  for (const auto& r : batch.reports) {
    if (!r.readable) {
      issues.push_back(
          issue("READ", r.read_error, unique("read|" + r.source), "blocker", r.source, 1));
      continue;
    }
    for (const auto& d : r.diagnostics) {
      const auto& w = d.location;
      std::string description = localized_message(d, batch.rule(d.rule), options.lang);
      if (!w.has_line()) {
        if (const std::string logical = logical_location(w, options.lang); !logical.empty()) {
          description = logical + ": " + description;
        }
      }
      issues.push_back(issue(d.rule, description, unique(fingerprint(r, d)),
                             severity_of(d.severity), r.source, w.has_line() ? w.line : 1));
    }
  }
  out << issues.dump(2) << "\n";
}

} // namespace xxgk::emit
