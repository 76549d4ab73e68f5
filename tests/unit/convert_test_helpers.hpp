#pragma once
// Shared helpers for the convert writer tests: read bytes with the document readers, extract,
// and compare the cells of two reports through the normalized JSON.

#include "test_helpers.hpp"

#include <xxgk/document/read.hpp>
#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace xxgk::test {

inline const std::vector<std::string>& sample_files() {
  static const std::vector<std::string> k_samples = {
      "samples/dongfanghong-2023.txt", "samples/hongxing-2021.txt",
      "samples/lishui-bureau-2020.txt", "samples/qingshan-county-2022.txt"};
  return k_samples;
}

/// Reads bytes of any input form and extracts the report with the detected template.
inline extract::Extraction extract_bytes(const std::string& bytes) {
  auto doc = document::read(bytes);
  REQUIRE_MESSAGE(doc.has_value(), (doc ? std::string{} : doc.error().message));
  std::vector<const schema::Template*> candidates;
  for (const auto& t : schema::bundled_templates()) {
    candidates.push_back(&t);
  }
  return extract::extract(*doc, extract::detect_template(*doc, candidates));
}

/// The figures of a report: its template and the three tables of its normalized JSON.
inline std::string cells_json(const report::Report& r) {
  const schema::Template* t = schema::bundled_template(r.template_id);
  REQUIRE(t != nullptr);
  const auto j = emit::report_json(r, *t);
  nlohmann::ordered_json cells;
  cells["template"] = j["template"];
  for (const auto& table : t->tables) {
    cells[table.key] = j[table.key];
  }
  return cells.dump(1);
}

} // namespace xxgk::test
