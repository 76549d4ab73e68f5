// Excel output with libxlsxwriter. The library writes a file, not a stream: each workbook goes
// to a temporary file (mkstemps in the temporary directory), which is read back into the stream
// and removed.

#include "../streams.hpp"
#include "messages.hpp"

#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/xlsx.hpp>
#include <xxgk/report/fields.hpp>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <unistd.h>

namespace xxgk::emit {

namespace {

/// The creation time written into the workbook (1980-01-01): the same report gives the same
/// bytes.
constexpr time_t k_created = 315532800;
constexpr lxw_color_t k_error_fill = 0xFFC7CE;
constexpr lxw_color_t k_warning_fill = 0xFFEB9C;
constexpr lxw_color_t k_header_fill = 0xD9E1F2;
constexpr double k_min_width = 8;
constexpr double k_max_width = 40;

/// A workbook written to a temporary file; finish() closes it and returns its bytes.
class Workbook {
public:
  explicit Workbook(const std::string& title) : m_title(title) {
    std::error_code ec;
    m_dir = std::filesystem::temp_directory_path(ec).string();
    if (ec) {
      m_dir = "/tmp";
    }
    std::string name = m_dir + "/xxgk-XXXXXX.xlsx";
    const int fd = ::mkstemps(name.data(), 5);
    if (fd < 0) {
      return;
    }
    ::close(fd);
    m_path = name;
    lxw_workbook_options options{};
    options.tmpdir = m_dir.data();
    m_book = workbook_new_opt(m_path.c_str(), &options);
    if (m_book != nullptr) {
      lxw_doc_properties properties{};
      properties.title = m_title.data();
      properties.created = k_created;
      workbook_set_properties(m_book, &properties);
    }
  }
  ~Workbook() {
    if (m_book != nullptr) {
      workbook_close(m_book);
    }
    if (!m_path.empty()) {
      std::error_code ec;
      std::filesystem::remove(m_path, ec);
    }
  }
  Workbook(const Workbook&) = delete;
  Workbook& operator=(const Workbook&) = delete;

  [[nodiscard]] lxw_workbook* get() const { return m_book; }

  util::Expected<std::string> finish() {
    if (m_book == nullptr) {
      return util::Error::of(util::ErrorKind::Io, {&msg::k_workbook_temp, {m_dir}});
    }
    const lxw_error e = workbook_close(m_book);
    m_book = nullptr;
    if (e != LXW_NO_ERROR) {
      return util::Error::of(util::ErrorKind::Io, {&msg::k_workbook_write, {lxw_strerror(e)}});
    }
    std::ifstream in(m_path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      return util::Error::of(util::ErrorKind::Io, {&msg::k_workbook_read_back, {m_path}});
    }
    return bytes.str();
  }

private:
  std::string m_title;
  std::string m_dir;
  std::string m_path;
  lxw_workbook* m_book = nullptr;
};

/// The cell formats of a workbook.
struct Formats {
  lxw_format* title = nullptr;
  lxw_format* header = nullptr;
  lxw_format* label = nullptr;
  lxw_format* value = nullptr;
  lxw_format* error = nullptr;
  lxw_format* warning = nullptr;
  lxw_format* plain = nullptr;

  explicit Formats(lxw_workbook* book) {
    title = workbook_add_format(book);
    format_set_bold(title);
    format_set_font_size(title, 14);
    format_set_align(title, LXW_ALIGN_CENTER);
    format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
    header = bordered(book);
    format_set_bold(header);
    format_set_align(header, LXW_ALIGN_CENTER);
    format_set_pattern(header, LXW_PATTERN_SOLID);
    format_set_bg_color(header, k_header_fill);
    label = bordered(book);
    value = bordered(book);
    format_set_align(value, LXW_ALIGN_CENTER);
    error = bordered(book);
    format_set_align(error, LXW_ALIGN_CENTER);
    format_set_pattern(error, LXW_PATTERN_SOLID);
    format_set_bg_color(error, k_error_fill);
    warning = bordered(book);
    format_set_align(warning, LXW_ALIGN_CENTER);
    format_set_pattern(warning, LXW_PATTERN_SOLID);
    format_set_bg_color(warning, k_warning_fill);
    plain = workbook_add_format(book);
    format_set_align(plain, LXW_ALIGN_VERTICAL_TOP);
    format_set_text_wrap(plain);
  }

