#pragma once
// Excel workbooks (libxlsxwriter): one report in the template's own layout, many reports as rows,
// and the findings of `check --format xlsx`. Opens in Excel, WPS 表格 and LibreOffice Calc.

#include <xxgk/emit/emitters.hpp>
#include <xxgk/report/headers.hpp>
#include <xxgk/util/expected.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace xxgk::emit {

/// One report: a sheet 概况 (title, agency, year, template, counts of findings), a sheet per
/// table (表二/表三/表四) laid out as the national template — Chinese labels, merged header cells,
/// numbers as numbers, blank cells blank — with the cells of findings coloured (errors red,
/// warnings yellow) and the messages as cell comments, and a sheet 问题 listing every finding.
util::Expected<std::string> xlsx_report(const ReportResult& result,
                                        const std::vector<RuleInfo>& rules, Lang lang);

/// Many reports: a sheet 报告 with one row per report (the columns of `convert --to csv`, in the
/// template's order, headers as asked; cells of findings coloured and commented) and a sheet 问题
/// with every finding, both with filters and frozen headers.
util::Expected<std::string> xlsx_report_rows(const std::vector<ReportResult>& results,
                                             const std::vector<RuleInfo>& rules, Lang lang,
                                             report::Headers headers);

/// `check --format xlsx`: the findings as one sheet with filters (a row per finding; an
/// unreadable input is a row too).
void write_xlsx(const Batch& batch, const OutputOptions& options, std::ostream& out);

} // namespace xxgk::emit
