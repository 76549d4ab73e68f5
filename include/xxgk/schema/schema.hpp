#pragma once
// A template definition loaded from schemas/*.json: labels (with aliases) of sections, tables,
// rows and columns, value types, and the consistency rules as data.

#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/util/expected.hpp>

#include <nlohmann/json_fwd.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::schema {

enum class ValueType {
  Count,       ///< integer ≥ 0 (件)
  SignedCount, ///< integer, may be negative (本年增/减)
  Amount,      ///< decimal ≥ 0 (万元 / 元)
};
std::string_view to_string(ValueType t);

/// A label as printed in the template plus the variants accepted for it. `keys` holds the
/// precomputed label_key/label_core_key of the label and every alias.
struct Label {
  std::string text;
  std::vector<std::string> aliases;
  std::vector<std::string> keys;
};

struct Column {
  std::string key;
  Label label;
  ValueType type = ValueType::Count;
};

struct Row {
  std::string key;
  Label label;
  std::string group; ///< key of the group the row belongs to ("" for none)
};

/// A label that heads several rows (e.g. （三）不予公开). `derived_row`, when set, names a row key
/// whose cells are the sum of the group's rows (2021 （六）其他处理 → other_handling).
struct Group {
  std::string key;
  Label label;
  std::vector<std::string> rows;
  std::string derived_row;
};

/// A block of table 二: a caption row 第二十条第（N）项, a header row (信息内容 | columns…) and
/// rows.
struct Block {
  std::string key;
  Label caption;
  std::vector<Column> columns;
  std::vector<Row> rows;
};

enum class Layout {
  Blocks, ///< table 二
  Rows,   ///< table 三: labelled rows × shared columns
  Flat,   ///< table 四: one unlabelled run of rows.size() × columns.size() values
};

struct Table {
  std::string key;  ///< model key: active / requests / review_litigation
  std::string name; ///< 二 / 三 / 四
  std::string title;
  std::string section; ///< key of the section that holds it
  Layout layout = Layout::Rows;
  std::vector<Block> blocks;        ///< Layout::Blocks
  std::vector<Column> columns;      ///< Layout::Rows and Flat
  std::vector<Row> rows;            ///< Layout::Rows and Flat (row order = value order for Flat)
  std::vector<Group> groups;        ///< Layout::Rows
  std::vector<Label> header_labels; ///< other header texts that belong to the table
};

struct Section {
  std::string key;
  std::string number; ///< 一 … 六
  Label label;
};

/// A sentence pattern of the report's prose and the table cells it states (kind "prose_figures").
/// A clause matches when one of `keywords` is followed, within the clause, by a number and 件,
/// with every word of `requires` and none of `forbid` between the keyword and the number.
struct ProsePattern {
  std::string name;
  std::vector<std::string> keywords;
  std::vector<std::string> requires_words;
  std::vector<std::string> forbid;
  /// Acceptable readings: each is a list of cells whose sum the number may equal.
  std::vector<std::vector<std::string>> alternatives;
};

/// One rule as data. Which fields matter depends on `kind`:
/// - "sum":       target = Σ terms, per binding of `for_each`
/// - "equal":     Σ lhs = Σ rhs
/// - "at_least":  Σ lhs ≥ Σ rhs
/// - "value_type": every cell in `cells` has its column's value type
/// - "blank":     one finding per table listing blank or placeholder cells in `cells`
/// - "template_year": the report uses `template` although its year is after `max_year`
/// - "sections":  the section headings are all present, once each, in order
/// - "section_wording": a heading is worded differently from the template (accepted)
/// - "table_placement": tables 二/三/四 stand inside their own sections
/// - "section_not_empty": the `sections` have text
/// - "period_year": a statistics-period sentence ("Y年1月1日…") uses the report year
/// - "prose_year": a paragraph of `sections` that opens with a year uses the report year
/// - "statement": from `min_year` on, `sections` mention one of `keywords`
/// - "prose_figures": figures stated in the prose agree with the tables (`patterns`)
/// - "agency_cannot": cells in `cells` are 0 for an agency whose name matches `agency_patterns`
///   (and none of `agency_exclude`)
/// Patterns are model paths with {variables}; `for_each` binds variables to lists, where a list
/// may be "@rows:TABLE" or "@columns:TABLE" (all data rows / columns of a table).
/// A "sum" rule's stand-in: when every cell of `for_terms` is blank, `cell` (a number) is summed in
/// their place — e.g. 2021's （六）其他处理 read as one total row, its three sub-rows blank.
struct Substitute {
  std::string cell;                   ///< path pattern, variables as in terms
  std::vector<std::string> for_terms; ///< path patterns, each also among the rule's terms
};

