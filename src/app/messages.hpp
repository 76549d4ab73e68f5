#pragma once
// The wording of what the commands say on stderr (errors, warnings, notes, the closing summary
// of a batch) and of their own errors, Chinese and English side by side, one entry per message
// ID. The "xxgk: error: FILE: " prefixes stay as they are in both languages; usage errors (a
// wrong option) are English, like the option parser's own.

#include <xxgk/diag/message.hpp>
#include <xxgk/util/expected.hpp>

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::app::msg {

// Errors of the commands' own steps.
inline constexpr diag::MessageTemplate k_stdin_too_large{
    "error.app.stdin_too_large", "标准输入大于上限 {0} 字节（max_input）",
    "standard input is larger than the limit of {0} bytes (max_input)"};
inline constexpr diag::MessageTemplate k_not_a_report{"error.app.not_a_report", "不是报告文档",
                                                      "not a report document"};
inline constexpr diag::MessageTemplate k_line_prefix{"error.data.line", "第 {0} 行：",
                                                     "line {0}: "};
inline constexpr diag::MessageTemplate k_at{"error.data.at", "{0}{1}", "{0}{1}"};
inline constexpr diag::MessageTemplate k_json_template{"error.data.json_template",
                                                       "{0}JSON 中的模板「{1}」未知",
                                                       "{0}unknown template '{1}' in the JSON"};
inline constexpr diag::MessageTemplate k_csv_template{
    "error.data.csv_template", "CSV 中的模板「{0}」未知", "unknown template '{0}' in the CSV"};
inline constexpr diag::MessageTemplate k_list_unreadable{"error.inputs.list", "无法读取列表：{0}",
                                                         "cannot read the list: {0}"};
inline constexpr diag::MessageTemplate k_directory_unreadable{
    "error.inputs.directory", "无法读取目录：{0}", "cannot read the directory: {0}"};
inline constexpr diag::MessageTemplate k_os_reason{"error.inputs.os", "系统错误：{0}", "{0}"};
inline constexpr diag::MessageTemplate k_no_readable_report{"error.convert.no_readable_report",
                                                            "没有可读的报告", "no readable report"};
inline constexpr diag::MessageTemplate k_compare_template{
    "error.aggregate.compare_template", "{0} 模板的报告无法与 {1} 模板报告的合计比较",
    "a {0} report cannot be compared with a sum of {1} reports"};

// xxgk fix.
inline constexpr diag::MessageTemplate k_fix_no_position{
    "error.fix.no_position", "{0} 在文档中没有位置", "{0} has no position in the document"};
inline constexpr diag::MessageTemplate k_fix_in_part{"error.fix.in_part", "{0}：{1}", "{0}: {1}"};
inline constexpr diag::MessageTemplate k_fix_no_place{
    "error.fix.no_place", "{0} 在文本中没有位置（该单元格不是写在那里的）；请改正源文档",
    "{0} has no place in the text (the cell is not written there); fix the source document "
    "instead"};
inline constexpr diag::MessageTemplate k_fix_data_form{
    "error.fix.data_form",
    "fix 只写出单份报告的规范化 JSON，不写 CSV 行或 JSON lines：请改正源文档，或先把单份报告转换为 "
    "JSON",
    "fix writes one report's normalized JSON, not CSV rows or JSON lines: fix the source "
    "documents, or convert one report to JSON first"};
inline constexpr diag::MessageTemplate k_fix_docx_copy{
    "note.fix.docx_copy", "{0} 输入无法原地修改：副本是模板各表的 .docx",
    "{0} input cannot be edited in place: the copy is a .docx of the template's tables"};
inline constexpr diag::MessageTemplate k_fix_this{"note.fix.this", "这种", "this"};
inline constexpr diag::MessageTemplate k_fix_read_back{"error.fix.read_back_copy",
                                                       "修改后的副本无法读回：{0}",
                                                       "the fixed copy does not read back: {0}"};
inline constexpr diag::MessageTemplate k_fix_reads_not{
    "error.fix.reads_not", "修改后的副本中 {1} 读作「{0}」，而不是 {2}",
    "the fixed copy reads '{0}' in {1}, not {2}"};
inline constexpr diag::MessageTemplate k_fix_reads_differently{
    "error.fix.reads_differently", "修改后的副本中 {0} 读法不同（之前「{1}」，之后「{2}」）",
    "the fixed copy reads {0} differently ('{1}' before, '{2}' after)"};
inline constexpr diag::MessageTemplate k_fix_overwrite{
    "error.fix.overwrite", "副本会覆盖输入；请另给 -o",
    "the copy would overwrite the input; give another -o"};
inline constexpr diag::MessageTemplate k_fix_cannot_write{
    "error.fix.cannot_write", "无法写出修改后的副本：{0}", "cannot write the fixed copy: {0}"};
inline constexpr diag::MessageTemplate k_fix_give_docx{
    "error.fix.give_docx", "这个输入修改后的副本是 .docx：请给出 -o NAME.docx",
    "the fixed copy of this input is a .docx: give -o NAME.docx"};
inline constexpr diag::MessageTemplate k_fix_summary{"summary.fix", "{2} {3}中有 {0} {1}{4}{5}",
                                                     "{0} {1} in {2} {3}{4}{5}"};
inline constexpr diag::MessageTemplate k_fix_nothing_written{
    "summary.fix.diff", "；未写出文件（--diff）", "; nothing written (--diff)"};
inline constexpr diag::MessageTemplate k_fix_written{"summary.fix.written", "；写出 {0} {1}",
                                                     "; {0} {1} written"};

// check: the closing summary and what it says along the way.
inline constexpr diag::MessageTemplate k_skipped_not_report{
    "note.skipped_not_report", "已跳过 {0}：不是报告文档", "skipped {0}: not a report document"};
inline constexpr diag::MessageTemplate k_no_report_found{
    "error.no_report_found", "在 {0} 中没有找到报告{1}（--allow-empty 可接受这种情况）",
    "no report found in {0}{1} (--allow-empty accepts this)"};
inline constexpr diag::MessageTemplate k_not_reports_one{"error.no_report_found.one",
                                                         "；其中 {0} 个文件不是报告文档",
                                                         "; {0} file is not report documents"};
inline constexpr diag::MessageTemplate k_not_reports_many{"error.no_report_found.many",
                                                          "；其中 {0} 个文件不是报告文档",
                                                          "; {0} files are not report documents"};
inline constexpr diag::MessageTemplate k_checked{
    "summary.checked", "检查了 {0} {1}：{2} 份无问题，{3} 份有错误，{4} 份有警告，{5} 份无法读取",
    "checked {0} {1}: {2} clean, {3} with errors, {4} with warnings, {5} unreadable"};
inline constexpr diag::MessageTemplate k_skipped{
    "summary.skipped",
    "跳过 {0} 个：{1} 个不是报告，{2} 个隐藏，{3} 个已走过（符号链接），{4} 个其他",
    "skipped {0}: {1} not reports, {2} hidden, {3} already walked (symbolic links), {4} other"};
inline constexpr diag::MessageTemplate k_top_rules{"summary.top_rules", "最常见的规则：{0}",
                                                   "most frequent rules: {0}"};
inline constexpr diag::MessageTemplate k_max_warnings{"summary.max_warnings",
                                                      "{0} {1}，超过 --max-warnings {2}",
                                                      "{0} {1}, more than --max-warnings {2}"};
inline constexpr diag::MessageTemplate k_step_summary{
    "warning.step_summary", "无法写入作业摘要：{0}", "cannot write the job summary: {0}"};
inline constexpr diag::MessageTemplate k_baseline_written{
    "note.baseline_written", "已把 {0} {1}写入基线 {2}", "wrote {0} {1} to the baseline {2}"};

// aggregate.
inline constexpr diag::MessageTemplate k_sum_blank{
    "note.aggregate.blank", "{0} 个空白{1}按 0 计：{2}", "{0} blank {1} counted as 0: {2}"};
inline constexpr diag::MessageTemplate k_sum_not_number{"warning.aggregate.not_number",
                                                        "{0} 个{1}不是数字，未计入合计：{2}",
                                                        "{0} {1} not a number, not summed: {2}"};
inline constexpr diag::MessageTemplate k_sum_not_found{
    "warning.aggregate.not_found", "报告中找不到 {0} 个{1}，未计入合计：{2}",
    "{0} {1} not found in the report, not summed: {2}"};
inline constexpr diag::MessageTemplate k_sum_overflow{
    "error.aggregate.overflow", "{0} 的合计超出 64 位；已留空",
    "the total of {0} passes 64 bits; it is left empty"};
inline constexpr diag::MessageTemplate k_sum_compare_skipped{
    "note.aggregate.compare_skipped", "--compare 给出的报告不计入合计",
    "the report given to --compare is not summed"};
inline constexpr diag::MessageTemplate k_sum_tables_unread{"warning.aggregate.tables_unread",
                                                           "{0}无法读取；未计入合计",
                                                           "{0} could not be read; not summed"};
inline constexpr diag::MessageTemplate k_sum_other_template{
    "warning.aggregate.other_template", "{0} 模板的报告，不属于合计所用的 {1} 模板；未计入合计",
    "a {0} report, not of the {1} template of the sum; not summed"};
inline constexpr diag::MessageTemplate k_summed{
    "summary.aggregate", "合计了 {0} {1}（{2}）；未计入：{3} 份属于其他模板，{4} 份无法读取{5}",
    "summed {0} {1} ({2} template); left out: {3} of another template, {4} unreadable{5}"};
inline constexpr diag::MessageTemplate k_summed_template{"summary.aggregate.template", "{0} 模板",
                                                         "{0}"};
inline constexpr diag::MessageTemplate k_summed_no_template{"summary.aggregate.no_template",
                                                            "无模板", "no"};
inline constexpr diag::MessageTemplate k_summed_tables_unread{
    "summary.aggregate.tables_unread", "，{0} 份有表格未能读取", ", {0} with tables not read"};
inline constexpr diag::MessageTemplate k_nothing_to_sum_allowed{
    "note.aggregate.nothing_to_sum", "没有可合计的报告（--allow-empty）：未写出任何内容",
    "no report to sum (--allow-empty): nothing written"};
inline constexpr diag::MessageTemplate k_nothing_to_sum{
    "error.aggregate.nothing_to_sum", "{0} 中没有可合计的报告{1}", "no report to sum in {0}{1}"};
inline constexpr diag::MessageTemplate k_allow_empty_hint{
    "error.allow_empty_hint", "（--allow-empty 可接受这种情况）", " (--allow-empty accepts this)"};
inline constexpr diag::MessageTemplate k_not_baseline{
    "error.baseline.not_baseline", "不是 xxgk 基线文件（用 --write-baseline 写出一份）",
    "not an xxgk baseline (write one with --write-baseline)"};
inline constexpr diag::MessageTemplate k_not_baseline_why{
    "error.baseline.not_baseline_why", "不是 xxgk 基线文件（{0}）", "not an xxgk baseline ({0})"};
inline constexpr diag::MessageTemplate k_interrupted{"error.interrupted", "已中断", "interrupted"};

/// A counted noun: the Chinese measure word and noun, the English singular or plural.
inline diag::Arg counted(long long n, const char* zh, const char* en_one, const char* en_many) {
  return diag::Arg::both(zh, n == 1 ? en_one : en_many);
}

/// `m` rendered in `lang`.
inline std::string text(diag::Lang lang, const diag::MessageTemplate& tpl,
                        std::vector<diag::Arg> args = {}) {
  return diag::Message{&tpl, std::move(args)}.render(lang);
}

} // namespace xxgk::app::msg
