// libFuzzer target: the whole pipeline as `xxgk check --format json` runs it, in process:
// app::process_bytes (read, detect the template, extract, check; also xxgk's own JSON and CSV
// report data), then the JSON and text emitters into a null stream.

#include "app/pipeline.hpp"

#include <xxgk/app/app.hpp>
#include <xxgk/emit/emitters.hpp>
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
  static const auto k_templates = schema::bundled_templates();
  static const app::Options k_options = [] {
    app::Options o;
    o.read_limits.max_inflated = std::size_t{4} << 20;
    return o;
  }();
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The pipeline `check` runs on each input (app::process), from the bytes on.
  auto result = app::process_bytes(bytes, "fuzz-input", k_templates, k_options);
  if (!result) {
    return 0;
  }
  emit::Batch batch;
  batch.reports.push_back(std::move(*result));
  NullBuf buf;
  std::ostream out(&buf);
  emit::write_json(batch, {}, out);
  emit::write_text(batch, {}, out);
  if (batch.reports.front().tmpl != nullptr) {
    out << emit::report_json(batch.reports.front().report, *batch.reports.front().tmpl);
  }
  return 0;
}
