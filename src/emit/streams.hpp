#pragma once
// Inside emit/: the streams of the formats that write one report at a time (and write_batch, which
// writes a whole batch through one), the CSV row writer, and a helper that writes a JSON array
// element by element exactly as nlohmann's dump(2) writes it whole.

#include <xxgk/emit/emitters.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::emit {

/// Opens every CSV xxgk writes, so that Excel and WPS read it as UTF-8 (not the locale's GBK).
inline constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

/// One RFC 4180 row (CRLF), each field quoted when it holds a comma, quote, CR or LF (quotes
/// doubled) or leading/trailing space that a reader might trim. Used by the findings CSV and the
/// report rows of `convert --to csv`.
void write_csv_row(std::ostream& out, const std::vector<std::string>& fields);

std::unique_ptr<Stream> text_stream(const std::vector<RuleInfo>& rules,
                                    const OutputOptions& options, std::ostream& out);
std::unique_ptr<Stream> json_stream(const std::vector<RuleInfo>& rules,
                                    const OutputOptions& options, std::ostream& out);
std::unique_ptr<Stream> csv_stream(const std::vector<RuleInfo>& rules, const OutputOptions& options,
                                   std::ostream& out);
std::unique_ptr<Stream> github_stream(const std::vector<RuleInfo>& rules,
                                      const OutputOptions& options, std::ostream& out);
std::unique_ptr<Stream> gitlab_stream(const std::vector<RuleInfo>& rules,
                                      const OutputOptions& options, std::ostream& out);

/// A whole batch through a format's stream, for the formats' write_* functions: every report in
/// order, then finish() with no late findings.
inline void write_batch(Stream& stream, const Batch& batch) {
  for (const auto& r : batch.reports) {
    stream.report(r);
  }
  stream.finish({}, totals_of(batch));
}

/// The catalogue entry of a rule ID, or nullptr.
const RuleInfo* find_rule(const std::vector<RuleInfo>& rules, std::string_view id);

/// A JSON array written one element at a time, byte for byte as `dump(2)` of the whole document
/// would write it when the array sits `depth` containers deep ("[]" when empty).
class JsonArrayWriter {
public:
  JsonArrayWriter(std::ostream& out, int depth) : m_out(out), m_depth(depth) {}

  void push(const nlohmann::ordered_json& element) {
    m_out << (m_count++ == 0 ? "[\n" : ",\n") << indent(m_depth + 1)
          << reindented(element.dump(2), m_depth + 1);
  }
  void close() {
    if (m_count == 0) {
      m_out << "[]";
    } else {
      m_out << "\n" << indent(m_depth) << "]";
    }
  }
  [[nodiscard]] std::size_t count() const { return m_count; }

  static std::string indent(int depth) {
    return std::string(static_cast<std::size_t>(depth) * 2, ' ');
  }
  /// A value dumped at depth 0, as it is written `depth` containers deep (JSON strings never hold
  /// a raw line break, so every '\n' is one of dump's).
  static std::string reindented(const std::string& dumped, int depth) {
    // (Built in place: GCC 12 at -O3 warns falsely on "\n" + std::string, -Wrestrict.)
    std::string pad(static_cast<std::size_t>(depth) * 2 + 1, ' ');
    pad.front() = '\n';
    std::string out;
    out.reserve(dumped.size());
    for (const char c : dumped) {
      if (c == '\n') {
        out += pad;
      } else {
        out += c;
      }
    }
    return out;
  }

private:
  std::ostream& m_out;
  int m_depth;
  std::size_t m_count = 0;
};

} // namespace xxgk::emit
