// One self-contained HTML page (no scripts, no network, no external files): a summary of the
// batch, then each report's findings and its tables laid out like the template, with the cells in
// error or warning highlighted and their messages on hover (title attribute).
//
// The page is built as an XHTML-compatible tree with pugixml, which does all escaping; every
// non-void element gets a (possibly empty) text child so that no element is written as `<td />`,
// which an HTML parser would not close.

#include "shared.hpp"

#include <xxgk/emit/emitters.hpp>
#include <xxgk/report/fields.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <map>
#include <ostream>

namespace xxgk::emit {

namespace {

constexpr const char* k_style = R"(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; }
th { background: #f3f3f3; font-weight: normal; text-align: left; }
table.template td { text-align: right; min-width: 3em; font-variant-numeric: tabular-nums; }
table.summary td.n { text-align: right; }
tr.caption th { background: #e6e6e6; font-weight: bold; }
td.error, span.error { background: #f8c4c4; outline: 2px solid #c00; }
td.warning, span.warning { background: #fbe7b5; outline: 2px solid #c80; }
td.info { background: #d6eaf8; }
td.involved, span.involved { background: #fdeaea; }
td.unread, span.unread { background: repeating-linear-gradient(45deg, #fff, #fff 3px, #e8a0a0 3px, #e8a0a0 5px); }
td.na, span.na { background: repeating-linear-gradient(-45deg, #fff, #fff 4px, #ccc 4px, #ccc 6px); }
td[title], li[title] { cursor: help; }
.sev-error { color: #b00; font-weight: bold; } .sev-warning { color: #a60; font-weight: bold; }
.sev-info { color: #06c; } .unreadable { color: #b00; }
ul.findings { padding-left: 1.2em; } ul.findings li { margin: 0.2em 0; }
code { font-family: monospace; } .where { color: #555; }
.legend span { display: inline-block; padding: 0 0.5em; margin-right: 0.5em; border: 1px solid #999; }
footer { margin-top: 3em; color: #777; font-size: 0.9em; }
)";

/// Words of the page in both languages.
struct Words {
  const char* heading;
  const char* report;
  const char* agency;
  const char* year;
  const char* template_;
  const char* errors;
  const char* warnings;
  const char* infos;
  const char* unreadable;
  const char* no_findings;
  const char* findings;
  const char* legend_error;
  const char* legend_warning;
  const char* legend_involved;
  const char* legend_unread;
  const char* unread_cell;
  const char* legend_na;
  const char* na;
  const char* table;
};

const Words& words(Lang lang) {
  static const Words k_zh = {"政府信息公开工作年度报告检查结果",
                             "报告",
                             "机关",
                             "年度",
                             "模板",
                             "错误",
                             "警告",
                             "提示",
                             "无法读取",
                             "未发现问题。",
                             "问题",
                             "有错误的单元格",
                             "有警告的单元格",
                             "参与计算的单元格",
                             "未能读出的单元格（报告中缺少，或 xxgk 无法识别）",
                             "xxgk 未能从报告中读出这个单元格（见 EXTRACT 问题）",
                             "本模板没有的单元格",
                             "本模板没有这个单元格",
                             "表"};
  static const Words k_en = {"Annual government information disclosure reports: check results",
                             "report",
                             "agency",
                             "year",
                             "template",
                             "errors",
                             "warnings",
                             "infos",
                             "unreadable",
                             "No findings.",
                             "Findings",
                             "cell in error",
                             "cell with a warning",
                             "cell used in a failed check",
                             "cell not read (missing from the report, or not recognised)",
                             "xxgk could not read this cell from the report (see the EXTRACT "
                             "findings)",
                             "cell not in this template",
                             "this template has no such cell",
                             "Table "};
  return lang == Lang::En ? k_en : k_zh;
}

/// An element with text (never written self-closed).
pugi::xml_node el(pugi::xml_node parent, const char* name, const std::string& text = "") {
  auto n = parent.append_child(name);
  n.append_child(pugi::node_pcdata).set_value(text.c_str());
  return n;
}

/// An element that holds other elements only.
pugi::xml_node box(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

void attr(pugi::xml_node n, const char* name, const std::string& value) {
  n.append_attribute(name).set_value(value.c_str());
}

void span_attr(pugi::xml_node n, const char* name, std::size_t value) {
  if (value > 1) {
    n.append_attribute(name).set_value(static_cast<unsigned>(value));
  }
}

const char* severity_word(diag::Severity s, Lang lang) {
  const Words& w = words(lang);
  switch (s) {
  case diag::Severity::Error:
    return lang == Lang::En ? "error" : "错误";
  case diag::Severity::Warning:
    return lang == Lang::En ? "warning" : "警告";
  case diag::Severity::Info:
    return lang == Lang::En ? "info" : w.infos;
  }
  return "";
}

/// What the findings say about one cell.
struct CellMark {
  bool primary = false;
  diag::Severity severity = diag::Severity::Info;
  std::vector<std::string> notes;
};

/// Findings by cell path. A sum or comparison marks its first cell (the total it checks) and
/// shows the other cells as involved; other rules mark every cell they list.
std::map<std::string, CellMark> mark_cells(const Batch& batch, const ReportResult& r, Lang lang) {
  std::map<std::string, CellMark> marks;
  for (const auto& d : r.diagnostics) {
    const RuleInfo* info = batch.rule(d.rule);
    const bool first_only = info != nullptr && (info->kind == "sum" || info->kind == "equal" ||
                                                info->kind == "at_least");
    const std::string note = fmt::format("{} {}: {}", severity_word(d.severity, lang), d.rule,
                                         localized_message(d, info, lang));
    for (std::size_t i = 0; i < d.cells.size(); ++i) {
      auto& m = marks[d.cells[i]];
      const bool primary = !first_only || i == 0;
      if (primary && (!m.primary || d.severity > m.severity)) {
        m.severity = m.primary ? std::max(m.severity, d.severity) : d.severity;
        m.primary = true;
      }
      m.notes.push_back(note);
    }
  }
  return marks;
}

class ReportPage {
public:
  ReportPage(const Batch& batch, const ReportResult& r, Lang lang)
      : m_r(r), m_lang(lang), m_marks(mark_cells(batch, r, lang)) {}

  /// A <td> with the cell's text as written, highlighted by the findings on it.
  void value_cell(pugi::xml_node tr, const std::string& path, std::size_t colspan = 1) const {
    const report::Cell* c = report::find_cell(m_r.report, path);
    const bool absent = c == nullptr || c->state == report::CellState::Absent;
    auto td = el(tr, "td", absent ? "" : c->raw);
    span_attr(td, "colspan", colspan);
    std::string title;
    std::string cls = absent ? "unread" : "";
    if (const auto it = m_marks.find(path); it != m_marks.end()) {
      const CellMark& m = it->second;
      cls = m.primary ? std::string(diag::to_string(m.severity)) : "involved";
      title = fmt::format("{}", fmt::join(m.notes, "\n"));
    } else if (absent) {
      title = words(m_lang).unread_cell;
    }
    if (!cls.empty()) {
      attr(td, "class", cls);
    }
    if (!title.empty()) {
      attr(td, "title", title);
    }
    attr(td, "data-cell", path);
  }

  void blocks_table(pugi::xml_node table, const schema::Table& t) const {
    std::size_t width = 1;
    for (const auto& b : t.blocks) {
      width = std::max(width, b.columns.size());
    }
    auto body = box(table, "tbody");
    for (const auto& b : t.blocks) {
      auto caption = box(body, "tr");
      attr(caption, "class", "caption");
      span_attr(el(caption, "th", b.caption.text), "colspan", width + 1);
      auto head = box(body, "tr");
      el(head, "th", t.header_labels.empty() ? "" : t.header_labels.front().text);
      for (const auto& c : b.columns) {
        el(head, "th", c.label.text);
      }
      if (b.columns.size() < width) {
        auto na = el(head, "th");
        span_attr(na, "colspan", width - b.columns.size());
        attr(na, "class", "na");
      }
      for (const auto& row : b.rows) {
        auto tr = box(body, "tr");
        el(tr, "th", row.label.text);
        for (const auto& c : b.columns) {
          value_cell(tr, t.key + "." + row.key + "." + c.key);
        }
        // A narrower block: the grid positions this template does not have.
        if (b.columns.size() < width) {
          auto na = el(tr, "td");
          span_attr(na, "colspan", width - b.columns.size());
          attr(na, "class", "na");
          attr(na, "title", words(m_lang).na);
        }
      }
    }
  }

  /// Table 三: labelled rows under shared columns. A group whose rows enclose other groups'
  /// rows (三、本年度办理结果) becomes an outer label column, the others an inner one, as in the
  /// template.
  void rows_table(pugi::xml_node table, const schema::Table& t) const {
    std::map<std::string, std::pair<std::size_t, std::size_t>> range; // group → first, last row
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      if (!t.rows[i].group.empty()) {
        auto [it, fresh] = range.try_emplace(t.rows[i].group, i, i);
        it->second.second = i;
      }
    }
    std::map<std::string, bool> outer;
    for (const auto& [key, r] : range) {
      for (std::size_t i = r.first; i <= r.second; ++i) {
        outer[key] = outer[key] || (!t.rows[i].group.empty() && t.rows[i].group != key);
      }
    }
    std::map<std::string, std::string> labels;
    for (const auto& g : t.groups) {
      labels[g.key] = g.label.text;
    }
    bool any_outer = false;
    bool any_inner = false;
    for (const auto& [key, is_outer] : outer) {
      (is_outer ? any_outer : any_inner) = true;
    }
    const std::size_t label_cols = 1 + (any_outer ? 1 : 0) + (any_inner ? 1 : 0);

    auto head = box(table, "thead");
    if (!t.header_labels.empty()) {
      auto top = box(head, "tr");
      auto corner = el(top, "th");
      span_attr(corner, "colspan", label_cols);
      span_attr(corner, "rowspan", 2);
      span_attr(el(top, "th", t.header_labels.front().text), "colspan", t.columns.size());
    }
    auto cols = box(head, "tr");
    if (t.header_labels.empty()) {
      span_attr(el(cols, "th"), "colspan", label_cols);
    }
    for (const auto& c : t.columns) {
      el(cols, "th", c.label.text);
    }

    auto body = box(table, "tbody");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const schema::Row& row = t.rows[i];
      auto tr = box(body, "tr");
      std::size_t used = 0;
      for (const auto& [key, r] : range) {
        if (outer[key] && r.first <= i && i <= r.second) {
          ++used;
          if (i == r.first) {
            auto th = el(tr, "th", labels[key]);
            span_attr(th, "rowspan", r.second - r.first + 1);
            attr(th, "class", "group");
          }
        }
      }
      if (!row.group.empty() && !outer[row.group]) {
        ++used;
        if (i == 0 || t.rows[i - 1].group != row.group) {
          std::size_t run = 1;
          while (i + run < t.rows.size() && t.rows[i + run].group == row.group) {
            ++run;
          }
          auto th = el(tr, "th", labels[row.group]);
          span_attr(th, "rowspan", run);
          attr(th, "class", "group");
        }
      }
      span_attr(el(tr, "th", row.label.text), "colspan", label_cols - used);
      for (const auto& c : t.columns) {
        value_cell(tr, t.key + "." + row.key + "." + c.key);
      }
    }
  }

  void flat_table(pugi::xml_node table, const schema::Table& t) const {
    auto head = box(table, "thead");
    auto top = box(head, "tr");
    if (!t.header_labels.empty() && t.rows.size() > 1) {
      // As the template: 行政复议 | 行政诉讼 over 未经复议直接起诉 and 复议后起诉.
      auto first = el(top, "th", t.rows.front().label.text);
      span_attr(first, "colspan", t.columns.size());
      span_attr(first, "rowspan", 2);
      span_attr(el(top, "th", t.header_labels.front().text), "colspan",
                (t.rows.size() - 1) * t.columns.size());
      auto second = box(head, "tr");
      for (std::size_t i = 1; i < t.rows.size(); ++i) {
        span_attr(el(second, "th", t.rows[i].label.text), "colspan", t.columns.size());
      }
    } else {
      for (const auto& row : t.rows) {
        span_attr(el(top, "th", row.label.text), "colspan", t.columns.size());
      }
    }
    auto cols = box(head, "tr");
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      for (const auto& c : t.columns) {
        el(cols, "th", c.label.text);
      }
    }
    auto tr = box(box(table, "tbody"), "tr");
    for (const auto& row : t.rows) {
      for (const auto& c : t.columns) {
        value_cell(tr, t.key + "." + row.key + "." + c.key);
      }
    }
  }

private:
  const ReportResult& m_r;
  Lang m_lang;
  std::map<std::string, CellMark> m_marks;
};

std::string report_heading(const ReportResult& r, Lang lang) {
  std::string out;
  if (r.readable && r.report.agency) {
    out += *r.report.agency;
  }
  if (r.readable && r.report.year) {
    out +=
        lang == Lang::En ? fmt::format(" {}", *r.report.year) : fmt::format("{}年", *r.report.year);
  }
  return out.empty() ? r.source : fmt::format("{} — {}", out, r.source);
}

void write_summary(pugi::xml_node body, const Batch& batch, Lang lang) {
  const Words& w = words(lang);
  const Summary s = summarize(batch.reports);
  const std::string totals =
      lang == Lang::En
          ? fmt::format("{} reports checked: {} clean, {} with errors, {} with warnings, {} "
                        "unreadable; {} errors, {} warnings, {} infos in all.",
                        s.reports, s.clean, s.reports_with_errors, s.reports_with_warnings,
                        s.unreadable, s.errors, s.warnings, s.infos)
          : fmt::format("共检查 {} 份报告：{} 份无问题，{} 份有错误，{} 份有警告，{} 份无法读取；"
                        "合计 {} 个错误，{} 个警告，{} 个提示。",
                        s.reports, s.clean, s.reports_with_errors, s.reports_with_warnings,
                        s.unreadable, s.errors, s.warnings, s.infos);
  auto section = box(body, "section");
  attr(section, "id", "summary");
  el(section, "p", totals);
  if (batch.baselined > 0) {
    el(section, "p",
       lang == Lang::En ? fmt::format("{} findings in the baseline are not shown.", batch.baselined)
                        : fmt::format("基线中的 {} 项问题未列出。", batch.baselined));
  }
  auto table = box(section, "table");
  attr(table, "class", "summary");
  auto head = box(box(table, "thead"), "tr");
  for (const char* h : {w.report, w.agency, w.year, w.template_, w.errors, w.warnings, w.infos}) {
    el(head, "th", h);
  }
  auto tbody = box(table, "tbody");
  int index = 0;
  for (const auto& r : batch.reports) {
    ++index;
    auto tr = box(tbody, "tr");
    auto link = el(box(tr, "td"), "a", r.source);
    attr(link, "href", fmt::format("#report-{}", index));
    if (!r.readable) {
      auto td = el(tr, "td", fmt::format("{}: {}", w.unreadable, r.read_error));
      attr(td, "class", "unreadable");
      attr(td, "colspan", "6");
      continue;
    }
    el(tr, "td", r.report.agency.value_or(""));
    el(tr, "td", r.report.year ? std::to_string(*r.report.year) : "");
    el(tr, "td", r.report.template_id);
    for (const auto s_ : {diag::Severity::Error, diag::Severity::Warning, diag::Severity::Info}) {
      const int n = r.count(s_);
      auto td = el(tr, "td", std::to_string(n));
      attr(td, "class", n > 0 ? fmt::format("n sev-{}", diag::to_string(s_)) : "n");
    }
  }
  auto legend = el(section, "p");
  attr(legend, "class", "legend");
  for (const auto& [cls, text] :
       {std::pair{"error", w.legend_error}, std::pair{"warning", w.legend_warning},
        std::pair{"involved", w.legend_involved}, std::pair{"unread", w.legend_unread},
        std::pair{"na", w.legend_na}}) {
    auto span = el(legend, "span", text);
    attr(span, "class", cls);
  }
}

} // namespace

void write_html(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  const Words& w = words(lang);
  pugi::xml_document doc;
  doc.append_child(pugi::node_doctype).set_value("html");
  auto html = box(doc, "html");
  attr(html, "xmlns", "http://www.w3.org/1999/xhtml");
  attr(html, "lang", lang == Lang::En ? "en" : "zh-CN");
  auto head = box(html, "head");
  head.append_child("meta").append_attribute("charset") = "utf-8";
  auto viewport = head.append_child("meta");
  attr(viewport, "name", "viewport");
  attr(viewport, "content", "width=device-width, initial-scale=1");
  const Summary s = summarize(batch.reports);
  el(head, "title",
     fmt::format("xxgk: {} {}, {} {}, {} {}", s.reports, w.report, s.errors, w.errors, s.warnings,
                 w.warnings));
  el(head, "style", k_style);

  auto body = box(html, "body");
  el(body, "h1", w.heading);
  write_summary(body, batch, lang);

  int index = 0;
  for (const auto& r : batch.reports) {
    ++index;
    auto section = box(body, "section");
    attr(section, "class", "report");
    attr(section, "id", fmt::format("report-{}", index));
    el(section, "h2", report_heading(r, lang));
    if (!r.readable) {
      auto p = el(section, "p", fmt::format("{}: {}", w.unreadable, r.read_error));
      attr(p, "class", "unreadable");
      continue;
    }
    el(section, "p",
       fmt::format("{} {} · {} · {} {}, {} {}, {} {}", w.template_, r.report.template_id,
                   r.report.format, r.count(diag::Severity::Error), w.errors,
                   r.count(diag::Severity::Warning), w.warnings, r.count(diag::Severity::Info),
                   w.infos));
    if (r.diagnostics.empty()) {
      el(section, "p", w.no_findings);
    } else {
      auto list = box(section, "ul");
      attr(list, "class", "findings");
      for (const auto& d : r.diagnostics) {
        auto li = el(list, "li");
        auto sev = el(li, "span", severity_word(d.severity, lang));
        attr(sev, "class", fmt::format("sev-{}", diag::to_string(d.severity)));
        li.append_child(pugi::node_pcdata).set_value(" ");
        el(li, "code", d.rule);
        li.append_child(pugi::node_pcdata).set_value(" ");
        const auto& loc = d.location;
        auto where = el(li, "span", line_or_logical(loc, lang));
        attr(where, "class", "where");
        // Appended rather than " " + message: GCC 12 at -O3 reports a false -Wrestrict for
        // operator+(const char*, std::string&&).
        std::string text(" ");
        text += localized_message(d, batch.rule(d.rule), lang);
        li.append_child(pugi::node_pcdata).set_value(text.c_str());
      }
    }
    if (r.tmpl == nullptr) {
      continue;
    }
    const ReportPage page(batch, r, lang);
    for (const auto& t : r.tmpl->tables) {
      el(section, "h3", fmt::format("{}{} {}", w.table, table_number(t.name, lang), t.title));
      auto table = box(section, "table");
      attr(table, "class", "template");
      switch (t.layout) {
      case schema::Layout::Blocks:
        page.blocks_table(table, t);
        break;
      case schema::Layout::Rows:
        page.rows_table(table, t);
        break;
      case schema::Layout::Flat:
        page.flat_table(table, t);
        break;
      }
    }
  }
  el(body, "footer", fmt::format("{} {}", k_tool_name, k_tool_version));
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
}

} // namespace xxgk::emit
