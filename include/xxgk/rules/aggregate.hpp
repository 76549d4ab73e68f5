#pragma once
// District totals (`xxgk aggregate`): the tables 二/三/四 of many reports of one template
// summed cell by cell, a district's own report compared with that sum (X-AGG), and the units that
// should have reported checked against those that did (X-MISSING, X-UNLISTED). Pure: no I/O.
//
// How cells add up: a number adds exactly (util::add, overflow-checked); a blank cell or a
// placeholder (—, /, 无 …) counts as 0 and is noted; a cell that is not a number (text) or was not
// found in the report is left out of the sum and noted. A total cell is null only when no report
// had a number, blank or placeholder there.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/report/report.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/schema/schema.hpp>
#include <xxgk/util/number.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::rules::aggregate {

/// An input cell that did not simply add up, for the messages on stderr.
struct Note {
  enum class Kind {
    BlankAsZero, ///< blank or placeholder: counted as 0
    NotANumber,  ///< text: left out
    NotFound,    ///< not found in the report: left out
    Overflow,    ///< the running total would pass 64 bits: the total cell is null
  };
  Kind kind = Kind::BlankAsZero;
  std::string source; ///< the report
  std::string path;   ///< model path
  std::string raw;    ///< the cell's text as read
};

/// Running totals of one template's cells; reports are added one at a time and then dropped, so
/// a district of any size costs one report's worth of memory.
class Accumulator {
public:
  explicit Accumulator(const schema::Template& tmpl);

  /// Adds the report's cells (it must be of this template); returns what did not simply add up,
  /// ordered by kind (not kept: a district of any size costs one report's worth of memory).
  std::vector<Note> add(const report::Report& report, std::string_view source);

  [[nodiscard]] const schema::Template& tmpl() const { return *m_tmpl; }
  /// Reports added.
  [[nodiscard]] int count() const { return m_count; }
  /// Whether some total overflowed (Note::Kind::Overflow).
  [[nodiscard]] bool overflowed() const { return m_overflowed; }
  /// The totals as a report of this template: year when every report gave the same one, no
  /// agency, a title saying how many reports were summed.
  [[nodiscard]] report::Report total() const;

private:
  struct Total {
    std::string path;
    std::optional<util::Number> value; ///< nullopt: nothing to add yet, or overflowed
    bool any = false;                  ///< some report had a number, blank or placeholder here
    bool overflowed = false;
  };
  const schema::Template* m_tmpl;
  std::vector<Total> m_totals;
  int m_count = 0;
  bool m_overflowed = false;
  std::optional<int> m_year;
  bool m_mixed_years = false;
};

/// X-AGG: the cells where a district's own report differs from the sum of its units' reports
/// (`count` reports), one error each, located at the district report's cell. A blank or
/// placeholder cell of the district report counts as 0; its text cells, cells not found and
/// totals that are null are not compared.
std::vector<diag::Diagnostic> compare(const report::Report& own, const report::Report& total,
                                      int count, const schema::Template& tmpl);

/// One line of a units list (--expect): a unit (agency) name and where it is.
struct Unit {
  std::string name;
  int line = 0;
};

/// The units of a list file: one name a line; blank lines and lines starting with '#' are
/// ignored, white space around a name is trimmed, a UTF-8 BOM is skipped.
std::vector<Unit> parse_units(std::string_view text);

/// A unit whose report was read: its agency as in the title, and the report.
struct Present {
  std::string agency;
  std::string source;
};

/// X-MISSING (error, at the list's line) for each listed unit no report came from, and
/// X-UNLISTED (info) for each report whose agency is not listed. Names are compared as the
/// cross-document checks compare them (rules::cross::agency_key: width folded, white space,
/// brackets and punctuation removed).
std::vector<diag::Diagnostic> check_units(const std::vector<Unit>& expected,
                                          const std::vector<Present>& present,
                                          std::string_view list_name);

/// The aggregation rules, for `xxgk rules` and `xxgk explain` (described like the
/// cross-document rules).
using RuleMeta = cross::RuleMeta;
const std::vector<RuleMeta>& rule_metas();
/// The message templates of the district-total findings.
const std::vector<const diag::MessageTemplate*>& messages();

} // namespace xxgk::rules::aggregate
