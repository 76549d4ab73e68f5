#pragma once
// The wording of the template-file errors, Chinese and English side by side. The detail (where
// in the file, what is wrong) is the JSON parser's or the validator's, in English.

#include <xxgk/diag/message.hpp>

namespace xxgk::schema::msg {
inline constexpr diag::MessageTemplate k_invalid_json{"error.schema.invalid_json", "JSON 无效：{0}",
                                                      "invalid JSON: {0}"};
inline constexpr diag::MessageTemplate k_invalid_schema{"error.schema.invalid", "模板文件无效：{0}",
                                                        "invalid schema: {0}"};
} // namespace xxgk::schema::msg
