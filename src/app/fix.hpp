#pragma once
// `xxgk fix`: writes a corrected copy of each report where the template's arithmetic decides a
// cell (docs/fix.md). Used by app.cpp only.

#include <xxgk/app/app.hpp>
#include <xxgk/emit/results.hpp>
#include <xxgk/schema/schema.hpp>

#include <functional>
#include <ostream>

namespace xxgk::app {

/// Runs the batch of inputs, handing each result on in input order; returns false when some
/// input could not be expanded (an unreadable directory or @list, said on `err`).
using ForEachReport = std::function<bool(const std::function<void(emit::ReportResult&&)>&)>;

int run_fix(const Options& o, const std::vector<schema::Template>& templates,
            const ForEachReport& for_each, std::ostream& out, std::ostream& err);

} // namespace xxgk::app
