#pragma once
// Cross-document checks: figures that must agree between reports of the same agency,
// across years or within one year. Pure: no I/O. A batch keeps one small Summary per report
// instead of the reports themselves.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/diag/rule_entry.hpp>
#include <xxgk/report/report.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xxgk::rules::cross {

/// One cell as the cross-document checks need it: kept for every report of a batch, so small
/// (16 bytes: the number as a scaled integer, not as text; the line only).
class Figure {
public:
  /// The value as the checks compare it: "" when absent, "0" when blank or a placeholder (as the
  /// template's rules count blanks), "?" when text, else the number as a decimal literal.
  [[nodiscard]] std::string value() const;
  /// Sets the value from such a string (what value() returns; "" absent, "?" text).
  void set(std::string_view value);
  [[nodiscard]] bool present() const { return m_state != State::Absent; }

private:
  enum class State : std::uint8_t { Absent, Number, Text };
  std::int64_t m_units = 0;

public:
  int line = 0; ///< where it is in a text form (0: not a text form)

private:
  std::int8_t m_scale = 0;
  State m_state = State::Absent;
};

/// The figures a Summary keeps, by model path: requests.carried_over.* and carried_forward.*
/// (7 columns each) and active.{regulations,normative_documents}.{issued,repealed,in_force}. A
/// fixed array, not a map: a batch keeps one per report.
class Figures {
public:
  static constexpr std::size_t k_count = 20;
  /// The paths, in storage order.
  static const std::array<std::string, k_count>& paths();
  /// The figure of one of paths(); std::out_of_range for another path.
  Figure& operator[](std::string_view path);
  /// The figure of a path, or nullptr when it is not one of paths().
  [[nodiscard]] const Figure* find(std::string_view path) const;

private:
  std::array<Figure, k_count> m_figures;
};

/// Everything the cross-document checks and their findings need of one report: the figures
/// they compare, its identity, fingerprints for X-DUP and X-TEXT, and where the cells a finding
/// may point at are (so that nothing is read twice). A batch keeps it encoded (Collector).
struct Summary {
  std::size_t index = 0; ///< the report's position in the batch
  std::string source;
  std::string template_id;
  std::string format; ///< report.format
  std::string form;   ///< the document's form (emit::ReportResult::form)
  int year = 0;
  std::string agency; ///< as in the title (grouped by agency_key(agency), computed when checked)
  Figures figures;
  std::uint64_t fingerprint = 0; ///< a hash of every cell value of the report, for X-DUP
  /// Hashes and lengths (code points) of the narrative paragraphs, for X-TEXT.
  std::vector<std::uint32_t> paragraph_hashes;
  std::vector<std::uint32_t> paragraph_chars;
  std::size_t narrative_chars = 0;
  /// The full locations of the cells a finding of this report points at (its carried-over and
  /// in-force figures), by index in Figures::paths(); a finding without one gives the line only.
  std::vector<std::pair<std::uint8_t, diag::SourceLocation>> places;
  /// Windows of the lines of a text form those cells are on, around their columns, for source
  /// excerpts (a line may be a whole page long: only what an excerpt shows is kept), by line.
  std::vector<diag::SourceWindow> windows;
};

/// The summary of a report, or nothing when its title gives no year or no agency. `text` is the
/// decoded input of a text form (the lines of its findings' excerpts), `form` the document's form.
std::optional<Summary> summarize(const report::Report& report, std::size_t index,
                                 std::string_view text = {}, std::string_view form = {});

/// The windows of `text` (a text form's decoded input) a caret at each of `places` (line, column;
/// sorted) shows in an excerpt (diag::SourceWindow): one per line, or several where its carets
/// are far apart, by line and column.
std::vector<diag::SourceWindow> source_windows(std::string_view text,
                                               const std::vector<std::pair<int, int>>& places);

/// The normalized agency name reports are grouped by.
std::string agency_key(std::string_view agency);

/// A finding of a cross-document check, attached to the report at `index` (the later year's). Its
/// location has the line and column of a text form only (the summaries keep no more); the
/// caller may put the cell's full location back (diag.cells.front() is the cell).
struct Finding {
  std::size_t index = 0;
  diag::Diagnostic diagnostic;
};

/// Runs every cross-document check over the summaries of one batch; findings in a deterministic
/// order (by report index, then rule, then cell).
std::vector<Finding> check(const std::vector<Summary>& summaries);

/// The findings check() gives for one report (in the same order), from the reports it is
/// compared with: `first`, the first report of its agency (agency_key) and year in the batch, or
/// nullptr when it is that report; `before`, the first report of its agency a year earlier, or
/// nullptr when there is none.
std::vector<Finding> check_report(const Summary& report, const Summary* first,
                                  const Summary* before);

/// The summaries of a whole batch, kept encoded (varints, labels interned, in large blocks: a
/// few hundred bytes per report, no allocation per report), and the checks run over them. Only
/// agencies with reports that can pair (the same year, or consecutive years) are decoded.
class Collector {
public:
  Collector();
  ~Collector();
  Collector(const Collector&) = delete;
  Collector& operator=(const Collector&) = delete;

  /// Room for this many reports' index entries, allocated once (not among freed report memory).
  void reserve(std::size_t reports);
  void add(const Summary& summary);
  [[nodiscard]] std::size_t size() const;
  /// Bytes held (the encoded summaries, their index and the interned labels).
  [[nodiscard]] std::size_t bytes() const;
  /// check() over every summary kept, findings with their cells' full locations.
  [[nodiscard]] std::vector<Finding> check() const;
  /// The same findings one agency at a time (those of each agency whose reports can pair, by
  /// report then rule), so that a caller need not hold them all.
  void check_each(const std::function<void(std::vector<Finding>&&)>& each) const;
  /// The findings check() gives for the report at `index`, from its agency's reports alone: only
  /// the reports it is compared with are decoded (check_report). The findings of an agency with
  /// 64 reports or more are kept until the Collector is destroyed (each of its reports would
  /// otherwise look through them all again). check(index) and summary() may run on several
  /// threads at once, but not beside add().
  [[nodiscard]] std::vector<Finding> check(std::size_t index) const;
  /// The summary of the report at `index`, decoded, or nothing when none was kept for it.
  [[nodiscard]] std::optional<Summary> summary(std::size_t index) const;

private:
  struct Store;
  std::unique_ptr<Store> m_store;
};

/// A cross-document rule, for the rule catalogue.
using RuleMeta = diag::RuleEntry;
const std::vector<RuleMeta>& rule_metas();
/// The message templates of the cross-document findings.
const std::vector<const diag::MessageTemplate*>& messages();

} // namespace xxgk::rules::cross
