#pragma once
// Shared helpers for the unit tests: reading repository files and running the pipeline.

#include <xxgk/document/text_reader.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/rules/engine.hpp>
#include <xxgk/schema/schema.hpp>

#include <algorithm>
#include <set>
#include <string>

namespace xxgk::test {

inline std::string repo_file(const std::string& relative) {
  auto data = io::read_file(std::string(XXGK_SOURCE_DIR) + "/" + relative);
  if (!data) {
    throw std::runtime_error(relative + ": " + data.error().message);
  }
  return *data;
}

inline const schema::Template& tmpl(const char* id) {
  return *schema::bundled_template(id);
}

inline extract::Extraction extract_text(const std::string& text) {
  const document::Document doc = document::read_tika_text(text);
  std::vector<const schema::Template*> candidates;
  for (const auto& t : schema::bundled_templates()) {
    candidates.push_back(&t);
  }
  return extract::extract(doc, extract::detect_template(doc, candidates));
}

inline std::set<std::string> rule_ids(const std::vector<diag::Diagnostic>& diags) {
  std::set<std::string> out;
  for (const auto& d : diags) {
    out.insert(d.rule);
  }
  return out;
}

} // namespace xxgk::test
