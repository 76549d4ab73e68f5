#pragma once
// The rule catalogue: every rule a run may report — the templates' rules (schemas/), the
// extraction checks, the readers' findings, the cross-document and district-total checks — with
// its titles, documentation and the message templates of every finding. `rules`, `explain`,
// docs/rules.md and the emitters read rules from here only.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/diag/message.hpp>
#include <xxgk/schema/schema.hpp>

#include <string>
#include <vector>

namespace xxgk::rules {

/// The kind of the cross-document and district-total rules: they apply to a batch, not a report.
inline constexpr const char* k_cross_kind = "cross-document";

/// One rule as the emitters and the rule documentation see it.
struct RuleInfo {
  std::string id;
  diag::Severity severity = diag::Severity::Error; ///< default severity
  std::string kind;  ///< schema kind, or "extraction" / "reader" / "cross-document"
  std::string title; ///< Chinese, used in messages
  std::string title_en;
  std::string description;
  std::string template_text;
  std::string fix;
  std::string autofix; ///< what `xxgk fix` does for it: "sum", "equal", "blank" or "" (none)
  std::vector<std::string> templates; ///< template IDs; empty = every template
  std::string example; ///< a file in the source tree that triggers the rule (samples/invalid/…)
};

/// Every rule of `templates` (by ID, merged across templates), then the extraction checks, the
/// cross-document and district-total checks and the readers' findings, in that order.
std::vector<RuleInfo> catalog(const std::vector<schema::Template>& templates);

/// What `xxgk fix` can do for the findings of a schema rule (for `explain`): "sum" (blank cells
/// it decides are filled, safe; a disputed total is replaced with --unsafe), "equal" (blank cells
/// filled, safe), "blank" (blank cells that some identity decides are filled, safe) or "" (none).
std::string autofix_kind(const schema::Rule& rule, const schema::Template& tmpl);

/// Every message template, each once: the findings of all rules (schema rule kinds, extraction,
/// readers, cross-document, district totals), the fatal errors of every module (util::Error) and
/// what the commands say on stderr. (The one place that sees every module's wording: the lists
/// are plain data, so this is a link dependency only.)
std::vector<const diag::MessageTemplate*> message_templates();

} // namespace xxgk::rules
