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

namespace {

/// The parts of a position in a Word or PDF document: which table, row, cell, paragraph, XML line.
constexpr diag::MessageTemplate k_loc_table{"emit.location.table", "第{0}个表格", "table {0}"};
constexpr diag::MessageTemplate k_loc_row{"emit.location.row", "第{0}行", "row {0}"};
constexpr diag::MessageTemplate k_loc_cell{"emit.location.cell", "第{0}个单元格", "cell {0}"};
constexpr diag::MessageTemplate k_loc_paragraph{"emit.location.paragraph", "第{0}段",
                                                "paragraph {0}"};
constexpr diag::MessageTemplate k_loc_xml_line{"emit.location.xml_line", "XML 第{0}行",
                                               "XML line {0}"};

} // namespace

const std::vector<const diag::MessageTemplate*>& location_messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {
      &k_loc_table, &k_loc_row, &k_loc_cell, &k_loc_paragraph, &k_loc_xml_line};
  return k_all;
}

std::string logical_location(const diag::SourceLocation& w, Lang lang) {
  std::string out = cell_name(w, lang);
  std::vector<std::string> idx;
  auto number = [&](const diag::MessageTemplate& tpl, long long n) {
    const diag::Arg arg(n);
    idx.push_back(diag::render(tpl, {&arg, 1}, lang));
  };
  if (!w.part.empty()) {
    idx.push_back(w.part);
  }
  if (w.table >= 0) {
    number(k_loc_table, w.table + 1LL);
  }
  if (w.row >= 0) {
    number(k_loc_row, w.row + 1LL);
  }
  if (w.cell >= 0) {
    number(k_loc_cell, w.cell + 1LL);
  }
  if (w.paragraph >= 0 && w.table < 0) {
    number(k_loc_paragraph, w.paragraph + 1LL);
  }
  if (w.xml_line > 0) {
    number(k_loc_xml_line, static_cast<long long>(w.xml_line));
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