  /// The format of a value cell with findings of this severity (nullopt: none).
  [[nodiscard]] lxw_format* for_value(std::optional<diag::Severity> s) const {
    if (!s) {
      return value;
    }
    return *s == diag::Severity::Error ? error : *s == diag::Severity::Warning ? warning : value;
  }

private:
  static lxw_format* bordered(lxw_workbook* book) {
    lxw_format* f = workbook_add_format(book);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    format_set_text_wrap(f);
    return f;
  }
};

/// Findings per cell (model path): the highest severity and the messages, for colour and comment.
struct CellFindings {
  diag::Severity severity = diag::Severity::Info;
  std::vector<std::string> messages;
};
using FindingsByCell = std::map<std::string, CellFindings, std::less<>>;

FindingsByCell findings_by_cell(const ReportResult& r, const std::vector<RuleInfo>& rules,
                                Lang lang) {
  FindingsByCell out;
  for (const auto& d : r.diagnostics) {
    const std::string message =
        fmt::format("[{}] {}", d.rule, localized_message(d, find_rule(rules, d.rule), lang));
    for (const auto& path : d.cells) {
      auto [it, fresh] = out.try_emplace(path);
      if (fresh || d.severity > it->second.severity) {
        it->second.severity = d.severity;
      }
      it->second.messages.push_back(message);
    }
  }
  return out;
}

/// Columns a text takes in a spreadsheet: CJK characters count two.
double display_width(std::string_view s) {
  double w = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return w;
}

/// Writes a report's cell: a number as a number, a placeholder or text as read, blank as blank.
void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const report::Cell* cell,
                lxw_format* format) {
  if (cell != nullptr && cell->state == report::CellState::Number && cell->value) {
    worksheet_write_number(ws, row, col, std::strtod(cell->value->to_string().c_str(), nullptr),
                           format);
  } else if (cell != nullptr && (cell->state == report::CellState::Placeholder ||
                                 cell->state == report::CellState::Text)) {
    worksheet_write_string(ws, row, col, cell->raw.c_str(), format);
  } else {
    worksheet_write_blank(ws, row, col, format);
  }
}

void write_comment(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const CellFindings& f) {
  std::string text;
  for (const auto& m : f.messages) {
    text += (text.empty() ? "" : "\n") + m;
  }
  lxw_comment_options options{};
  options.author = const_cast<char*>("xxgk");
  options.width = 360;
  options.height = static_cast<uint16_t>(std::min<std::size_t>(60 + 40 * f.messages.size(), 400));
  worksheet_write_comment_opt(ws, row, col, text.c_str(), &options);
}

/// The cell of a grid row that starts at grid column `col`, or nullptr.
const GridCell* cell_at(const GridRow& row, int col) {
  int c = 0;
  for (const auto& cell : row) {
    if (c == col) {
      return &cell;
    }
    c += cell.span;
  }
  return nullptr;
}

/// A sheet name Excel accepts: at most 31 characters, none of []:*?/\.
std::string sheet_name(std::string name) {
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
      c = '_';
    }
  }
  return name;
}

/// One template table laid out as the official form, its title on the first row.
void write_grid_sheet(lxw_workbook* book, const Formats& f, const Grid& g,
                      const schema::Template& tmpl, const report::Report& report,
                      const FindingsByCell& findings) {
  const schema::Table* t = tmpl.table(g.table);
  const std::string name = t != nullptr ? "表" + t->name : g.table;
  lxw_worksheet* ws = workbook_add_worksheet(book, sheet_name(name).c_str());
  const auto last_col = static_cast<lxw_col_t>(std::max(1, g.columns) - 1);
  const std::string title = t != nullptr ? fmt::format("{} {}", name, t->title) : name;
  worksheet_merge_range(ws, 0, 0, 0, last_col, title.c_str(), f.title);
  worksheet_set_row(ws, 0, 24, nullptr);
  constexpr lxw_row_t k_first = 2;
  std::vector<double> widths(static_cast<std::size_t>(std::max(1, g.columns)), k_min_width);
  for (std::size_t i = 0; i < g.rows.size(); ++i) {
    const auto row = static_cast<lxw_row_t>(k_first + i);
    int c = 0;
    for (const auto& cell : g.rows[i]) {
      const int col = c;
      c += cell.span;
      if (cell.vmerge == VMerge::Continue) {
        continue; // inside the merge of a cell above
      }
      std::size_t end = i;
      if (cell.vmerge == VMerge::Restart) {
        while (end + 1 < g.rows.size()) {
          const GridCell* below = cell_at(g.rows[end + 1], col);
          if (below == nullptr || below->vmerge != VMerge::Continue) {
            break;
          }
          ++end;
        }
      }
      const auto first = static_cast<lxw_col_t>(col);
      const auto last = static_cast<lxw_col_t>(col + cell.span - 1);
      std::string text;
      for (const auto& p : cell.paras) {
        text += (text.empty() ? "" : "\n") + p;
      }
      const report::Cell* value =
          cell.path.empty() ? nullptr : report::find_cell(report, cell.path);
      const auto found = cell.path.empty() ? findings.end() : findings.find(cell.path);
      lxw_format* format = cell.path.empty()         ? (cell.header ? f.header : f.label)
                           : found == findings.end() ? f.value
                                                     : f.for_value(found->second.severity);
      if (end > i || last > first) {
        worksheet_merge_range(ws, row, first, static_cast<lxw_row_t>(k_first + end), last, "",
                              format);
      }
      if (cell.path.empty()) {
        worksheet_write_string(ws, row, first, text.c_str(), format);
      } else {
        write_cell(ws, row, first, value, format);
        if (found != findings.end()) {
          write_comment(ws, row, first, found->second);
        }
      }
      if (cell.span == 1 && col < static_cast<int>(widths.size())) {
        widths[static_cast<std::size_t>(col)] = std::min(
            k_max_width, std::max(widths[static_cast<std::size_t>(col)], display_width(text) + 2));
      }
    }
  }
  for (std::size_t col = 0; col < widths.size(); ++col) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(col), static_cast<lxw_col_t>(col), widths[col],
                         nullptr);
  }
}

