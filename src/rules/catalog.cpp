#include "checks.hpp"

#include <xxgk/app/app.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/document/reader_rules.hpp>
#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/lang.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/fix/write.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/report/input.hpp>
#include <xxgk/rules/aggregate.hpp>
#include <xxgk/rules/catalog.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/rules/engine.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace xxgk::rules {

namespace {

RuleInfo from_entry(const diag::RuleEntry& e, std::string kind, std::string example) {
  RuleInfo info;
  info.id = std::string(e.id);
  info.severity = e.severity;
  info.kind = std::move(kind);
  info.title = std::string(e.title);
  info.title_en = std::string(e.title_en);
  info.description = std::string(e.description);
  info.template_text = std::string(e.template_text);
  info.fix = std::string(e.fix);
  info.example = e.example.empty() ? std::move(example) : std::string(e.example);
  return info;
}

} // namespace

std::string autofix_kind(const schema::Rule& rule, const schema::Template& tmpl) {
  if (rule.kind == "sum" || rule.kind == "equal") {
    return rule.kind;
  }
  if (rule.kind != "blank") {
    return {};
  }
  const auto cells = detail::matching_paths(rule.cells, tmpl);
  const std::set<std::string> covered(cells.begin(), cells.end());
  for (const auto& id : identities(tmpl)) {
    for (const auto* side : {&id.lhs, &id.rhs}) {
      for (const auto& p : *side) {
        if (covered.contains(p)) {
          return "blank";
        }
      }
    }
  }
  return {};
}

std::vector<RuleInfo> catalog(const std::vector<schema::Template>& templates) {
  std::map<std::string, RuleInfo> by_id;
  for (const auto& t : templates) {
    for (const auto& r : t.rules) {
      auto& info = by_id[r.id];
      info.id = r.id;
      info.severity = r.severity;
      info.kind = r.kind;
      info.title = r.title;
      info.title_en = r.title_en;
      info.description = r.description;
      info.template_text = r.template_text;
      info.fix = r.fix;
      if (info.autofix.empty()) {
        info.autofix = autofix_kind(r, t);
      }
      info.templates.push_back(t.id);
      info.example = fmt::format("samples/invalid/{}.txt", r.id);
    }
  }
  std::vector<RuleInfo> out;
  for (auto& [id, info] : by_id) {
    out.push_back(std::move(info));
  }
  for (const auto& e : extract::builtin_rules()) {
    out.push_back(from_entry(e, "extraction", fmt::format("samples/invalid/{}.txt", e.id)));
  }
  for (const auto* list : {&cross::rule_metas(), &aggregate::rule_metas()}) {
    for (const auto& e : *list) {
      out.push_back(from_entry(e, k_cross_kind, fmt::format("samples/batch/{}/", e.id)));
    }
  }
  for (const auto& e : document::reader_rules()) {
    out.push_back(from_entry(e, "reader", ""));
  }
  return out;
}

std::vector<const diag::MessageTemplate*> message_templates() {
  std::vector<const diag::MessageTemplate*> out;
  for (const auto* list :
       {&detail::engine_messages(), &detail::structure_messages(), &detail::prose_messages(),
        &detail::kind_messages(), &cross::messages(), &aggregate::messages(), &extract::messages(),
        &document::messages(), &document::error_messages(), &io::error_messages(),
        &schema::error_messages(), &report::error_messages(), &fix::error_messages(),
        &emit::write_error_messages(), &emit::summary_messages(), &emit::location_messages(),
        &app::messages()}) {
    for (const auto* m : *list) {
      if (std::find(out.begin(), out.end(), m) == out.end()) {
        out.push_back(m);
      }
    }
  }
  return out;
}

} // namespace xxgk::rules
