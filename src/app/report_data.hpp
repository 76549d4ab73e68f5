#pragma once
// Report data: xxgk's own normalized JSON and CSV row forms are read as they are (by every
// command, pipeline.cpp), not extracted; and `convert --template` carries a 2019 report over to
// the 2021 template.

#include <xxgk/app/app.hpp>
#include <xxgk/emit/results.hpp>
#include <xxgk/schema/schema.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::app {

/// When `bytes` are the normalized JSON or a CSV of model paths: their reports (an unreadable
/// result when the data is malformed, its reason in `lang`). nullopt when they are a document to
/// extract from.
std::optional<std::vector<emit::ReportResult>>
read_report_data(const std::string& source, std::string_view bytes,
                 const std::vector<schema::Template>& templates, diag::Lang lang);

/// --template for convert names the layout to write: a 2019 report becomes a 2021 one with the
/// cells that map cleanly; the cells that cannot be carried over are listed on `err`. Returns
/// k_exit_clean, k_exit_findings when a cell with a value was lost, or k_exit_usage when the
/// conversion is not supported (said on `err`).
int retarget(emit::ReportResult& result, const Options& o,
             const std::vector<schema::Template>& templates, std::ostream& err);

} // namespace xxgk::app
