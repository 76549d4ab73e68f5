#pragma once
// The wording of the errors in writing a report as .docx or .xlsx, Chinese and English side by
// side.

#include <xxgk/diag/message.hpp>

namespace xxgk::emit::msg {
inline constexpr diag::MessageTemplate k_zip_buffer{"error.write.zip_buffer", "无法创建 zip 缓冲区",
                                                    "cannot create the zip buffer"};
inline constexpr diag::MessageTemplate k_zip_create{
    "error.write.zip_create", "无法创建 zip 压缩包：{0}", "cannot create the zip archive: {0}"};
inline constexpr diag::MessageTemplate k_zip_add{
    "error.write.zip_add", "无法把 {0} 加入 zip 压缩包", "cannot add {0} to the zip archive"};
inline constexpr diag::MessageTemplate k_zip_write{
    "error.write.zip_write", "无法写出 zip 压缩包：{0}", "cannot write the zip archive: {0}"};
inline constexpr diag::MessageTemplate k_zip_read_back{
    "error.write.zip_read_back", "无法读回 zip 压缩包", "cannot read the zip archive back"};
inline constexpr diag::MessageTemplate k_workbook_temp{"error.write.workbook_temp",
                                                       "无法在 {0} 中创建临时工作簿",
                                                       "cannot create a temporary workbook in {0}"};
inline constexpr diag::MessageTemplate k_workbook_write{
    "error.write.workbook_write", "无法写出工作簿：{0}", "cannot write the workbook: {0}"};
inline constexpr diag::MessageTemplate k_workbook_read_back{
    "error.write.workbook_read_back", "无法读回写到 {0} 的工作簿",
    "cannot read back the workbook written to {0}"};
inline constexpr diag::MessageTemplate k_no_template{"error.write.no_template", "报告没有模板",
                                                     "no template for the report"};
} // namespace xxgk::emit::msg
