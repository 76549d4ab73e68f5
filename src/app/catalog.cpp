// The rule catalogue of a run (catalog.hpp), gathered from the templates, extract/, rules/ and
// the readers' table below.

#include "catalog.hpp"

#include <xxgk/extract/extract.hpp>
#include <xxgk/fix/plan.hpp>
#include <xxgk/rules/aggregate.hpp>
#include <xxgk/rules/cross.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>

namespace xxgk::app {

namespace {

/// Findings of the input readers (document/). They have no schema entry; this table gives them
/// their titles, description and an example until the readers list them themselves.
const std::vector<emit::RuleInfo>& reader_rules() {
  static const std::vector<emit::RuleInfo> k_rules = [] {
    std::vector<emit::RuleInfo> out(2);
    out.reserve(3);
    out[0].id = "READ-ENCODING";
    out[0].severity = diag::Severity::Warning;
    out[0].kind = "reader";
    out[0].title = "文本中有无法解码的字节";
    out[0].title_en = "Undecodable bytes in the text";
    out[0].description = "文本文件中有不符合其编码的字节，已替换为 U+FFFD；附近的数字可能读错。";
    out[0].fix = "用 UTF-8 或 GB18030 重新保存文件，或用 --encoding 指定正确的编码。";
    out[1].id = "READ-REVISIONS";
    out[1].severity = diag::Severity::Warning;
    out[1].kind = "reader";
    out[1].title = "文档含有未接受的修订";
    out[1].title_en = "The document has unaccepted revisions";
    out[1].description = "Word 文档中有尚未接受或拒绝的修订（插入、删除）；已按接受全部修订读取。";
    out[1].fix = "在 Word 中接受或拒绝全部修订后另存。";
    out[1].example = "tests/data/docx/hongxing-2021-tracked.docx";
    out.emplace_back();
    out[2].id = "READ-DIGITRUN";
    out[2].severity = diag::Severity::Info;
    out[2].kind = "reader";
    out[2].title = "表格数字连成一串，已拆分";
    out[2].title_en = "Table figures run together, split back into cells";
    out[2].description =
        "网页抓取的文本丢失了单元格分隔，一行的数字连成一串（如「640020470」）。每行按模板的勾稽关"
        "系"
        "拆分：表三先按本行（六类申请人之和等于总计），表四按每组（四项结果之和等于总计）；只有一行"
        "仍有几种拆法时，才用列的关系（办理结果各行之和等于（七）总计，一加二等于（七）加四）选择，"
        "绝不改动唯一的拆法，所以报告本身的列错误照样报告。表二没有勾稽关系，只在拆法唯一时读取。"
        "仍有几种拆法的行不读取，并在此列出；拆分读出的单元格在 JSON 的 \"recovered\" 中标明。";
    out[2].fix = "核对原报告（PDF 或网页表格）中列出的行，必要时把这些数字用空格隔开后重新检查。";
    out[2].example = "tests/data/web/pingtan-touzicujinju-2025.txt";
    return out;
  }();
  return k_rules;
}

/// English titles of the built-in extraction checks (extract::BuiltinRule has the Chinese ones).
std::string builtin_title_en(std::string_view id) {
  static const std::map<std::string, std::string, std::less<>> k_titles = {
      {"EXTRACT-TABLE", "Table not found"},
      {"EXTRACT-ROW", "Row not found"},
      {"EXTRACT-COLUMN", "Wrong number of values in a row"},
      {"EXTRACT-LAYOUT", "Table layout not recognised"},
      {"EXTRACT-FUZZY", "Approximate label match"},
      {"EXTRACT-UNKNOWN", "Content that belongs nowhere"},
      {"EXTRACT-TYPO", "Typo in a row label"},
      {"EXTRACT-GROUP-ROW", "A group written as one total row"},
      {"EXTRACT-NOTE", "A note after the number in a cell"},
      {"EXTRACT-DUPLICATE", "Duplicate row"},
      {"EXTRACT-TITLE", "No year or agency in the title"},
      {"EXTRACT-SUBTOTAL", "Subtotal does not add up"},
  };
  const auto it = k_titles.find(id);
  return it == k_titles.end() ? std::string() : it->second;
}

} // namespace

/// Every rule a run may report: the templates' rules (by ID), the built-in extraction checks and
/// the readers' findings.
std::vector<emit::RuleInfo> rule_catalog(const std::vector<schema::Template>& templates) {
  std::map<std::string, emit::RuleInfo> by_id;
  for (const auto& t : templates) {
    for (const auto& r : t.rules) {
      auto& info = by_id[r.id];
      info.id = r.id;
      info.severity = r.severity;
      info.kind = r.kind;
      info.title = r.title;
      info.title_en = r.title_en;
      info.description = r.description;
      info.template_text = r.template_text;
      info.fix = r.fix;
      if (info.autofix.empty()) {
        info.autofix = fix::autofix_kind(r, t);
      }
      info.templates.push_back(t.id);
      info.example = fmt::format("samples/invalid/{}.txt", r.id);
    }
  }
  std::vector<emit::RuleInfo> out;
  for (auto& [id, info] : by_id) {
    out.push_back(std::move(info));
  }
  for (const auto& b : extract::builtin_rules()) {
    emit::RuleInfo info;
    info.id = std::string(b.id);
    info.severity = b.severity;
    info.kind = "extraction";
    info.title = std::string(b.title);
    info.title_en = builtin_title_en(b.id);
    info.description = std::string(b.description);
    info.fix = std::string(b.fix);
    info.example = fmt::format("samples/invalid/{}.txt", b.id);
    out.push_back(std::move(info));
  }
  std::vector<rules::cross::RuleMeta> batch_rules = rules::cross::rule_metas();
  const auto& aggregate_rules = rules::aggregate::rule_metas();
  batch_rules.insert(batch_rules.end(), aggregate_rules.begin(), aggregate_rules.end());
  for (const auto& c : batch_rules) {
    emit::RuleInfo info;
    info.id = std::string(c.id);
    info.severity = c.severity;
    info.kind = k_cross_kind;
    info.title = std::string(c.title);
    info.title_en = std::string(c.title_en);
    info.description = std::string(c.description);
    info.template_text = std::string(c.template_text);
    info.fix = std::string(c.fix);
    info.example = fmt::format("samples/batch/{}/", c.id);
    out.push_back(std::move(info));
  }
  for (const auto& r : reader_rules()) {
    out.push_back(r);
  }
  return out;
}

} // namespace xxgk::app
