// Rule selection and severity overrides (selection.hpp).

#include "selection.hpp"

#include "options.hpp"
#include <xxgk/rules/catalog.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace xxgk::app {

RuleSelection::RuleSelection(const Options& o, const std::vector<emit::RuleInfo>& catalog) {
  for (const auto& r : catalog) {
    m_ids.push_back(r.id);
  }
  for (const auto& s : o.select) {
    m_selectors.push_back({validated(s, "--select"), true});
  }
  if (o.select.empty()) {
    m_selectors.push_back({"", true});
  }
  for (const auto& s : o.ignore) {
    m_selectors.push_back({validated(s, "--ignore"), false});
  }
  for (const auto& s : o.severity) {
    const auto eq = s.find('=');
    if (eq == std::string::npos) {
      throw UsageError{fmt::format("--severity '{}': expected RULE=error|warning|info|off", s)};
    }
    const Level level = choose<Level>("severity", std::string_view(s).substr(eq + 1),
                                      {{"error", Level::Error},
                                       {"warning", Level::Warning},
                                       {"info", Level::Info},
                                       {"off", Level::Off}});
    m_levels.push_back({validated(s.substr(0, eq), "--severity"), level});
  }
}

bool RuleSelection::enabled(std::string_view id) const {
  std::size_t best = 0;
  bool on = false;
  bool matched = false;
  for (const auto& sel : m_selectors) {
    if (!id.starts_with(sel.prefix)) {
      continue;
    }
    if (!matched || sel.prefix.size() > best || (sel.prefix.size() == best && !sel.select)) {
      best = sel.prefix.size();
      on = sel.select;
      matched = true;
    }
  }
  return on && level(id) != Level::Off;
}

std::optional<Level> RuleSelection::level(std::string_view id) const {
  std::optional<Level> out;
  std::size_t best = 0;
  for (const auto& l : m_levels) {
    if (id.starts_with(l.prefix) && (!out || l.prefix.size() >= best)) {
      best = l.prefix.size();
      out = l.level;
    }
  }
  return out;
}

void RuleSelection::apply(emit::ReportResult& r, const std::vector<emit::RuleInfo>& catalog) const {
  std::erase_if(r.diagnostics, [this](const diag::Diagnostic& d) { return !enabled(d.rule); });
  for (auto& d : r.diagnostics) {
    switch (level(d.rule).value_or(Level::Off)) {
    case Level::Error:
      d.severity = diag::Severity::Error;
      break;
    case Level::Warning:
      d.severity = diag::Severity::Warning;
      break;
    case Level::Info:
      d.severity = diag::Severity::Info;
      break;
    case Level::Off:
      break; // no override
    }
  }
  r.rules_checked.clear();
  for (const auto& rule : catalog) {
    const bool applies =
        rule.templates.empty() || r.tmpl == nullptr ||
        std::find(rule.templates.begin(), rule.templates.end(), r.tmpl->id) != rule.templates.end();
    // Reader findings depend on the input form; they appear when they are reported.
    if (applies && rule.kind != "reader" && rule.kind != rules::k_cross_kind && enabled(rule.id)) {
      r.rules_checked.push_back(rule.id);
    }
  }
}

std::string RuleSelection::validated(const std::string& given, std::string_view option) const {
  const std::string s = rule_id_case(given);
  if (s == "ALL") {
    return "";
  }
  for (const auto& id : m_ids) {
    if (!s.empty() && id.starts_with(s)) {
      return s;
    }
  }
  // Suggest among the IDs and their prefixes up to each '-' (T3, EXTRACT …).
  std::vector<std::string> candidates;
  for (const auto& id : m_ids) {
    for (auto dash = id.find('-'); dash != std::string::npos; dash = id.find('-', dash + 1)) {
      candidates.push_back(id.substr(0, dash));
    }
    candidates.push_back(id);
  }
  throw UsageError{fmt::format("{}: unknown rule '{}'{}; 'xxgk rules' lists the rules", option, s,
                               suggestion(s, candidates))};
}

} // namespace xxgk::app
