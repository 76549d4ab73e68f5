#include <xxgk/emit/lang.hpp>

#include <fmt/format.h>

#include <utility>

namespace xxgk::emit {

std::string rule_title(const RuleInfo& rule, Lang lang) {
  if (lang == Lang::En && !rule.title_en.empty()) {
    return rule.title_en;
  }
  return rule.title;
}

std::string localized_message(const diag::Diagnostic& d, const RuleInfo* rule, Lang lang) {
  if (lang == Lang::Zh || d.msg.empty()) {
    return d.message;
  }
  std::string text = d.msg.render(lang);
  if (d.msg.tpl->titled || rule == nullptr) {
    return text;
  }
  return diag::english_table_numbers(rule_title(*rule, lang)) + ": " + text;
}

std::string table_number(std::string_view name, Lang lang) {
  if (lang == Lang::En) {
    if (name == "二") {
      return "2";
    }
    if (name == "三") {
      return "3";
    }
    if (name == "四") {
      return "4";
    }
  }
  return std::string(name);
}

std::string cell_name(const diag::SourceLocation& w, Lang lang) {
  if (w.table_name.empty()) {
    return "";
  }
  if (lang == Lang::En) {
    std::string out = "table " + table_number(w.table_name, lang);
    if (!w.row_label.empty()) {
      out += ", row 「" + w.row_label + "」";
    }
    if (!w.column_label.empty()) {
      out += ", column 「" + w.column_label + "」";
    }
    return out;
  }
  std::string out = "表" + w.table_name;
  if (!w.row_label.empty()) {
    out += "「" + w.row_label + "」";
  }
  return out + w.column_label;
}

std::string logical_location(const diag::SourceLocation& w, Lang lang) {
  std::string out = cell_name(w, lang);
  std::vector<std::string> idx;
  if (!w.part.empty()) {
    idx.push_back(w.part);
  }
  if (w.table >= 0) {
    idx.push_back(fmt::format("table {}", w.table + 1));
  }
  if (w.row >= 0) {
    idx.push_back(fmt::format("row {}", w.row + 1));
  }
  if (w.cell >= 0) {
    idx.push_back(fmt::format("cell {}", w.cell + 1));
  }
  if (w.paragraph >= 0 && w.table < 0) {
    idx.push_back(fmt::format("paragraph {}", w.paragraph + 1));
  }
  if (w.xml_line > 0) {
    idx.push_back(fmt::format("XML line {}", w.xml_line));
  }
  if (!idx.empty()) {
    if (!out.empty()) {
      out += ' ';
    }
    out += fmt::format("({})", fmt::join(idx, ", "));
  }
  return out;
}

} // namespace xxgk::emit
