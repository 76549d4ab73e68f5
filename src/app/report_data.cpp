// Report data read as it is and carried over to another template (report_data.hpp).

#include "report_data.hpp"
#include "messages.hpp"

#include <xxgk/emit/convert.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/report/input.hpp>
#include <xxgk/report/template_map.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace xxgk::app {

namespace {

const schema::Template* find_template(const std::vector<schema::Template>& templates,
                                      std::string_view id) {
  for (const auto& t : templates) {
    if (t.id == id) {
      return &t;
    }
  }
  return schema::bundled_template(id);
}

emit::ReportResult unreadable(const std::string& source, const diag::Message& message,
                              diag::Lang lang) {
  emit::ReportResult r;
  r.source = source;
  r.readable = false;
  r.read_error = message.render(lang);
  return r;
}

} // namespace

namespace {

/// The table, row and column names of every cell read from report data, so that findings name
/// them as they do for documents.
void name_cells(report::Report& report, const schema::Template& tmpl) {
  for (const auto& path : tmpl.cell_paths()) {
    report::Cell* cell = report::find_cell(report, path);
    const schema::Table* table = tmpl.table(path.substr(0, path.find('.')));
    if (cell == nullptr || table == nullptr) {
      continue;
    }
    auto [row, column] = tmpl.row_column_labels(path);
    cell->where.table_name = table->name;
    cell->where.row_label = std::move(row);
    cell->where.column_label = std::move(column);
  }
}

/// One normalized report in JSON; `line` > 0 for a line of JSON lines (it prefixes the JSON
/// pointers of the cells).
emit::ReportResult report_from_json_text(const std::string& source, std::string_view text,
                                         const std::vector<schema::Template>& templates, int line,
                                         diag::Lang lang) {
  const std::string at = line > 0 ? fmt::format("line {}: ", line) : std::string();
  const diag::Arg at_arg =
      line > 0 ? diag::nested({&msg::k_line_prefix, {line}}) : diag::Arg(std::string());
  const auto j = nlohmann::json::parse(text, nullptr, false);
  const std::string id = j.is_object() && j.contains("template") && j["template"].is_string()
                             ? j["template"].get<std::string>()
                             : "";
  const schema::Template* tmpl = find_template(templates, id);
  if (tmpl == nullptr) {
    return unreadable(source, {&msg::k_json_template, {at_arg, id}}, lang);
  }
  auto report = report::report_from_json(text, *tmpl);
  if (!report) {
    return unreadable(source, {&msg::k_at, {at_arg, diag::nested(report.error().msg)}}, lang);
  }
  emit::ReportResult r;
  r.source = source;
  r.report = std::move(*report);
  if (r.report.source.empty()) {
    r.report.source = source;
  }
  name_cells(r.report, *tmpl);
  if (line > 0) {
    for (const auto& f : report::fields()) {
      report::Cell* cell = report::find_cell(r.report, f.path);
      if (cell != nullptr && !cell->where.part.empty()) {
        cell->where.part = at + cell->where.part;
      }
    }
  }
  r.tmpl = tmpl;
  return r;
}

} // namespace

std::optional<std::vector<emit::ReportResult>>
read_report_data(const std::string& source, std::string_view bytes,
                 const std::vector<schema::Template>& templates, diag::Lang lang) {
  std::vector<emit::ReportResult> out;
  if (report::looks_like_report_json(bytes)) {
    out.push_back(report_from_json_text(source, bytes, templates, 0, lang));
    return out;
  }
  if (report::looks_like_report_jsonl(bytes)) {
    int line = 0;
    std::size_t start = 0;
    while (start < bytes.size()) {
      auto end = bytes.find('\n', start);
      if (end == std::string_view::npos) {
        end = bytes.size();
      }
      ++line;
      const std::string_view text = bytes.substr(start, end - start);
      if (text.find_first_not_of(" \t\r") != std::string_view::npos) {
        out.push_back(report_from_json_text(source, text, templates, line, lang));
      }
      start = end + 1;
    }
    return out;
  }
  if (report::looks_like_report_csv(bytes)) {
    auto reports = report::reports_from_csv(bytes);
    if (!reports) {
      out.push_back(unreadable(source, reports.error().msg, lang));
      return out;
    }
    for (auto& report : *reports) {
      const schema::Template* tmpl = find_template(templates, report.template_id);
      if (tmpl == nullptr) {
        out.push_back(unreadable(source, {&msg::k_csv_template, {report.template_id}}, lang));
        continue;
      }
      emit::ReportResult r;
      r.source = source;
      if (report.source.empty()) {
        report.source = source;
      }
      name_cells(report, *tmpl);
      r.report = std::move(report);
      r.tmpl = tmpl;
      out.push_back(std::move(r));
    }
    return out;
  }
  return std::nullopt;
}

int retarget(emit::ReportResult& result, const Options& o,
             const std::vector<schema::Template>& templates, std::ostream& err) {
  if (!result.readable || result.tmpl == nullptr || o.template_id.empty() ||
      o.template_id == result.tmpl->id) {
    return k_exit_clean;
  }
  const schema::Template* target = find_template(templates, o.template_id);
  if (result.tmpl->id != "2019" || o.template_id != "2021" || target == nullptr) {
    err << fmt::format(
        "xxgk: error: {}: cannot convert a {} report to the {} template (only 2019 → 2021 is "
        "supported)\n",
        result.source, result.tmpl->id, o.template_id);
    return k_exit_usage;
  }
  std::vector<std::string> dropped;
  report::Report converted = report::convert_2019_to_2021(result.report, *result.tmpl, dropped);
  err << fmt::format(
      "xxgk: note: {}: 2019 layout written as 2021: 表三 and 表四 unchanged, 表二 "
      "处理决定数量 → 本年处理决定数量, 表三 （六）其他处理 → （六）3.其他 (1. and 2. "
      "left blank)\n",
      result.source);
  if (!dropped.empty()) {
    err << fmt::format("xxgk: warning: {}: {} {} of the 2019 layout cannot be carried over to "
                       "2021 (format.md §5a) and {} not written:\n",
                       result.source, dropped.size(), dropped.size() == 1 ? "cell" : "cells",
                       dropped.size() == 1 ? "is" : "are");
    for (const auto& path : dropped) {
      const report::Cell* c = report::find_cell(result.report, path);
      err << fmt::format("  {} = {}  ({})\n", path, c != nullptr ? c->raw : std::string{},
                         result.tmpl->cell_label(path));
    }
  }
  result.report = std::move(converted);
  result.tmpl = target;
  return dropped.empty() ? k_exit_clean : k_exit_findings;
}

} // namespace xxgk::app
