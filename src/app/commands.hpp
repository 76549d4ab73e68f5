#pragma once
// The commands of `xxgk`, one file each (check.cpp, convert.cpp, aggregate.cpp, rules_cmd.cpp,
// fix.cpp); run() in app.cpp dispatches to them. Each throws UsageError for a usage problem.

#include <xxgk/app/app.hpp>

#include <ostream>

namespace xxgk::app {

int run_check(const Options& o, std::ostream& out, std::ostream& err);
int run_convert(const Options& o, std::ostream& out, std::ostream& err);
int run_aggregate(const Options& o, std::ostream& out, std::ostream& err);
int run_rules(const Options& o, std::ostream& out);
/// `xxgk explain RULE…`: an exact ID, or a prefix that explains every rule it matches.
int run_explain(const Options& o, std::ostream& out);

} // namespace xxgk::app
