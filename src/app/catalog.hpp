#pragma once
// The rules a run may report, as `rules`, `explain` and the output formats list them: the
// templates' rules, the built-in extraction checks, the cross-document and aggregate rules and
// the readers' findings.

#include <xxgk/emit/results.hpp>
#include <xxgk/schema/schema.hpp>

#include <vector>

namespace xxgk::app {

/// The kind of the cross-document rules (rules/cross.hpp): they apply to a batch, not one report.
inline constexpr const char* k_cross_kind = "cross-document";

/// Every rule a run may report: the templates' rules (by ID), the built-in extraction checks and
/// the readers' findings.
std::vector<emit::RuleInfo> rule_catalog(const std::vector<schema::Template>& templates);

} // namespace xxgk::app