/// The columns of a findings sheet.
std::vector<std::string> finding_columns(Lang lang) {
  if (lang == Lang::En) {
    return {"source", "line",    "column", "table",  "row",  "column_label", "severity",
            "rule",   "message", "cells",  "agency", "year", "template"};
  }
  return {"文件", "行号", "列号",   "表",   "行",   "列",  "级别",
          "规则", "说明", "单元格", "机关", "年度", "模板"};
}

/// A findings sheet: a header row with filters, then a row per finding of every result (an
/// unreadable input is one row).
void write_findings_sheet(lxw_workbook* book, const Formats& f, const std::string& name,
                          const std::vector<const ReportResult*>& results,
                          const std::vector<RuleInfo>& rules, Lang lang) {
  lxw_worksheet* ws = workbook_add_worksheet(book, name.c_str());
  const auto columns = finding_columns(lang);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), f.header);
  }
  lxw_row_t row = 1;
  auto put = [&](lxw_col_t col, const std::string& s) {
    if (!s.empty()) {
      worksheet_write_string(ws, row, col, s.c_str(), f.plain);
    }
  };
  auto put_number = [&](lxw_col_t col, std::optional<int> n) {
    if (n) {
      worksheet_write_number(ws, row, col, *n, f.plain);
    }
  };
  for (const ReportResult* r : results) {
    if (!r->readable) {
      put(0, r->source);
      put(6, "error");
      put(7, "READ");
      put(8, r->read_error);
      ++row;
      continue;
    }
    for (const auto& d : r->diagnostics) {
      const auto& w = d.location;
      put(0, r->source);
      put_number(1, w.has_line() ? std::optional<int>(static_cast<int>(w.line)) : std::nullopt);
      put_number(2, w.has_line() ? std::optional<int>(static_cast<int>(w.column)) : std::nullopt);
      put(3, table_number(w.table_name, lang));
      put(4, w.row_label);
      put(5, w.column_label);
      put(6, std::string(diag::to_string(d.severity)));
      put(7, d.rule);
      put(8, localized_message(d, find_rule(rules, d.rule), lang));
      put(9, fmt::format("{}", fmt::join(d.cells, " ")));
      put(10, r->report.agency.value_or(""));
      put_number(11, r->report.year);
      put(12, r->report.template_id);
      ++row;
    }
  }
  const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
  worksheet_autofilter(ws, 0, 0, row - 1, last_col);
  worksheet_freeze_panes(ws, 1, 0);
  const double widths[] = {30, 6, 6, 4, 30, 14, 8, 16, 80, 30, 24, 6, 6};
  for (lxw_col_t c = 0; c <= last_col; ++c) {
    worksheet_set_column(ws, c, c, widths[c], nullptr);
  }
}

/// 概况: what the report is, one property a row.
void write_overview_sheet(lxw_workbook* book, const Formats& f, const ReportResult& r) {
  lxw_worksheet* ws = workbook_add_worksheet(book, "概况");
  const report::Report& report = r.report;
  const std::pair<std::string, std::string> rows[] = {
      {"标题", report_title(report)},
      {"机关", report.agency.value_or("")},
      {"年度", report.year ? std::to_string(*report.year) : ""},
      {"模板", r.tmpl != nullptr ? r.tmpl->name : report.template_id},
      {"文件", r.source},
      {"错误数", std::to_string(r.count(diag::Severity::Error))},
      {"警告数", std::to_string(r.count(diag::Severity::Warning))},
  };
  lxw_row_t row = 0;
  for (const auto& [key, value] : rows) {
    worksheet_write_string(ws, row, 0, key.c_str(), f.header);
    worksheet_write_string(ws, row, 1, value.c_str(), f.label);
    ++row;
  }
  worksheet_set_column(ws, 0, 0, 10, nullptr);
  worksheet_set_column(ws, 1, 1, 70, nullptr);
}

} // namespace

