#pragma once
// The wording of the readers' findings, Chinese and English side by side (one entry per message
// ID). Inline variables: every reader refers to the same template object.

#include <xxgk/diag/message.hpp>

namespace xxgk::document::msg {
inline constexpr diag::MessageTemplate k_invalid_bytes{
    "read.encoding.invalid", "字节偏移 {1} 处有不符合 {0} 编码的字节，已替换为 U+FFFD",
    "invalid {0} byte sequence at byte offset {1} replaced by U+FFFD"};
inline constexpr diag::MessageTemplate k_invalid_bytes_count{
    "read.encoding.invalid_count",
    "字节偏移 {1} 处有不符合 {0} 编码的字节，已替换为 U+FFFD（共 {2} 处）",
    "invalid {0} byte sequence at byte offset {1} replaced by U+FFFD ({2} invalid sequences in "
    "all)"};
inline constexpr diag::MessageTemplate k_charset_unsupported{
    "read.charset.unsupported", "网页声明的字符集「{0}」无法解码；按 {1} 读取",
    "the page declares charset '{0}', which xxgk does not decode; read as {1}"};
inline constexpr diag::MessageTemplate k_charset_mismatch{
    "read.charset.mismatch", "网页声明的字符集为「{0}」，实际编码为 {1}；按 {2} 读取",
    "the page declares charset '{0}' but is encoded in {1}; read as {2}"};
inline constexpr diag::MessageTemplate k_revisions{
    "read.revisions", "文档含有未接受的修订，已按接受全部修订读取",
    "the document has unaccepted revisions; read as if all were accepted"};
inline constexpr diag::MessageTemplate k_digitrun_recovered{
    "read.digitrun.recovered", "表{0}有{1}个单元格的数字在原文中连成一串（没有分隔），{2}",
    "table {0}: the figures of {1} cells ran together in the source (no separators); {2}"};
inline constexpr diag::MessageTemplate k_digitrun_unsplit{
    "read.digitrun.unsplit",
    "表{0}中{1}的数字无法唯一地分到各栏（有不止一种拆法，或没有一种合乎勾稽关系），未读取",
    "table {0}: the figures of {1} do not split into its columns one way (several splits fit, or "
    "none fits the identities); not read"};
inline constexpr diag::MessageTemplate k_digitrun_both{
    "read.digitrun.recovered_unsplit",
    "表{0}有{1}个单元格的数字在原文中连成一串（没有分隔），{2}；{3}的数字无法唯一地分到各栏（有不止"
    "一种拆法，或没有一种合乎勾稽关系），未读取",
    "table {0}: the figures of {1} cells ran together in the source (no separators); {2}; the "
    "figures of {3} do not split into its columns one way (several splits fit, or none fits the "
    "identities); not read"};
inline constexpr diag::MessageTemplate k_digitrun_unique{
    "read.digitrun.unique", "只有一种拆法，已拆分读出", "they split only one way and were read so"};
inline constexpr diag::MessageTemplate k_digitrun_identities{
    "read.digitrun.identities", "已按模板的勾稽关系拆分读出",
    "they were split by the template's identities"};
} // namespace xxgk::document::msg
