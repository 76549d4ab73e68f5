#pragma once
// The wording of the file errors, Chinese and English side by side (one entry per message ID).

#include <xxgk/diag/message.hpp>

namespace xxgk::io::msg {
inline constexpr diag::MessageTemplate k_not_found{"error.io.not_found", "文件不存在",
                                                   "no such file"};
inline constexpr diag::MessageTemplate k_permission{"error.io.permission", "没有权限",
                                                    "permission denied"};
inline constexpr diag::MessageTemplate k_is_directory{"error.io.is_directory", "这是一个目录",
                                                      "is a directory"};
inline constexpr diag::MessageTemplate k_os{"error.io.os", "系统错误：{0}", "{0}"};
inline constexpr diag::MessageTemplate k_read{"error.io.read", "读取出错：{0}", "read error: {0}"};
inline constexpr diag::MessageTemplate k_file_too_large{
    "error.io.file_too_large", "文件大于输入上限 {0} 字节",
    "file is larger than the input limit of {0} bytes"};
inline constexpr diag::MessageTemplate k_input_too_large{
    "error.io.input_too_large", "输入大于输入上限 {0} 字节",
    "input is larger than the input limit of {0} bytes"};
inline constexpr diag::MessageTemplate k_temp_create{
    "error.io.temp_create", "无法在其旁边创建临时文件：{0}",
    "cannot create a temporary file beside it: {0}"};
inline constexpr diag::MessageTemplate k_temp_write{
    "error.io.temp_write", "无法写入其旁边的临时文件", "cannot write the temporary file beside it"};
inline constexpr diag::MessageTemplate k_write{"error.io.write", "写入出错：{0}",
                                               "write error: {0}"};
inline constexpr diag::MessageTemplate k_interrupted{"error.io.interrupted", "已中断",
                                                     "interrupted"};
inline constexpr diag::MessageTemplate k_rename{"error.io.rename", "无法改名到目标位置：{0}",
                                                "cannot rename into place: {0}"};
} // namespace xxgk::io::msg
