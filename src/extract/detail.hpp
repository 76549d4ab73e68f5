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
#include <xxgk/util/interned.hpp>
#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
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
  /// The cell's place among the report's cell facts (Extractor::facts), which keeps what
  /// classify found for it; k_no_facts for a cell made up by a layout.
  static constexpr std::size_t k_no_facts = static_cast<std::size_t>(-1);
  std::size_t facts = k_no_facts;
  /// Row number within the stream when the table's rows are real rows; -1 when they are guesses.
  long row = -1;
  /// Which of the document tables assigned to the template table the cell comes from.
  std::size_t segment = 0;
  /// The label keys of a Text cell (empty for the others): the cell's facts' own.
  [[nodiscard]] const TextKeys& keys() const { return m_keys != nullptr ? *m_keys : no_keys(); }
  void set_keys(const TextKeys* keys) { m_keys = keys; }
  util::ParsedValue value;
  /// A note written after the number in the same cell: 22（其中修订16件） → 22, "其中修订16件".
  std::string note;
  [[nodiscard]] bool is_value() const { return value.kind != util::ValueKind::Text; }

private:
  /// Empty keys, one per thread (TextKeys keeps what it works out on first use).
  static const TextKeys& no_keys() {
    thread_local const TextKeys k_none;
    return k_none;
  }
  const TextKeys* m_keys = nullptr;
};

/// What a document cell says, worked out once per report: table finding scores every document
/// table against each template table, then the tables' streams read the same cells again.
struct CellFacts {
  CellFacts() = default;
  CellFacts(const CellFacts&) = delete; // `cell` points to `keys`
  CellFacts& operator=(const CellFacts&) = delete;
  CellFacts(CellFacts&&) = delete;
  CellFacts& operator=(CellFacts&&) = delete;
  ~CellFacts() = default;
  /// label_keys_of(text) when the cell's value is Text.
  TextKeys keys;
  /// The cell with value_of(text), its keys `keys` (row and segment unset).
  StreamCell cell;
  /// A number with a note in the same cell (split_note): the number's value and the note.
  std::optional<std::pair<util::ParsedValue, std::string>> noted;
  /// For a cell with a label key: where its classify results start in Extractor::m_hits (one per
  /// template table and allow_approx); k_no_slot otherwise.
  static constexpr std::size_t k_no_slot = static_cast<std::size_t>(-1);
  std::size_t slot = k_no_slot;
  /// util::TextFacts::serial of the cell's text (0: not memoized): what classify found for a
  /// text is kept per thread across reports under it.
  std::uint64_t serial = 0;
};
/// Fills `f` (made empty) with the facts of `c`.
void facts_of(const document::Cell& c, CellFacts& f);

/// What template detection and extraction both need of a document, worked out once: the facts
/// of every table cell (in document order) and the title.
struct DocFacts {
  explicit DocFacts(const document::Document& doc);
  std::vector<CellFacts> facts;
  /// Each table of the document with the place of its first cell among `facts`.
  std::vector<std::pair<const document::Table*, std::size_t>> tables;
  TitleInfo title;
};

/// What is worked out from a label text under a template, kept per thread across reports (reports
/// of one template repeat the same label texts): keyed by the template index's id, the text's
/// util::TextFacts::serial and `which` (what was asked of it) — integers, no text hashed. A
/// direct-mapped cache of `Slots` slots (a power of two): a key whose slot another took is worked
/// out again, and the memory it takes does not grow with the batch.
template <class Value, std::size_t Slots> class SerialMemo {
  static_assert((Slots & (Slots - 1)) == 0, "Slots is a power of two");

public:
  /// The value kept for the key, or compute()'s, kept.
  template <class Compute>
  Value get(std::uint64_t index, std::uint64_t serial, std::size_t which, Compute&& compute) {
    std::uint64_t h = (index * 0x9E3779B97F4A7C15ULL) ^ serial;
    h = (h * 0x9E3779B97F4A7C15ULL) ^ which;
    Slot& slot = m_slots[(h ^ (h >> 29U)) & (Slots - 1)];
    if (slot.index != index || slot.serial != serial || slot.which != which) {
      slot = {index, serial, which, compute()};
    }
    return slot.value;
  }

private:
  struct Slot {
    std::uint64_t index = 0; ///< 0: empty (template index ids start at 1)
    std::uint64_t serial = 0;
    std::size_t which = 0;
    Value value{};
  };
  std::vector<Slot> m_slots = std::vector<Slot>(Slots);
};

