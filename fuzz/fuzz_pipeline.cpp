// libFuzzer target: the whole pipeline as `xxgk check --format json` runs it, in process:
// bytes → document::read → detect_template → extract → rules::check → JSON into a null stream.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/rules/engine.hpp>
#include <xxgk/schema/schema.hpp>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string_view>
#include <vector>

namespace {

/// A stream buffer that discards everything (but still makes the emitter format it).
class NullBuf : public std::streambuf {
protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xxgk;
  const auto& k_templates = schema::bundled_templates();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  document::ReadOptions options;
  options.max_inflated = std::size_t{4} << 20;
  auto doc = document::read(bytes, options);
  emit::ReportResult result;
  result.source = "fuzz-input";
  if (!doc) {
    result.readable = false;
    result.read_error = doc.error().message;
  } else {
    std::vector<const schema::Template*> candidates;
    for (const auto& t : k_templates) {
      candidates.push_back(&t);
    }
    const schema::Template& tmpl = extract::detect_template(*doc, candidates);
    extract::Extraction ex = extract::extract(*doc, tmpl);
    result.diagnostics = std::move(doc->diagnostics);
    for (auto& d : ex.diagnostics) {
      result.diagnostics.push_back(std::move(d));
    }
    for (auto& d : rules::check(ex.report, tmpl)) {
      result.diagnostics.push_back(std::move(d));
    }
    diag::sort_diagnostics(result.diagnostics);
    result.report = std::move(ex.report);
    result.tmpl = &tmpl;
    result.text = doc->source_text;
  }
  emit::Batch batch;
  batch.reports.push_back(std::move(result));
  NullBuf buf;
  std::ostream out(&buf);
  emit::write_json(batch, {}, out);
  emit::write_text(batch, {}, out);
  if (batch.reports.front().tmpl != nullptr) {
    out << emit::report_json(batch.reports.front().report, *batch.reports.front().tmpl);
  }
  return 0;
}
