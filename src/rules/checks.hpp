#pragma once
// The evaluators of the rule kinds (internal to rules/; kinds.cpp maps each kind to its evaluator).

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>

#include <memory>
#include <vector>

namespace xxgk::rules::detail {

using Out = std::vector<diag::Diagnostic>;

/// A rule compiled once per template (kinds.cpp: a kind's `compile`): the cells it reads resolved
/// to report::CellIndex, its bindings expanded, its patterns prepared. run() evaluates one report
/// without allocating or building strings; a finding builds its text only when the rule fires.
/// It keeps references into the rule and the template it was compiled from (it lives in the
/// template: schema::Template::compiled).
class Compiled {
public:
  Compiled() = default;
  Compiled(const Compiled&) = delete;
  Compiled& operator=(const Compiled&) = delete;
  virtual ~Compiled() = default;
  virtual void run(const report::Report& r, Out& out) const = 0;
};
using CompiledRule = std::unique_ptr<const Compiled>;

// The compiled table kinds (engine.cpp) and prose figures (prose.cpp).
CompiledRule compile_sum(const schema::Rule& rule, const schema::Template& t);
/// "equal" and "at_least".
CompiledRule compile_compare(const schema::Rule& rule, const schema::Template& t);
CompiledRule compile_value_type(const schema::Rule& rule, const schema::Template& t);
CompiledRule compile_blank(const schema::Rule& rule, const schema::Template& t);
CompiledRule compile_prose_figures(const schema::Rule& rule, const schema::Template& t);

// The evaluated kinds: run over the rule and the report for each report.
void check_template_year(const schema::Rule& rule, const report::Report& r,
                         const schema::Template& t, Out& out);

// The structure and prose kinds (structure.cpp, prose.cpp).
void check_sections(const schema::Rule& rule, const report::Report& r, const schema::Template& t,
                    Out& out);
void check_section_wording(const schema::Rule& rule, const report::Report& r,
                           const schema::Template& t, Out& out);
void check_table_placement(const schema::Rule& rule, const report::Report& r,
                           const schema::Template& t, Out& out);
void check_section_not_empty(const schema::Rule& rule, const report::Report& r,
                             const schema::Template& t, Out& out);
void check_period_year(const schema::Rule& rule, const report::Report& r, Out& out);
void check_prose_year(const schema::Rule& rule, const report::Report& r, Out& out);
void check_statement(const schema::Rule& rule, const report::Report& r, const schema::Template& t,
                     Out& out);
void check_agency_cannot(const schema::Rule& rule, const report::Report& r,
                         const schema::Template& t, Out& out);

/// The rule's title in both languages, as the first argument of a titled message.
diag::Arg title_arg(const schema::Rule& rule);
/// A cell list as the messages show it: "、" between names in Chinese; in English a name that
/// is quoted follows ", " (labels of the template keep their own "、").
diag::Arg name_list(const std::vector<std::string>& names);
/// The message templates of each rules/ source file (the catalogue lists them).
const std::vector<const diag::MessageTemplate*>& engine_messages();
const std::vector<const diag::MessageTemplate*>& structure_messages();
const std::vector<const diag::MessageTemplate*>& prose_messages();
const std::vector<const diag::MessageTemplate*>& kind_messages();

/// A diagnostic of `rule` with its ID and severity set.
diag::Diagnostic make(const schema::Rule& rule);
/// `where` moved `offset` code points to the right (text forms only).
diag::SourceLocation shifted(diag::SourceLocation where, std::size_t offset);
/// Template cell paths matching `*` patterns.
std::vector<std::string> matching_paths(const std::vector<std::string>& patterns,
                                        const schema::Template& tmpl);

} // namespace xxgk::rules::detail
