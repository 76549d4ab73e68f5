// `xxgk rules` and `xxgk explain`: the rule catalogue as a table, Markdown (docs/rules.md) or
// JSON, and one rule's explanation.

#include "commands.hpp"
#include "options.hpp"
#include "pipeline.hpp"
#include <xxgk/rules/catalog.hpp>

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

namespace xxgk::app {

namespace {

enum class DocFormat { Text, Markdown, Json };

DocFormat doc_format(const Options& o, bool json_allowed) {
  std::vector<std::pair<std::string, DocFormat>> choices = {{"text", DocFormat::Text},
                                                            {"markdown", DocFormat::Markdown}};
  if (json_allowed) {
    choices.emplace_back("json", DocFormat::Json);
  }
  return choose("format (--format)", o.format, choices);
}

} // namespace

int run_rules(const Options& o, std::ostream& out) {
  const DocFormat format = doc_format(o, true);
  const emit::Lang lang = lang_of(o);
  const auto catalog = rules::catalog(load_templates(o));
  switch (format) {
  case DocFormat::Markdown:
    emit::write_rules_markdown(catalog, lang, out);
    break;
  case DocFormat::Json:
    emit::write_rules_json(catalog, out);
    break;
  case DocFormat::Text:
    emit::write_rule_table(catalog, lang, out);
    break;
  }
  return k_exit_clean;
}

int run_explain(const Options& o, std::ostream& out) {
  const DocFormat format = doc_format(o, false);
  const emit::Lang lang = lang_of(o);
  const auto catalog = rules::catalog(load_templates(o));
  std::vector<const emit::RuleInfo*> picked;
  for (const auto& as_given : o.paths) {
    const std::string given = rule_id_case(as_given);
    std::vector<const emit::RuleInfo*> matches;
    for (const auto& r : catalog) {
      if (r.id == given) {
        matches = {&r};
        break;
      }
      if (r.id.starts_with(given)) {
        matches.push_back(&r);
      }
    }
    if (matches.empty()) {
      std::vector<std::string> ids;
      for (const auto& r : catalog) {
        ids.push_back(r.id);
      }
      throw UsageError{fmt::format("unknown rule '{}'{}; 'xxgk rules' lists the rules", given,
                                   suggestion(given, ids))};
    }
    picked.insert(picked.end(), matches.begin(), matches.end());
  }
  for (std::size_t i = 0; i < picked.size(); ++i) {
    if (i > 0) {
      out << (format == DocFormat::Markdown ? "\n" : "\n\n");
    }
    if (format == DocFormat::Markdown) {
      emit::write_explain_markdown(*picked[i], lang, out);
    } else {
      emit::write_explain_text(*picked[i], lang, out);
    }
  }
  return k_exit_clean;
}

} // namespace xxgk::app