util::Expected<std::string> xlsx_report(const ReportResult& result,
                                        const std::vector<RuleInfo>& rules, Lang lang) {
  if (result.tmpl == nullptr) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_template, {}});
  }
  Workbook book(report_title(result.report));
  if (book.get() == nullptr) {
    return book.finish();
  }
  const Formats f(book.get());
  write_overview_sheet(book.get(), f, result);
  const FindingsByCell findings = findings_by_cell(result, rules, lang);
  for (const auto& g : template_grids(result.report, *result.tmpl)) {
    write_grid_sheet(book.get(), f, g, *result.tmpl, result.report, findings);
  }
  write_findings_sheet(book.get(), f, "问题", {&result}, rules, lang);
  return book.finish();
}

util::Expected<std::string> xlsx_report_rows(const std::vector<ReportResult>& results,
                                             const std::vector<RuleInfo>& rules, Lang lang,
                                             report::Headers headers) {
  Workbook book("xxgk");
  if (book.get() == nullptr) {
    return book.finish();
  }
  const Formats f(book.get());
  lxw_worksheet* ws = workbook_add_worksheet(book.get(), "报告");
  const auto columns = report::report_columns(headers);
  for (std::size_t c = 0; c < columns.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), columns[c].c_str(), f.header);
  }
  constexpr std::size_t k_meta = std::size(report::k_meta_columns);
  lxw_row_t row = 1;
  std::vector<const ReportResult*> all;
  for (const auto& r : results) {
    all.push_back(&r);
    if (!r.readable) {
      continue;
    }
    const report::Report& rep = r.report;
    worksheet_write_string(ws, row, 0, r.source.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, rep.template_id.c_str(), nullptr);
    if (rep.year) {
      worksheet_write_number(ws, row, 2, *rep.year, nullptr);
    }
    if (rep.agency) {
      worksheet_write_string(ws, row, 3, rep.agency->c_str(), nullptr);
    }
    worksheet_write_number(ws, row, 4, r.count(diag::Severity::Error), nullptr);
    worksheet_write_number(ws, row, 5, r.count(diag::Severity::Warning), nullptr);
    const FindingsByCell findings = findings_by_cell(r, rules, lang);
    lxw_col_t col = static_cast<lxw_col_t>(k_meta);
    for (const auto& field : report::fields()) {
      const report::Cell* cell = report::find_cell(rep, field.path);
      const auto found = findings.find(field.path);
      lxw_format* format = found == findings.end() ? nullptr : f.for_value(found->second.severity);
      if (cell != nullptr && cell->state != report::CellState::Absent) {
        write_cell(ws, row, col, cell, format);
      } else if (format != nullptr) {
        worksheet_write_blank(ws, row, col, format);
      }
      if (found != findings.end()) {
        write_comment(ws, row, col, found->second);
      }
      ++col;
    }
    ++row;
  }
  worksheet_autofilter(ws, 0, 0, row - 1, static_cast<lxw_col_t>(columns.size() - 1));
  worksheet_freeze_panes(ws, 1, 4);
  worksheet_set_column(ws, 0, 0, 30, nullptr);
  worksheet_set_column(ws, 3, 3, 24, nullptr);
  worksheet_set_column(ws, static_cast<lxw_col_t>(k_meta),
                       static_cast<lxw_col_t>(columns.size() - 1), 14, nullptr);
  write_findings_sheet(book.get(), f, "问题", all, rules, lang);
  return book.finish();
}

void write_xlsx(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  Workbook book("xxgk check");
  if (book.get() == nullptr) {
    out.setstate(std::ios::badbit);
    return;
  }
  const Formats f(book.get());
  std::vector<const ReportResult*> all;
  for (const auto& r : batch.reports) {
    all.push_back(&r);
  }
  write_findings_sheet(book.get(), f, options.lang == Lang::En ? "findings" : "问题", all,
                       batch.rules, options.lang);
  const auto bytes = book.finish();
  if (!bytes) {
    out.setstate(std::ios::badbit);
    return;
  }
  out << *bytes;
}

} // namespace xxgk::emit
