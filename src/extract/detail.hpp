#pragma once
// Inside extract/: the cells of a document table as one stream, the helpers every layout uses,
// and the Extractor that fills a report from a document. The table layouts (layout_rows.cpp,
// layout_blocks.cpp, layout_flat.cpp), label classification, placement, typo matching, sections
// and table finding each define their part of it in their own file.

#include "label_paths.hpp"
#include "labels.hpp"
#include "messages.hpp"

#include <xxgk/extract/extract.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace xxgk::extract::detail {

using diag::Diagnostic;
using diag::Severity;

/// Longer paragraphs are prose, never a heading worded differently.
inline constexpr std::size_t k_max_heading = 40;

/// Subtotal columns (小计) a report may add to a table's header.
inline constexpr std::size_t k_max_extra_columns = 4;

/// Cells and paragraphs longer than this are prose: never a label, heading, title or number (the
/// longest label is a few dozen characters). They are not normalized: NFKC of a cell megabytes
/// long, once per template table, is what would make a crafted document slow.
inline constexpr std::size_t k_max_label_bytes = 4096;

util::ParsedValue value_of(std::string_view text);
TextKeys label_keys_of(std::string_view text);

struct StreamCell {
  const document::Cell* cell = nullptr;
  /// Row number within the stream when the table's rows are real rows; -1 when they are guesses.
  long row = -1;
  /// Which of the document tables assigned to the template table the cell comes from.
  std::size_t segment = 0;
  TextKeys keys;
  util::ParsedValue value;
  /// A note written after the number in the same cell: 22（其中修订16件） → 22, "其中修订16件".
  std::string note;
  [[nodiscard]] bool is_value() const { return value.kind != util::ValueKind::Text; }
};

/// What a document cell says, worked out once per report: table finding scores every document
/// table against each template table, then the tables' streams read the same cells again.
struct CellFacts {
  /// The cell with value_of(text), and label_keys_of(text) when that is Text (row and segment
  /// unset).
  StreamCell cell;
  /// A number with a note in the same cell (split_note): the number's value and the note.
  std::optional<std::pair<util::ParsedValue, std::string>> noted;
};
CellFacts facts_of(const document::Cell& c);

/// A finding of a built-in EXTRACT-* rule, with that rule's severity.
Diagnostic make_diag(std::string_view rule, diag::Message message, const diag::SourceLocation& at,
                     std::vector<std::string> cells = {});

/// EXTRACT-COLUMN for a row whose figures did not come out as its columns. When they are one digit
/// run the reader could not split unambiguously (READ-DIGITRUN names it), the source is not wrong,
/// only unreadable: a warning, not an error.
template <typename Values>
Diagnostic column_diag(std::string_view table, std::string_view row, std::size_t want,
                       const Values& values, const diag::SourceLocation& at,
                       std::vector<std::string> cells) {
  const bool unsplit = values.size() == 1 && values.front()->cell != nullptr &&
                       values.front()->cell->recovered == "digit-run-unsplit";
  Diagnostic d = make_diag(
      "EXTRACT-COLUMN",
      unsplit
          ? diag::Message{&msg::k_column_unsplit, {diag::Arg::table(table), std::string(row), want}}
          : diag::Message{&msg::k_column,
                          {diag::Arg::table(table), std::string(row), want, values.size()}},
      at, std::move(cells));
  if (unsplit) {
    d.severity = Severity::Warning;
  }
  return d;
}

report::CellState state_of(const util::ParsedValue& v);

/// The value cells after the label at `i`, at most `width`, stopping at a cell `stops`. In a
/// table with real rows they come from the label's row only, and empty cells that pad a merged
/// label (what TSV and Markdown write for a label spanning columns) are dropped from the front,
/// then empty cells after a value that spans columns from the back.
/// Returns the index after the last cell consumed.
template <class Stops>
std::size_t values_after(const std::vector<StreamCell>& s, std::size_t i, std::size_t width,
                         Stops stops, std::vector<const StreamCell*>& values) {
  std::size_t j = i + 1;
  if (s[i].row < 0) {
    while (j < s.size() && values.size() < width && !stops(s[j])) {
      values.push_back(&s[j]);
      ++j;
    }
    return j;
  }
  while (j < s.size() && s[j].row == s[i].row && !stops(s[j])) {
    values.push_back(&s[j]);
    ++j;
  }
  std::size_t padding = 0;
  while (values.size() - padding > width && values[padding]->value.kind == util::ValueKind::Blank) {
    ++padding;
  }
  values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(padding));
  // …and empty cells after a value cell that spans columns (表二 （五）（六）（八） in 2021).
  while (values.size() > width && values.back()->value.kind == util::ValueKind::Blank) {
    values.pop_back();
  }
  return j;
}

class Extractor {
public:
  Extractor(const document::Document& doc, const schema::Template& tmpl, Extraction& out)
      : m_doc(doc), m_tmpl(tmpl), m_out(out) {}

  void run();

private:
  enum class Kind { None, Row, Group, Column, Caption, Header };
  struct Hit {
    Kind kind = Kind::None;
    std::size_t index = 0; ///< row / group / column / header index (in the block for Blocks)
    std::size_t block = 0;
    bool approximate = false;
    const schema::Label* label = nullptr;
  };

