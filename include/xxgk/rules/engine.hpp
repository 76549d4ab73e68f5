#pragma once
// Evaluates a template's rules (data from schemas/) over a report. Pure: no I/O.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>

#include <vector>

namespace xxgk::rules {

std::vector<diag::Diagnostic> check(const report::Report& report, const schema::Template& tmpl);

} // namespace xxgk::rules
