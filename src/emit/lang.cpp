#include <xxgk/emit/lang.hpp>

#include <fmt/format.h>

#include <array>
#include <regex>
#include <utility>

namespace xxgk::emit {

namespace {

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos;
       pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

/// Frame words of the rule engine's messages (rules/engine.cpp), in the order they are replaced.
/// The labels between them are the template's and stay Chinese.
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> k_frames = {{
    {"；空白按0计: ", "; blank counted as 0: "},
    {"各项均为0", "all 0"},
    {" 报告 ", " reported "},
    {"，计算 ", ", computed "},
    {"，不等于 ", " is not equal to "},
    {"，小于 ", " is less than "},
    {" 为「", " is 「"},
    {"」，不是数字", "」: not a number"},
    {"」，应为整数", "」: should be a whole number"},
    {"」，不能为负数", "」: must not be negative"},
    {"个单元格为空白或占位符（计算时按0计）：",
     " cells are blank or placeholders (counted as 0): "},
    {"、「", ", 「"},
}};

/// Whole-message patterns of extraction and the readers (extract/extract.cpp, document/), with
/// their English frames. A message that matches none keeps its Chinese text after the English
/// rule title.
struct Pattern {
  std::regex re;
  const char* en;
};

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> k_patterns = [] {
    const std::vector<std::pair<const char*, const char*>> spec = {
        {"^标签「(.*)」与模板不完全一致，按「(.*)」识别$",
         "label 「$1」 differs from the template; read as 「$2」"},
        {"^表(.+?)中的数字「(.*)」不在任何已识别的行中，未计入$",
         "the number 「$2」 in table $1 is in no recognised row; not counted"},
        {"^表(.+?)的行「(.*)」出现了不止一次，只采用第一次的数字$",
         "row 「$2」 of table $1 appears more than once; only its first figures are used"},
        {"^表(.+?)的行「(.*)」应有(\\d+)个数值单元格，找到(\\d+)个；该行未读取$",
         "row 「$2」 of table $1 should have $3 value cells, found $4; the row was not read"},
        {"^表(.+?)的行「(.*)」的数字连成一串，无法唯一地分到(\\d+)个单元格；该行未读取$",
         "the figures of row 「$2」 of table $1 run together and split into its $3 cells more "
         "than one way; the row was not read"},
        {"^表(.+?)中的行「(.*)」不是模板中的行，其数字未计入$",
         "row 「$2」 in table $1 is not a row of the template; its figures are not counted"},
        {"^表(.+?)中找不到行「(.*)」$", "table $1 has no row 「$2」"},
        {"^表(.+?)中有(\\d+)处内容不在任何已识别的行或栏中，其(\\d+)个数字未计入：(.*)$",
         "table $1 has $2 items in no recognised row or column; their $3 figures are not "
         "counted: $4"},
        {"^表(.+?)的行标签「(.*)」与模板不一致，按位置和字形最接近的行「(.*)」读取$",
         "the row label 「$2」 of table $1 differs from the template; read as the closest row "
         "in its place, 「$3」"},
        {"^表(.+?)的「(.*)」只有一行合计，没有分列子行(.*)；按该组合计读取，子行留空$",
         "「$2」 of table $1 is one total row without its sub-rows $3; read as the group's "
         "total, the sub-rows left blank"},
        {"^表(.+?)「(.*)」(.*)的单元格「(.*)」在数字后附有说明，按 (.*) 读取，说明「(.*)」未计入$",
         "cell 「$4」 (table $1, 「$2」 $3) has a note after its number; read as $5, the note "
         "「$6」 is not counted"},
        {"^表(.+?)中找不到(.+?)的行「(.*)」$", "table $1 has no row 「$3」 under $2"},
        {"^表(.+?)应有(\\d+)个数值单元格，找到(\\d+)个；表(.+?)未读取$",
         "table $1 should have $2 value cells, found $3; table $4 was not read"},
        {"^报告自加的小计「(.*)」为 (.*)，其组成部分之和为 (.*)（小计不计入模板的合计）$",
         "the report's own subtotal 「$1」 is $2, its parts add up to $3 (subtotals are not "
         "counted in the template's totals)"},
        {"^找不到报告标题（应为(.*)）$", "no report title found (expected $1)"},
        {"^标题「(.*)」中没有四位数的报告年份$", "the title 「$1」 has no four-digit report year"},
        {"^标题「(.*)」中没有机关名称$", "the title 「$1」 names no agency"},
        {"^找不到表(.+?)（(.*)）$", "table $1 not found ($2)"},
        {"^文档含有未接受的修订，已按接受全部修订读取$",
         "the document has unaccepted revisions; read as if all were accepted"},
        {"^(\\d+)年度的报告使用了(\\d+)年格式的表格（(\\d+)年度起应使用2021年格式）$",
         "the $1 report uses the $2 template (reports from $3 on use the 2021 template)"},
        // Structure and prose checks.
        {"^第(.+?)部分「(.*)」没有内容$", "section 「$2」 has no content"},
        {"^「(.*)」中没有提到信息处理费$", "「$1」 says nothing about information processing fees"},
        {"^统计期限写的是(.*)，但本报告是(\\d+)年度报告$",
         "the statistics period says $1, but this is the report for $2"},
        {"^章节标题「(.*)」与模板「(.*)」措辞不同（已按该部分识别）$",
         "section heading 「$1」 is worded differently from the template's 「$2」 (read as that "
         "section)"},
        {"^缺少第(.+?)部分「(.*)」$", "section 「$2」 is missing"},
        {"^表(.+?)（(.*)）应在「(.*)」部分，实际在第(.+?)部分$",
         "table $1 ($2) belongs in section 「$3」 but is in section $4"},
        {"^这一段以「(.*)」开头，但本报告是(\\d+)年度报告（可能沿用了其他年度的文字）$",
         "this paragraph begins with 「$1」, but this is the report for $2 (text from another "
         "year?)"},
        {"^这一句以「(.*)」开头，但本报告是(\\d+)年度报告（可能沿用了其他年度的文字）$",
         "this sentence begins with 「$1」, but this is the report for $2 (text from another "
         "year?)"},
        {"^正文「(.*)」称(.+?)为 (\\S+) 件，表格为 (\\S+)（(.*)）；(.*)空白，按该行各栏之和计算$",
         "the prose 「$1」 gives $3 for $2, the tables $4 ($5; $6 blank, computed as the sum of "
         "its row)"},
        {"^正文「(.*)」称(.+?)为 (\\S+) 件，表格为 (\\S+)（(.*)）$",
         "the prose 「$1」 gives $3 for $2, the tables $4 ($5)"},
        {"^「(.*)」没有制定规章的权限，表二却填了 (.*)$",
         "「$1」 cannot make regulations, yet table 2 reports $2"},
    };
    std::vector<Pattern> out;
    for (const auto& [re, en] : spec) {
      out.push_back({std::regex(re), en});
    }
    return out;
  }();
  return k_patterns;
}

std::string english_table_numbers(std::string s) {
  for (const auto& [zh, en] :
       {std::pair{"表二", "table 2"}, std::pair{"表三", "table 3"}, std::pair{"表四", "table 4"},
        std::pair{"table 二", "table 2"}, std::pair{"table 三", "table 3"},
        std::pair{"table 四", "table 4"}}) {
    replace_all(s, zh, en);
  }
  return s;
}

/// The list of a grouped EXTRACT-UNKNOWN finding (extract.cpp): "数字「9」、行「其他」等12处" →
/// "number 「9」, row 「其他」 … (12 in all)". Only the part after "counted: " is a list.
std::string english_unplaced_list(std::string s) {
  constexpr std::string_view k_lead = "are not counted: ";
  const auto at = s.find(k_lead);
  if (at == std::string::npos) {
    return s;
  }
  std::string list = s.substr(at + k_lead.size());
  static const std::regex k_item("(^|」、)(数字|行)「");
  std::string out;
  auto begin = std::sregex_iterator(list.begin(), list.end(), k_item);
  std::size_t last = 0;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    out += list.substr(last, static_cast<std::size_t>(m.position(0)) - last);
    out += m[1].length() > 0 ? "」, " : "";
    out += m[2].str() == "数字" ? "number 「" : "row 「";
    last = static_cast<std::size_t>(m.position(0) + m.length(0));
  }
  out += list.substr(last);
  static const std::regex k_more("」等(\\d+)处$");
  out = std::regex_replace(out, k_more, "」 … ($1 in all)");
  return s.substr(0, at + k_lead.size()) + out;
}