  Hit classify(const StreamCell& c, const schema::Table& t, bool allow_approx) const;
  Hit classify_uncached(const StreamCell& c, const schema::Table& t, bool allow_approx) const;
  /// The exact matches of classify_uncached (matches_exactly, then classify_path), by a table of
  /// label keys built once per template table.
  Hit classify_exact(const StreamCell& c, const schema::Table& t) const;
  using ExactIndex =
      std::unordered_map<std::string_view, std::pair<std::size_t, Hit>>; ///< key → (order, hit)
  const ExactIndex& exact_index(const schema::Table& t) const;
  /// A row or column written with its ancestors joined in front (or after): label_paths.hpp.
  Hit classify_path(const StreamCell& c, const schema::Table& t) const;
  struct TreeOf {
    detail::PathTree tree;
    std::vector<Hit> hits; ///< per leaf
  };
  const TreeOf& tree_of(const schema::Table& t) const;
  int score(const document::Table& dt, const schema::Table& t) const;
  /// The facts of a cell, computed on first use and kept for the report.
  const CellFacts& facts(const document::Cell& c) const;
  /// The cells of the document tables assigned to one template table, in reading order, each
  /// with its parsed value or label keys.
  std::vector<StreamCell> flatten(const std::vector<const document::Table*>& tables) const;
  void assign(const schema::Table& t, const std::string& row_key, const std::string& col_key,
              const StreamCell& c);
  void note_fuzzy(const StreamCell& c, const Hit& h);
  void extract_rows(const schema::Table& t, const std::vector<StreamCell>& s);
  void extract_blocks(const schema::Table& t, const std::vector<StreamCell>& s);
  void extract_flat(const schema::Table& t, const std::vector<StreamCell>& s);
  void derive_rows(const schema::Table& t);
  void add_group_subtotal(const schema::Table& t, const schema::Group& g,
                          const std::vector<std::optional<std::size_t>>& order,
                          const std::vector<const StreamCell*>& values, const std::string& label);
  void verify_extras();
  /// Something in a table that belongs to no cell: a row the template does not have, or a
  /// number outside every row. Reported once per table (report_unplaced).
  struct Unplaced {
    std::string text;
    std::size_t numbers = 0; ///< for a row: how many numbers it carries
    bool row = false;
    diag::SourceLocation where;
  };
  void report_unplaced(const schema::Table& t, const std::vector<Unplaced>& unplaced);
  /// Assigns a row's values (as many as `order`) to its cells and to the subtotal columns.
  void place_row(const schema::Table& t, std::size_t row_index,
                 const std::vector<std::optional<std::size_t>>& order,
                 const std::vector<std::string>& extra_column_labels,
                 const std::vector<const StreamCell*>& values);
  struct PendingRow {
    std::size_t at; ///< stream index of the label
    std::vector<const StreamCell*> values;
  };
  /// Typos in row labels (format.md §7 item 17): an unmatched row whose label is close to exactly
  /// one row still unplaced, with the same item numbers and in the same place between the rows
  /// around it, and which no other unmatched row is close to, is read as that row with an
  /// EXTRACT-TYPO warning; the others are unplaced.
  void place_typos(const schema::Table& t, const std::vector<StreamCell>& s,
                   const std::vector<std::optional<std::size_t>>& order,
                   const std::vector<std::string>& extra_column_labels,
                   const std::vector<PendingRow>& pending,
                   const std::vector<std::pair<std::size_t, std::size_t>>& placed,
                   std::set<std::size_t>& found_rows, std::vector<Unplaced>& unplaced);
  /// A row of 表二 whose label matches no row of its block: the block, the column order, and
  /// the label's stream index with its figures.
  struct PendingBlockRow {
    std::size_t block;
    std::vector<std::optional<std::size_t>> cols;
    PendingRow row;
  };
  /// place_typos for the blocks of 表二: among the block's rows still unplaced, between the
  /// block's placed rows around it.
  void place_block_typos(
      const schema::Table& t, const std::vector<StreamCell>& s,
      const std::vector<PendingBlockRow>& pending,
      const std::vector<std::pair<std::size_t, std::pair<std::size_t, std::size_t>>>& placed,
      std::set<std::pair<std::size_t, std::size_t>>& found_rows,
      std::vector<std::pair<std::size_t, Unplaced>>& unplaced);
  /// A row whose label matches no row: the label key without the ancestors written before it.
  std::string leaf_key_of(const StreamCell& c, const schema::Table& t) const;
  void find_sections();

  const document::Document& m_doc;
  const schema::Template& m_tmpl;
  Extraction& m_out;
  std::map<const document::Table*, std::string> m_table_section;
  /// Per block: a paragraph that is a section heading word for word (find_sections).
  std::vector<bool> m_exact_heading;
  mutable std::map<const schema::Table*, TreeOf> m_trees;
  /// classify is asked about the same cell many times (row starts, value stops, scoring).
  using ClassifyKey = std::tuple<const document::Cell*, const schema::Table*, bool>;
  struct ClassifyKeyHash {
    std::size_t operator()(const ClassifyKey& k) const noexcept {
      const auto a = reinterpret_cast<std::uintptr_t>(std::get<0>(k));
      const auto b = reinterpret_cast<std::uintptr_t>(std::get<1>(k));
      return std::hash<std::uintptr_t>{}(a ^ (b * 0x9E3779B97F4A7C15ULL) ^ std::get<2>(k));
    }
  };
  mutable std::unordered_map<ClassifyKey, Hit, ClassifyKeyHash> m_classified;
  mutable std::unordered_map<const document::Cell*, CellFacts> m_facts;
  mutable std::map<const schema::Table*, ExactIndex> m_exact;
};

} // namespace xxgk::extract::detail
