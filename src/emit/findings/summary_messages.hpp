#pragma once
// The wording of the summary line that closes the text and GitHub outputs ("3 reports checked:
// …"), Chinese and English side by side; the line is put together from these parts.

#include <xxgk/diag/message.hpp>

namespace xxgk::emit::msg {
// Counts with a noun are one argument: "3" in Chinese, "3 reports" in English.
inline constexpr diag::MessageTemplate k_summary{
    "emit.summary", "共检查 {0} 份报告：{1} 个错误，{2} 个警告", "{0} checked: {1}, {2}"};
inline constexpr diag::MessageTemplate k_summary_infos{"emit.summary.infos", "，{0} 个提示",
                                                       ", {0} info"};
inline constexpr diag::MessageTemplate k_summary_reports{
    "emit.summary.reports", "（{0} 份无问题，{1} 份有错误，{2} 份有警告{3}）",
    " ({0} clean, {1} with errors, {2} with warnings{3})"};
inline constexpr diag::MessageTemplate k_summary_unreadable_count{
    "emit.summary.unreadable_count", "，{0} 份无法读取", ", {0} unreadable"};
inline constexpr diag::MessageTemplate k_summary_unreadable{"emit.summary.unreadable",
                                                            "（无法读取）", " (unreadable)"};
inline constexpr diag::MessageTemplate k_summary_baselined{
    "emit.summary.baselined", "；基线中的 {0} 项问题未列出", "; {0} in the baseline not shown"};
inline constexpr diag::MessageTemplate k_summary_hidden{"emit.summary.hidden",
                                                        "；{0} 个警告和提示未列出（--quiet）",
                                                        "; {0} and infos not shown (--quiet)"};
} // namespace xxgk::emit::msg