std::string translate_detail(std::string detail) {
  // Whole-message patterns first (extraction, readers, template year).
  for (const auto& p : patterns()) {
    if (std::regex_match(detail, p.re)) {
      std::string out = std::regex_replace(detail, p.re, p.en);
      return english_unplaced_list(std::move(out));
    }
  }
  // A sum's explanation in parentheses: "报告 3，计算 0（a 1 + b 2）".
  const auto computed = detail.find("，计算 ");
  if (computed != std::string::npos) {
    const auto open = detail.find("（", computed);
    if (open != std::string::npos && detail.ends_with("）")) {
      detail.replace(detail.size() - std::string_view("）").size(), std::string_view("）").size(),
                     ")");
      detail.replace(open, std::string_view("（").size(), " (");
    }
  }
  for (const auto& [zh, en] : k_frames) {
    replace_all(detail, zh, en);
  }
  static const std::regex k_more("等(\\d+)项");
  detail = std::regex_replace(detail, k_more, " … ($1 in all)");
  if (detail.ends_with("等")) {
    detail.replace(detail.size() - std::string_view("等").size(), std::string_view("等").size(),
                   " …");
  }
  return detail;
}

/// A compare rule's context: "「一、本年新收…」行" → "row 「…」", "总计列" → "column 总计".
std::string translate_context(const std::string& context) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= context.size()) {
    auto end = context.find("，", start);
    if (end == std::string::npos) {
      end = context.size();
    }
    std::string part = context.substr(start, end - start);
    if (part.starts_with("「") && part.ends_with("」行")) {
      part = "row " + part.substr(0, part.size() - std::string_view("行").size());
    } else if (part.ends_with("列")) {
      part = "column " + part.substr(0, part.size() - std::string_view("列").size());
    }
    parts.push_back(part);
    start = end + std::string_view("，").size();
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

} // namespace

