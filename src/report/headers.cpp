#include <xxgk/report/fields.hpp>
#include <xxgk/report/headers.hpp>
#include <xxgk/schema/schema.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xxgk::report {

namespace {

constexpr std::pair<std::string_view, std::string_view> k_meta_zh[] = {
    {"source", "文件"},   {"template", "模板"},   {"year", "年度"},  {"agency", "机关"},
    {"errors", "错误数"}, {"warnings", "警告数"}, {"title", "标题"},
};

/// 表号.行.列 of a path in one template, or "" when the template lacks it.
std::string label_in(const schema::Template& t, std::string_view path) {
  const auto& paths = t.cell_paths();
  if (std::find(paths.begin(), paths.end(), path) == paths.end()) {
    return {};
  }
  const auto dot = path.find('.');
  const schema::Table* table = t.table(path.substr(0, dot));
  const auto [row, column] = t.row_column_labels(path);
  return fmt::format("{}.{}.{}", table != nullptr ? table->name : "?", row, column);
}

struct HeaderTables {
  std::map<std::string, std::string, std::less<>> zh_of;  ///< key → Chinese header
  std::map<std::string, std::string, std::less<>> key_of; ///< either header → key
};

const HeaderTables& tables() {
  static const HeaderTables k_tables = [] {
    HeaderTables h;
    for (const auto& [key, zh] : k_meta_zh) {
      h.zh_of.emplace(key, zh);
      h.key_of.emplace(key, key);
      h.key_of.emplace(zh, key);
    }
    const schema::Template* t2021 = schema::bundled_template("2021");
    const schema::Template* t2019 = schema::bundled_template("2019");
    for (const auto& f : report::fields()) {
      const std::string path(f.path);
      const std::string l2021 = t2021 != nullptr ? label_in(*t2021, path) : std::string();
      const std::string l2019 = t2019 != nullptr ? label_in(*t2019, path) : std::string();
      const std::string zh = !l2021.empty() ? l2021 : !l2019.empty() ? l2019 : path;
      h.zh_of.emplace(path, zh);
      h.key_of.emplace(path, path);
      // The first path to claim a label keeps it: a header names one cell.
      h.key_of.emplace(zh, path);
      if (!l2019.empty()) {
        h.key_of.emplace(l2019, path);
      }
    }
    return h;
  }();
  return k_tables;
}

} // namespace

std::string zh_header(std::string_view key) {
  const auto& zh = tables().zh_of;
  const auto it = zh.find(key);
  return it == zh.end() ? std::string(key) : it->second;
}

std::optional<std::string> header_key(std::string_view header) {
  const auto& keys = tables().key_of;
  const auto it = keys.find(header);
  if (it == keys.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::vector<std::string> report_columns(Headers headers) {
  std::vector<std::string> out;
  for (const auto key : k_meta_columns) {
    out.push_back(headers == Headers::Zh ? zh_header(key) : std::string(key));
  }
  for (const auto& f : report::fields()) {
    out.push_back(headers == Headers::Zh ? zh_header(f.path) : std::string(f.path));
  }
  return out;
}

} // namespace xxgk::report
