#pragma once
// Helpers for the emitter tests: a Batch from repository files, run through the real pipeline.

#include "test_helpers.hpp"

#include <xxgk/document/read.hpp>
#include <xxgk/emit/emitters.hpp>

#include <sstream>

namespace xxgk::test {

/// The schema rules of the bundled templates as the emitters' rule catalogue.
inline std::vector<emit::RuleInfo> schema_rule_catalog() {
  std::vector<emit::RuleInfo> out;
  for (const auto& t : schema::bundled_templates()) {
    for (const auto& r : t.rules) {
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& i) { return i.id == r.id; });
      if (it == out.end()) {
        emit::RuleInfo info;
        info.id = r.id;
        info.severity = r.severity;
        info.kind = r.kind;
        info.title = r.title;
        info.title_en = r.title_en;
        out.push_back(info);
        it = out.end() - 1;
      }
      it->templates.push_back(t.id);
    }
  }
  return out;
}

/// Reads, extracts and checks repository files (paths relative to the source tree).
inline emit::Batch batch_of(const std::vector<std::string>& relative_paths) {
  emit::Batch batch;
  batch.rules = schema_rule_catalog();
  for (const auto& rel : relative_paths) {
    emit::ReportResult r;
    r.source = rel;
    auto bytes = io::read_file(std::string(XXGK_SOURCE_DIR) + "/" + rel);
    if (!bytes) {
      r.readable = false;
      r.read_error = bytes.error().message;
      batch.reports.push_back(std::move(r));
      continue;
    }
    auto doc = document::read(*bytes, {});
    if (!doc) {
      r.readable = false;
      r.read_error = doc.error().message;
      batch.reports.push_back(std::move(r));
      continue;
    }
    std::vector<const schema::Template*> candidates;
    for (const auto& t : schema::bundled_templates()) {
      candidates.push_back(&t);
    }
    const schema::Template& t = extract::detect_template(*doc, candidates);
    auto ex = extract::extract(*doc, t);
    r.diagnostics = doc->diagnostics;
    for (auto& d : ex.diagnostics) {
      r.diagnostics.push_back(d);
    }
    for (auto& d : rules::check(ex.report, t)) {
      r.diagnostics.push_back(d);
    }
    diag::sort_diagnostics(r.diagnostics);
    r.report = std::move(ex.report);
    r.tmpl = &t;
    r.text = doc->source_text;
    for (const auto& rule : t.rules) {
      r.rules_checked.push_back(rule.id);
    }
    batch.reports.push_back(std::move(r));
  }
  return batch;
}

/// What an emitter writes for a batch.
inline std::string emit_to_string(emit::Writer write, const emit::Batch& batch,
                                  emit::OutputOptions options = {}) {
  std::ostringstream out;
  write(batch, options, out);
  return out.str();
}

/// A batch of one readable report with the given findings (for escaping tests).
inline emit::Batch synthetic_batch(const std::string& source,
                                   std::vector<diag::Diagnostic> diagnostics) {
  emit::Batch batch;
  emit::ReportResult r;
  r.source = source;
  r.report.agency = "测试县";
  r.report.year = 2023;
  r.report.template_id = "2021";
  r.tmpl = schema::bundled_template("2021");
  r.diagnostics = std::move(diagnostics);
  batch.reports.push_back(std::move(r));
  return batch;
}

} // namespace xxgk::test