std::string rule_title(const RuleInfo& rule, Lang lang) {
  if (lang == Lang::En && !rule.title_en.empty()) {
    return rule.title_en;
  }
  return rule.title;
}

std::string localized_message(const diag::Diagnostic& d, const RuleInfo* rule, Lang lang) {
  if (lang == Lang::Zh) {
    return d.message;
  }
  if (!d.msg.empty()) {
    std::string text = d.msg.render(lang);
    if (d.msg.tpl->titled || rule == nullptr) {
      return text;
    }
    return diag::english_table_numbers(rule_title(*rule, lang)) + ": " + text;
  }
  if (rule == nullptr) {
    return d.message;
  }
  const std::string title = rule_title(*rule, lang);
  std::string_view m = d.message;
  // Schema rules: "<title>：<detail>" or "<title>（<context>）：<detail>".
  if (!rule->title.empty() && m.starts_with(rule->title)) {
    std::string_view rest = m.substr(rule->title.size());
    std::string context;
    if (rest.starts_with("（")) {
      const auto close = rest.find("）：");
      if (close != std::string_view::npos) {
        context = std::string(
            rest.substr(std::string_view("（").size(), close - std::string_view("（").size()));
        rest = rest.substr(close + std::string_view("）").size());
      }
    }
    if (rest.starts_with("：")) {
      rest.remove_prefix(std::string_view("：").size());
      std::string out = title;
      if (!context.empty()) {
        out += " (" + translate_context(context) + ")";
      }
      return english_table_numbers(out + ": " + translate_detail(std::string(rest)));
    }
  }
  return english_table_numbers(title + ": " + translate_detail(d.message));
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
