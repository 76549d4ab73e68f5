#pragma once
// The wording of the errors of `xxgk fix` in editing a copy, Chinese and English side by side.

#include <xxgk/diag/message.hpp>

namespace xxgk::fix::msg {
inline constexpr diag::MessageTemplate k_not_zip{"error.fix.not_zip", "不是 zip 包：{0}",
                                                 "not a zip package: {0}"};
inline constexpr diag::MessageTemplate k_no_part{"error.fix.no_part", "包中没有 {0}",
                                                 "the package has no {0}"};
inline constexpr diag::MessageTemplate k_open_part{"error.fix.open_part", "无法打开 {0}：{1}",
                                                   "cannot open {0}: {1}"};
inline constexpr diag::MessageTemplate k_read_part{"error.fix.read_part", "无法读取 {0}",
                                                   "cannot read {0}"};
inline constexpr diag::MessageTemplate k_out_of_memory{"error.fix.out_of_memory", "内存不足",
                                                       "out of memory"};
inline constexpr diag::MessageTemplate k_replace{"error.fix.replace", "无法替换 {0}",
                                                 "cannot replace {0}"};
inline constexpr diag::MessageTemplate k_replace_why{"error.fix.replace_why", "无法替换 {0}：{1}",
                                                     "cannot replace {0}: {1}"};
inline constexpr diag::MessageTemplate k_write_package{"error.fix.write_package", "无法写出包：{0}",
                                                       "cannot write the package: {0}"};
inline constexpr diag::MessageTemplate k_read_back{"error.fix.read_back", "无法读取改写后的包",
                                                   "cannot read the rewritten package"};
inline constexpr diag::MessageTemplate k_no_line{"error.fix.no_line", "文件中没有第 {0} 行",
                                                 "line {0} is not in the file"};
inline constexpr diag::MessageTemplate k_no_column{"error.fix.no_column", "第 {0} 行没有第 {1} 列",
                                                   "line {0} has no column {1}"};
inline constexpr diag::MessageTemplate k_tag_not_there{
    "error.fix.tag_not_there", "第 {0} 行第 {1} 列：单元格的标签不从这里开始",
    "line {0}, column {1}: the cell's tag does not open there"};
inline constexpr diag::MessageTemplate k_text_not_there{
    "error.fix.text_not_there", "第 {0} 行第 {1} 列：单元格在这里不是「{2}」",
    "line {0}, column {1}: the cell does not read '{2}' there"};
inline constexpr diag::MessageTemplate k_same_place{
    "error.fix.same_place", "两处单元格修改落在同一位置", "two cell edits fall on the same place"};
inline constexpr diag::MessageTemplate k_cannot_encode{
    "error.fix.cannot_encode", "无法把文本编码为 {0}", "cannot encode text as {0}"};
inline constexpr diag::MessageTemplate k_not_encodable{
    "error.fix.not_encodable", "文本无法用 {0} 写出（字节 {1}）",
    "the text cannot be written in {0} (byte {1})"};
inline constexpr diag::MessageTemplate k_xml{"error.fix.xml", "XML 无法解析：{0}",
                                             "the XML does not parse: {0}"};
inline constexpr diag::MessageTemplate k_no_cell{"error.fix.no_cell",
                                                 "部件的字节 {0} 处没有表格单元格",
                                                 "no table cell at byte {0} of the part"};
inline constexpr diag::MessageTemplate k_bad_run{
    "error.fix.bad_run", "字节 {0} 处的文本段（run）格式错误", "malformed text run at byte {0}"};
inline constexpr diag::MessageTemplate k_no_paragraph{
    "error.fix.no_paragraph", "字节 {0} 处的表格单元格没有段落",
    "the table cell at byte {0} has no paragraph"};
inline constexpr diag::MessageTemplate k_bad_paragraph{
    "error.fix.bad_paragraph", "字节 {0} 处的段落格式错误", "malformed paragraph at byte {0}"};
inline constexpr diag::MessageTemplate k_unclosed_paragraph{"error.fix.unclosed_paragraph",
                                                            "字节 {0} 处的段落没有结束",
                                                            "paragraph at byte {0} does not close"};
inline constexpr diag::MessageTemplate k_overlap{"error.fix.overlap", "两处单元格修改相互重叠",
                                                 "two cell edits overlap"};
} // namespace xxgk::fix::msg
