#pragma once
// Evaluates a template's rules (data from schemas/) over a report. Pure: no I/O.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace xxgk::rules {

/// The findings of every rule of the template on the report, in rule order. The first call for a
/// template compiles its rules (kinds.cpp) and keeps the program in `tmpl.compiled`; later calls,
/// from any thread, run it. Do not edit a template's rules after checking with it (a copy may be
/// edited: it compiles its own).
std::vector<diag::Diagnostic> check(const report::Report& report, const schema::Template& tmpl);

/// Whether xxgk evaluates rules of this kind (every kind of schema::rule_kinds() must be).
bool has_evaluator(std::string_view kind);

/// One arithmetic identity of a template, Σ lhs = Σ rhs, with every variable bound: a "sum" rule
/// gives lhs = {target}, rhs = terms; an "equal" rule its two sides. `xxgk fix` reasons on these.
struct Identity {
  std::string rule; ///< the rule ID, e.g. "T3-ROW"
  std::vector<std::string> lhs;
  std::vector<std::string> rhs;
  bool is_sum = false; ///< from a "sum" rule: lhs is the single total cell
};

/// Every identity of the template's "sum" and "equal" rules, in rule order.
std::vector<Identity> identities(const schema::Template& tmpl);

} // namespace xxgk::rules