/// detect_template over a document's facts.
const schema::Template& detect(const DocFacts& facts,
                               const std::vector<const schema::Template*>& candidates);

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
  /// Extracts into `report` (default-constructed) and `diagnostics` (EXTRACT-* findings appended).
  Extractor(const document::Document& doc, const schema::Template& tmpl, DocFacts& facts,
            report::Report& report, std::vector<diag::Diagnostic>& diagnostics)
      : m_doc(doc), m_tmpl(tmpl), m_report(report), m_diagnostics(diagnostics),
        m_index(index_of(tmpl)), m_title(facts.title), m_facts(facts.facts),
        m_table_facts(facts.tables) {}

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
  /// classify_uncached, kept per thread across reports under the cell text's serial (0: not
  /// kept); `which` tells the template table and allow_approx apart.
  Hit classify_memoized(std::uint64_t serial, std::size_t which, const StreamCell& c,
                        const schema::Table& t, bool allow_approx) const;
  /// The exact matches of classify_uncached (matches_exactly, then classify_path), by a table of
  /// label keys built once per template table.
  Hit classify_exact(const StreamCell& c, const schema::Table& t) const;
  using ExactIndex =
      std::unordered_map<std::string_view, std::pair<std::size_t, Hit>>; ///< key → (order, hit)
  static ExactIndex make_exact_index(const schema::Table& t);
  /// A row or column written with its ancestors joined in front (or after): label_paths.hpp.
  Hit classify_path(const StreamCell& c, const schema::Table& t) const;
  struct TreeOf {
    detail::PathTree tree;
    std::vector<Hit> hits; ///< per leaf
  };
  static TreeOf make_tree(const schema::Table& t);
  /// What extraction derives from a template once and keeps with it (schema::Template::extraction):
  /// per template table its exact label index and label tree, and per cell path where a value
  /// goes and the row and column labels its location names.
  struct TemplateIndex {
    /// Unique among the indexes of this process (classify's results are kept per thread under it:
    /// a template's address may be reused by another one, its id is not).
    std::uint64_t id = 0;
    struct PerTable {
      ExactIndex exact;
      TreeOf tree;
    };
    std::vector<PerTable> tables; ///< as schema::Template::tables
    struct Target {
      report::CellIndex field = report::k_no_cell;
      /// The location's names, interned once here: assign copies pointers.
      util::Interned table_name;
      util::Interned row_label;
      util::Interned column_label;
    };
    std::unordered_map<std::string_view, Target> cells; ///< by cell path (Template::paths)
    /// The same targets by the template's own key strings (where they are in memory): what
    /// the layouts pass to assign, found without building the path.
    struct Keys {
      const schema::Table* table = nullptr;
      const char* row = nullptr;
      std::size_t row_size = 0;
      const char* column = nullptr;
      std::size_t column_size = 0;
      bool operator==(const Keys&) const = default;
    };
    struct KeysHash {
      std::size_t operator()(const Keys& k) const noexcept {
        const auto mix = [](std::size_t h, std::uintptr_t v) {
          return (h ^ v) * 0x9E3779B97F4A7C15ULL;
        };
        std::size_t h = mix(0, reinterpret_cast<std::uintptr_t>(k.table));
        h = mix(h, reinterpret_cast<std::uintptr_t>(k.row) + k.row_size);
        const std::size_t last = mix(h, reinterpret_cast<std::uintptr_t>(k.column) + k.column_size);
        return last ^ (last >> 29U);
      }
    };
    /// Keys → target, built once per template and only read after: open addressing over a
    /// power-of-two number of slots (no node to follow, no division), linear probing.
    class KeysTable {
    public:
      /// Adds `k` unless it is there (the first target stays, as std::unordered_map::emplace).
      void insert(const Keys& k, const Target* target) {
        if ((m_count + 1) * 2 > m_slots.size()) {
          grow();
        }
        std::size_t at = slot_of(k);
        for (; m_slots[at].first.table != nullptr; at = (at + 1) & (m_slots.size() - 1)) {
          if (m_slots[at].first == k) {
            return;
          }
        }
        m_slots[at] = {k, target};
        ++m_count;
      }
      [[nodiscard]] const Target* find(const Keys& k) const {
        if (m_slots.empty()) {
          return nullptr;
        }
        for (std::size_t at = slot_of(k); m_slots[at].first.table != nullptr;
             at = (at + 1) & (m_slots.size() - 1)) {
          if (m_slots[at].first == k) {
            return m_slots[at].second;
          }
        }
        return nullptr;
      }

    private:
      [[nodiscard]] std::size_t slot_of(const Keys& k) const {
        return KeysHash{}(k) & (m_slots.size() - 1);
      }
      void grow() {
        std::vector<std::pair<Keys, const Target*>> old(
            std::max<std::size_t>(16, m_slots.size() * 2));
        old.swap(m_slots);
        m_count = 0;
        for (const auto& [k, target] : old) {
          if (k.table != nullptr) {
            insert(k, target);
          }
        }
      }
      std::vector<std::pair<Keys, const Target*>> m_slots; ///< table nullptr: empty
      std::size_t m_count = 0;
    };
    KeysTable by_keys;
    /// The code points a section heading's key can start with (util::label_key_start): the first
    /// of every key of the sections' labels and of their numbers. Empty when one is empty (then
    /// any paragraph may be a heading).
    std::vector<char32_t> heading_starts;
    /// The most code points of a key of a section's label.
    std::size_t longest_heading = 0;
    /// The label keys of the template's markers (detect), in their order.
    std::vector<std::string> marker_keys;
  };
  static std::unique_ptr<const TemplateIndex> index_template(const schema::Template& tmpl);
  /// A template's index, built on first use and kept with the template.
  static const TemplateIndex& index_of(const schema::Template& tmpl) {
    return tmpl.extraction.get<TemplateIndex>([&tmpl] { return index_template(tmpl); });
  }
  friend const schema::Template& detect(const DocFacts& facts,
                                        const std::vector<const schema::Template*>& candidates);
  /// The index of a table of m_tmpl (a table of another template: built on first use).
  const TemplateIndex::PerTable& table_index(const schema::Table& t) const;
  const TreeOf& tree_of(const schema::Table& t) const { return table_index(t).tree; }
  /// How many labels of `t` the table's cells show (its cells' facts start at `first`).
  int score(const document::Table& dt, std::size_t first, const schema::Table& t) const;
  /// The facts of every cell of every document table, in document order, worked out once per
  /// report (index_cells); a table's start among them (first_fact).
  void index_cells();
  std::size_t first_fact(const document::Table& t) const;
  /// The cells of the document tables assigned to one template table, in reading order, each
  /// with its parsed value or label keys.
  std::vector<StreamCell> flatten(const std::vector<const document::Table*>& tables) const;
  /// The report's cell `t`.`row_key`.`col_key` (nullptr for none) and its entry in the
  /// template's index in `target` (nullptr when the template has no such path; its path is then
  /// in m_path).
  report::Cell* cell_of(const schema::Table& t, std::string_view row_key, std::string_view col_key,
                        const TemplateIndex::Target** target = nullptr);
  /// Writes the path `t`.`row_key`.`col_key` to m_path.
  void path_of(const schema::Table& t, std::string_view row_key, std::string_view col_key);
  /// Fills the cell `t`.`row_key`.`col_key` from `c`; returns it (nullptr for no such cell).
  report::Cell* assign(const schema::Table& t, const std::string& row_key,
                       const std::string& col_key, const StreamCell& c);
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
  report::Report& m_report;
  std::vector<diag::Diagnostic>& m_diagnostics;
  std::map<const document::Table*, std::string> m_table_section;
  /// Per block: a paragraph that is a section heading word for word (find_sections).
  std::vector<bool> m_exact_heading;
  const TemplateIndex& m_index;
  /// Tables of another template than m_tmpl (classify is only asked about m_tmpl's).
  mutable std::map<const schema::Table*, TemplateIndex::PerTable> m_other_tables;
  const TitleInfo& m_title;
  std::vector<CellFacts>& m_facts; ///< the document's (DocFacts); index_cells gives them slots
  const std::vector<std::pair<const document::Table*, std::size_t>>& m_table_facts;
  /// classify's results, asked about the same cell many times (row starts, value stops,
  /// scoring): per cell with a label key (CellFacts::slot), per template table and allow_approx.
  mutable std::vector<Hit> m_hits;
  mutable std::vector<std::uint8_t> m_hit_known;
  /// The path of the cell assign fills (kept to reuse its buffer).
  std::string m_path;
};

} // namespace xxgk::extract::detail
