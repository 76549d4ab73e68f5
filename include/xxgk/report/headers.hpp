#pragma once
// Column headers of the report rows (`convert --to csv | xlsx`): model paths for scripts, or
// Chinese names an office worker can read (`三.一、本年新收政府信息公开申请数量.自然人`), and the
// way back from either to the model path.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::report {

enum class Headers {
  Zh,   ///< 表号.行.列 in the template's words (default for people-facing files)
  Keys, ///< model paths (spec/model.md), for scripts
};

/// The identity columns that open every report row, as keys.
inline constexpr std::string_view k_meta_columns[] = {"source", "template", "year",
                                                      "agency", "errors",   "warnings"};

/// The Chinese header of a meta column ("source" → 文件) or of a model path (表号.行.列, with the
/// labels of the 2021 template, or of 2019 for the cells only 2019 has). Unknown names come back
/// unchanged.
std::string zh_header(std::string_view key);

/// The key (meta column or model path) a header names, in either form; nullopt when it names
/// none. The 2019 template's labels of a cell are accepted too.
std::optional<std::string> header_key(std::string_view header);

/// The report-row columns in the given style: the meta columns, then every model path.
std::vector<std::string> report_columns(Headers headers);

} // namespace xxgk::report
