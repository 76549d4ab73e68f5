// The rule kinds: each kind that schemas/template.schema.json declares, mapped to its evaluator.
// A small kind is written here whole (its evaluator and its message templates); a larger one in
// its own file of rules/ with its declaration in checks.hpp. CONTRIBUTING.md: adding a rule kind.

#include "checks.hpp"

#include <xxgk/rules/engine.hpp>

#include <algorithm>
#include <string_view>

namespace xxgk::rules {

namespace {

using Evaluator = void (*)(const schema::Rule&, const report::Report&, const schema::Template&,
                           detail::Out&);

struct Kind {
  std::string_view name;
  Evaluator check;
};

/// Every kind of template.schema.json, with its evaluator (a unit test holds the two lists equal).
constexpr Kind k_kinds[] = {
    {"sum", detail::check_sum},
    {"equal", detail::check_compare},
    {"at_least", detail::check_compare},
    {"value_type", detail::check_value_type},
    {"blank", detail::check_blank},
    {"template_year", detail::check_template_year},
    {"sections", detail::check_sections},
    {"section_wording", detail::check_section_wording},
    {"table_placement", detail::check_table_placement},
    {"section_not_empty", detail::check_section_not_empty},
    {"period_year", [](const schema::Rule& rule, const report::Report& r, const schema::Template&,
                       detail::Out& out) { detail::check_period_year(rule, r, out); }},
    {"prose_year", [](const schema::Rule& rule, const report::Report& r, const schema::Template&,
                      detail::Out& out) { detail::check_prose_year(rule, r, out); }},
    {"statement", detail::check_statement},
    {"prose_figures", detail::check_prose_figures},
    {"agency_cannot", detail::check_agency_cannot},
};

Evaluator evaluator(std::string_view kind) {
  const auto it = std::find_if(std::begin(k_kinds), std::end(k_kinds),
                               [&](const Kind& k) { return k.name == kind; });
  return it != std::end(k_kinds) ? it->check : nullptr;
}

} // namespace

namespace detail {

const std::vector<const diag::MessageTemplate*>& kind_messages() {
  // The message templates of the kinds written in this file.
  static const std::vector<const diag::MessageTemplate*> k_all = {};
  return k_all;
}

} // namespace detail

bool has_evaluator(std::string_view kind) {
  return evaluator(kind) != nullptr;
}

std::vector<diag::Diagnostic> check(const report::Report& report, const schema::Template& tmpl) {
  std::vector<diag::Diagnostic> out;
  for (const auto& rule : tmpl.rules) {
    if (const Evaluator check = evaluator(rule.kind)) {
      check(rule, report, tmpl, out);
    }
  }
  return out;
}

} // namespace xxgk::rules
