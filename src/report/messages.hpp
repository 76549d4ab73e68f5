#pragma once
// The wording of the errors in reading xxgk's own report data (JSON, CSV rows), Chinese and
// English side by side.

#include <xxgk/diag/message.hpp>

namespace xxgk::report::msg {
inline constexpr diag::MessageTemplate k_not_object{
    "error.data.not_object", "不是 JSON 对象（`xxgk convert --to json` 输出的规范化报告）",
    "not a JSON object (the normalized report of `xxgk convert --to json`)"};
inline constexpr diag::MessageTemplate k_bad_value{
    "error.data.bad_value", "{0}：不是数字、字符串或 null", "{0}: not a number, string or null"};
inline constexpr diag::MessageTemplate k_empty_csv{"error.data.empty_csv", "CSV 为空", "empty CSV"};
inline constexpr diag::MessageTemplate k_bad_year{
    "error.data.bad_year", "第 {0} 行：年份「{1}」不是年份", "row {0}: year '{1}' is not a year"};
inline constexpr diag::MessageTemplate k_no_template{"error.data.no_template",
                                                     "第 {0} 行：没有模板", "row {0}: no template"};
} // namespace xxgk::report::msg
