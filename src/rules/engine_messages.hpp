#pragma once
// The messages of the rule kinds evaluated in engine.cpp and cells.cpp (internal to rules/).

#include <xxgk/diag/message.hpp>

namespace xxgk::rules {

/// Messages of the schema rule kinds. Each opens with the rule's title; labels quoted from the
/// template stay Chinese in English.
namespace engine_msg {
inline constexpr diag::MessageTemplate k_sum{"rules.sum", "{0}：{1} 报告 {2}，计算 {3}（{4}{5}）",
                                             "{0}: {1} reported {2}, computed {3} ({4}{5})", true};
inline constexpr diag::MessageTemplate k_equal{"rules.equal", "{0}：{1}，不等于 {2}{3}",
                                               "{0}: {1} is not equal to {2}{3}", true};
inline constexpr diag::MessageTemplate k_at_least{"rules.at_least", "{0}：{1}，小于 {2}{3}",
                                                  "{0}: {1} is less than {2}{3}", true};
inline constexpr diag::MessageTemplate k_value_type{"rules.value_type", "{0}：{1} 为「{2}」，{3}",
                                                    "{0}: {1} is 「{2}」: {3}", true};
inline constexpr diag::MessageTemplate k_not_number{"rules.value_type.text", "不是数字",
                                                    "not a number"};
inline constexpr diag::MessageTemplate k_not_whole{"rules.value_type.fraction", "应为整数",
                                                   "should be a whole number"};
inline constexpr diag::MessageTemplate k_negative{"rules.value_type.negative", "不能为负数",
                                                  "must not be negative"};
inline constexpr diag::MessageTemplate k_blank{
    "rules.blank", "{0}：{1}个单元格为空白或占位符（计算时按0计）：{2}{3}",
    "{0}: {1} cells are blank or placeholders (counted as 0): {2}{3}", true};
inline constexpr diag::MessageTemplate k_template_year{
    "rules.template_year", "{0}：{1}年度的报告使用了{2}年格式的表格（{3}年度起应使用2021年格式）",
    "{0}: the {1} report uses the {2} template (reports from {3} on use the 2021 template)", true};
inline constexpr diag::MessageTemplate k_blank_note{"rules.blank_note", "；空白按0计: {0}{1}",
                                                    "; blank counted as 0: {0}{1}"};
inline constexpr diag::MessageTemplate k_more_count{"rules.more_count", "等{0}项",
                                                    " … ({0} in all)"};
inline constexpr diag::MessageTemplate k_more{"rules.more", "等", " …"};
inline constexpr diag::MessageTemplate k_all_zero{"rules.all_zero", "各项均为0", "all 0"};
inline constexpr diag::MessageTemplate k_context{"rules.context", "{0}（{1}）", "{0} ({1})"};
inline constexpr diag::MessageTemplate k_context_row{"rules.context.row", "「{0}」行",
                                                     "row 「{0}」"};
inline constexpr diag::MessageTemplate k_context_column{"rules.context.column", "{0}列",
                                                        "column {0}"};
} // namespace engine_msg

} // namespace xxgk::rules
