#pragma once
// Document → typed Report: finds the title, sections, and tables 二/三/四 by their labels.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/diag/rule_entry.hpp>
#include <xxgk/document/model.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/schema/schema.hpp>

#include <string>
#include <vector>

namespace xxgk::extract {

struct Extraction {
  report::Report report;
  std::vector<diag::Diagnostic> diagnostics; ///< EXTRACT-* findings
};

/// Picks the template whose markers the document shows most (ties: by report year, 2021 from
/// report year 2021 on). `candidates` must not be empty.
const schema::Template& detect_template(const document::Document& doc,
                                        const std::vector<const schema::Template*>& candidates);

/// Extracts with a given template.
Extraction extract(const document::Document& doc, const schema::Template& tmpl);
/// The same, into a report where the caller keeps it (a report is large: moving one costs as
/// much as checking its sums): `report` must be default-constructed; the EXTRACT-* findings are
/// appended to `diagnostics`.
void extract(const document::Document& doc, const schema::Template& tmpl, report::Report& report,
             std::vector<diag::Diagnostic>& diagnostics);

/// detect_template and extract together, reading the document's cells once: the template
/// detected among `candidates` (not empty), with which the report is extracted into `report`
/// (default-constructed), the EXTRACT-* findings appended to `diagnostics`.
const schema::Template& detect_and_extract(const document::Document& doc,
                                           const std::vector<const schema::Template*>& candidates,
                                           report::Report& report,
                                           std::vector<diag::Diagnostic>& diagnostics);

/// Title, agency and year from the document's first paragraphs.
struct TitleInfo {
  std::string title;
  std::optional<std::string> agency;
  std::optional<int> year;
  diag::SourceLocation where;
};
TitleInfo find_title(const document::Document& doc);

/// Built-in extraction rule IDs with their severity, description and fix (`xxgk rules`, `explain`).
using BuiltinRule = diag::RuleEntry;
const std::vector<BuiltinRule>& builtin_rules();

/// The templates of the EXTRACT-* findings' messages (the catalogue renders each).
const std::vector<const diag::MessageTemplate*>& messages();

} // namespace xxgk::extract
