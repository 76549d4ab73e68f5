#pragma once
// Reading xxgk's own normalized forms back into reports: the JSON of `convert --to json`, the
// JSON lines of `--to jsonl` and the report rows of `--to csv`, so that `check` and `convert`
// take them as input like any report.

#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/expected.hpp>

#include <string_view>
#include <vector>

namespace xxgk::report {

/// Whether bytes look like the normalized JSON of `xxgk convert --to json` (an object with
/// "template" and "requests"), or a CSV whose header row names model paths.
bool looks_like_report_json(std::string_view bytes);
bool looks_like_report_csv(std::string_view bytes);
/// Whether bytes are the JSON lines of `xxgk convert --to jsonl` (the first line a normalized
/// report).
bool looks_like_report_jsonl(std::string_view bytes);
/// Reads the normalized JSON back: null → Blank, numbers exact (decimals from their literal
/// text). Errors name the offending key.
util::Expected<Report> report_from_json(std::string_view bytes, const schema::Template& tmpl);
/// Reads CSV rows (the batch row format: source, template, year, agency, errors, warnings, then
/// model paths): one report per data row; each row's "template" column picks its template.
util::Expected<std::vector<Report>> reports_from_csv(std::string_view bytes);

/// The message templates of this module's errors (the rule catalogue lists them).
const std::vector<const diag::MessageTemplate*>& error_messages();

} // namespace xxgk::report
