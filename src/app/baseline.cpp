// The baseline file of `check` (baseline.hpp): {"version":1,"tool":"xxgk","findings":[…]}.

#include "baseline.hpp"

#include "messages.hpp"
#include "options.hpp"

#include <xxgk/emit/emitters.hpp>
#include <xxgk/io/file.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace xxgk::app {

namespace {

constexpr int k_baseline_version = 1;

} // namespace

Baseline read_baseline(const std::string& path, diag::Lang lang) {
  auto text = io::read_file(path);
  if (!text) {
    throw UsageError{fmt::format("{}: {}", path, text.error().text(lang))};
  }
  Baseline out;
  try {
    const auto j = nlohmann::json::parse(*text);
    if (!j.is_object() || j.value("version", 0) != k_baseline_version || !j.contains("findings") ||
        !j["findings"].is_array()) {
      throw UsageError{fmt::format("{}: {}", path, msg::text(lang, msg::k_not_baseline))};
    }
    for (const auto& f : j["findings"]) {
      out[f.at("fingerprint").get<std::string>()] += f.value("count", 1);
    }
  } catch (const nlohmann::json::exception& e) {
    throw UsageError{
        fmt::format("{}: {}", path, msg::text(lang, msg::k_not_baseline_why, {e.what()}))};
  }
  return out;
}

void BaselineWriter::take(emit::ReportResult& r) {
  for (const auto& d : r.diagnostics) {
    auto& e = m_entries[emit::fingerprint(r, d)];
    if (e.count++ == 0) {
      e.rule = d.rule;
      e.source = r.source;
      e.message = d.message;
    }
  }
  m_recorded += static_cast<int>(r.diagnostics.size());
  r.diagnostics.clear();
}

std::string BaselineWriter::text() const {
  nlohmann::ordered_json j;
  j["version"] = k_baseline_version;
  j["tool"] = emit::k_tool_name;
  j["findings"] = nlohmann::ordered_json::array();
  for (const auto& [fp, e] : m_entries) {
    j["findings"].push_back({{"fingerprint", fp},
                             {"count", e.count},
                             {"rule", e.rule},
                             {"source", e.source},
                             {"message", e.message}});
  }
  return j.dump(2) + "\n";
}

int apply_baseline(emit::ReportResult& r, Baseline& baseline) {
  int suppressed = 0;
  std::erase_if(r.diagnostics, [&](const diag::Diagnostic& d) {
    auto it = baseline.find(emit::fingerprint(r, d));
    if (it == baseline.end() || it->second == 0) {
      return false;
    }
    --it->second;
    ++suppressed;
    return true;
  });
  return suppressed;
}

} // namespace xxgk::app
