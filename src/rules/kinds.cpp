// The rule kinds: each kind that schemas/template.schema.json declares, mapped to its evaluator.
// A small kind is written here whole (its evaluator and its message templates); a larger one in
// its own file of rules/ with its declaration in checks.hpp. CONTRIBUTING.md: adding a rule kind.

#include "checks.hpp"

#include <xxgk/rules/engine.hpp>

#include <algorithm>
#include <memory>
#include <string_view>

namespace xxgk::rules {

namespace {

using Evaluator = void (*)(const schema::Rule&, const report::Report&, const schema::Template&,
                           detail::Out&);
using Compiler = detail::CompiledRule (*)(const schema::Rule&, const schema::Template&);

/// A kind is either evaluated per report (`check`: the rule, the report and the template) or
/// compiled once per template (`compile`: the cells it reads resolved to indices, its bindings
/// expanded — detail::Compiled) and then run per report.
struct Kind {
  std::string_view name;
  Evaluator check = nullptr;
  Compiler compile = nullptr;
};

/// Every kind of template.schema.json, with its evaluator (a unit test holds the two lists equal).
constexpr Kind k_kinds[] = {
    {"sum", nullptr, detail::compile_sum},
    {"equal", nullptr, detail::compile_compare},
    {"at_least", nullptr, detail::compile_compare},
    {"value_type", nullptr, detail::compile_value_type},
    {"blank", nullptr, detail::compile_blank},
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
    {"prose_figures", nullptr, detail::compile_prose_figures},
    {"agency_cannot", detail::check_agency_cannot},
};

const Kind* kind_of(std::string_view kind) {
  const auto it = std::find_if(std::begin(k_kinds), std::end(k_kinds),
                               [&](const Kind& k) { return k.name == kind; });
  return it != std::end(k_kinds) ? &*it : nullptr;
}

/// A template's rules as run per report, in rule order: built once per template (kept in
/// schema::Template::compiled).
struct Program {
  struct Step {
    const schema::Rule* rule = nullptr;
    Evaluator check = nullptr;
    detail::CompiledRule compiled;
  };
  std::vector<Step> steps;
};

std::unique_ptr<Program> compile(const schema::Template& tmpl) {
  auto program = std::make_unique<Program>();
  for (const auto& rule : tmpl.rules) {
    const Kind* kind = kind_of(rule.kind);
    if (kind == nullptr) {
      continue;
    }
    Program::Step step;
    step.rule = &rule;
    if (kind->compile != nullptr) {
      step.compiled = kind->compile(rule, tmpl);
    } else {
      step.check = kind->check;
    }
    program->steps.push_back(std::move(step));
  }
  return program;
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
  const Kind* k = kind_of(kind);
  return k != nullptr && (k->check != nullptr || k->compile != nullptr);
}

std::vector<diag::Diagnostic> check(const report::Report& report, const schema::Template& tmpl) {
  const Program& program = tmpl.compiled.get<Program>([&] { return compile(tmpl); });
  std::vector<diag::Diagnostic> out;
  for (const auto& step : program.steps) {
    if (step.compiled) {
      step.compiled->run(report, out);
    } else {
      step.check(*step.rule, report, tmpl, out);
    }
  }
  return out;
}

} // namespace xxgk::rules
