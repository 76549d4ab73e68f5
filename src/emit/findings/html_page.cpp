// The parts of the HTML findings page (html_page.hpp): words, element helpers and the report's
// tables laid out like the template.

#include "html_page.hpp"

#include "shared.hpp"

#include <xxgk/report/fields.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

namespace xxgk::emit::html {

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

pugi::xml_node el(pugi::xml_node parent, const char* name, const std::string& text) {
  auto n = parent.append_child(name);
  n.append_child(pugi::node_pcdata).set_value(text.c_str());
  return n;
}

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

namespace {

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

} // namespace

void write_tables(pugi::xml_node section, const Batch& batch, const ReportResult& r, Lang lang) {
  const Words& w = words(lang);
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

} // namespace xxgk::emit::html
