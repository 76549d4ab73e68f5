#pragma once
// Which rules a run reports and at what severity: --select, --ignore and --severity resolved
// against the rule catalogue (check and aggregate).

#include <xxgk/app/app.hpp>
#include <xxgk/emit/results.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::app {

enum class Level { Error, Warning, Info, Off };

/// --select / --ignore / --severity, resolved against the rule catalogue. A selector is a rule
/// ID, a prefix of IDs (T3, EXTRACT-) or ALL. For each rule the longest matching selector decides
/// (ignore wins a tie), as in ruff; --severity RULE=off disables a rule too.
class RuleSelection {
public:
  /// A UsageError when a selector matches no rule or a --severity is malformed.
  RuleSelection(const Options& o, const std::vector<emit::RuleInfo>& catalog);

  /// Whether findings of this rule are reported.
  [[nodiscard]] bool enabled(std::string_view id) const;

  /// The --severity given for a rule (the longest matching prefix; the later one on a tie).
  [[nodiscard]] std::optional<Level> level(std::string_view id) const;

  /// Drops the findings of disabled rules, applies --severity, and lists the rules checked.
  void apply(emit::ReportResult& r, const std::vector<emit::RuleInfo>& catalog) const;

private:
  struct Selector {
    std::string prefix;
    bool select;
  };
  struct RuleLevel {
    std::string prefix;
    Level level;
  };

  /// The selector as a prefix; a usage error when it matches no rule.
  [[nodiscard]] std::string validated(const std::string& given, std::string_view option) const;

  std::vector<std::string> m_ids;
  std::vector<Selector> m_selectors;
  std::vector<RuleLevel> m_levels;
};

} // namespace xxgk::app