struct Rule {
  std::string id;
  diag::Severity severity = diag::Severity::Error;
  std::string kind;
  std::string title;
  std::string title_en;
  std::string description;
  std::string template_text;
  std::string fix;
  std::vector<std::pair<std::string, std::vector<std::string>>> for_each;
  std::string target;
  std::vector<std::string> terms; ///< "sum": the addends; "equal"/"at_least": lhs
  std::vector<std::string> rhs;
  std::vector<Substitute> substitutes; ///< "sum": group totals standing in for blank parts
  std::vector<std::pair<std::string, std::vector<std::string>>>
      term_vars;                  ///< expanded inside terms
  std::vector<std::string> cells; ///< "value_type"/"blank": path patterns with * wildcards
  std::vector<std::string> types; ///< "value_type": which value types this rule checks
  std::string template_id;        ///< "template_year"
  int max_year = 0;
  int min_year = 0;                         ///< "statement"
  std::vector<std::string> sections;        ///< section keys the rule reads
  std::vector<std::string> keywords;        ///< "statement"
  std::string keywords_en;                  ///< "statement": what the keywords say, in English
  std::vector<std::string> exclude;         ///< "prose_figures": clause words that skip a clause
  std::vector<ProsePattern> patterns;       ///< "prose_figures"
  std::vector<std::string> agency_patterns; ///< "agency_cannot"
  std::vector<std::string> agency_exclude;  ///< "agency_cannot"
};

/// What another module derives from a template once and keeps with it (rules/ compiles the rules
/// into a program over cell indices: rules/engine.hpp). Built on first use, under a lock; a copy
/// of the template starts empty (the copy may be edited before it is used).
class Derived {
public:
  Derived() = default;
  Derived(const Derived& /*other*/) {}
  Derived& operator=(const Derived& other) {
    if (this != &other) {
      const std::lock_guard lock(m_mutex);
      m_value.reset();
    }
    return *this;
  }
  ~Derived() = default;

  /// The value `make()` returned on the first call (a std::shared_ptr<const T>).
  template <class T, class Make> const T& get(Make&& make) const {
    const std::lock_guard lock(m_mutex);
    if (!m_value) {
      m_value = std::shared_ptr<const T>(make());
    }
    return *static_cast<const T*>(m_value.get());
  }

private:
  mutable std::mutex m_mutex;
  mutable std::shared_ptr<const void> m_value;
};

struct Template {
  std::string id; ///< "2019" / "2021"
  std::string name;
  std::string source;
  std::vector<std::string> markers; ///< texts whose presence indicates this template
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Rule> rules;
  std::vector<std::string> placeholders;
  /// Every cell path in table/row/column order, computed once by load_template (cell_paths()).
  std::vector<std::string> paths;
  /// The rules compiled for evaluation (rules::check), built on first use.
  Derived compiled;

  [[nodiscard]] const Table* table(std::string_view key) const;
  [[nodiscard]] const Rule* rule(std::string_view id) const;
  /// Every cell path of this template, in table/row/column order.
  [[nodiscard]] const std::vector<std::string>& cell_paths() const { return paths; }
  /// The column definition of a cell path, or nullptr.
  [[nodiscard]] const Column* column_of(std::string_view path) const;
  /// A human (Chinese) name for a cell path, e.g. 表三「一、本年新收政府信息公开申请数量」·总计.
  [[nodiscard]] std::string cell_label(std::string_view path) const;
  /// Row and column labels of a cell path.
  [[nodiscard]] std::pair<std::string, std::string> row_column_labels(std::string_view path) const;
  /// The labels of every cell path, built on first use (row_column_labels).
  Derived labels;
  /// What extraction looks labels and cells up by (extract/detail.hpp: Extractor::TemplateIndex),
  /// built on first use.
  Derived extraction;

private:
  [[nodiscard]] std::pair<std::string, std::string> labels_of(std::string_view path) const;
};

/// A rule kind as schemas/template.schema.json declares it (the one list of kinds): its name,
/// what it checks (for the docs) and the fields a rule of the kind must have, non-empty.
struct RuleKind {
  std::string name;
  std::string description;
  std::vector<std::string> required;
};
/// The rule kinds, in the order template.schema.json lists them.
const std::vector<RuleKind>& rule_kinds();
const RuleKind* rule_kind(std::string_view name);

/// Parses and validates a schema document; errors name the offending entry.
util::Expected<Template> load_template(std::string_view json_text);
/// The bundled templates (compiled in), in id order.
const std::vector<Template>& bundled_templates();
const Template* bundled_template(std::string_view id);

/// The message templates of this module's errors (the rule catalogue lists them).
const std::vector<const diag::MessageTemplate*>& error_messages();

} // namespace xxgk::schema
