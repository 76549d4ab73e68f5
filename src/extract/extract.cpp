#include "label_paths.hpp"
#include "labels.hpp"

#include <xxgk/extract/extract.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace xxgk::extract {

using detail::keys_of;
using detail::matches_approximately;
using detail::matches_exactly;
using detail::TextKeys;
using diag::Diagnostic;
using diag::Severity;

const std::vector<BuiltinRule>& builtin_rules() {
  static const std::vector<BuiltinRule> k_rules = {
      {"EXTRACT-TABLE", Severity::Error, "找不到表格",
       "报告中找不到表二、表三或表四（按表中的标签识别）。",
       "确认表格是真正的表格（或每格一行的文本），并写出模板的行标签和栏目标签，如“一、本年新收政府"
       "信息公开申请数量”“第二十条第（一）项”“行政复议”。"},
      {"EXTRACT-ROW", Severity::Error, "找不到行",
       "表格中缺少模板规定的行（按行标签识别），该行的数字无法核对。",
       "按模板补上该行（标签和数字）；若标签写法不同，改用模板的标签文字。"},
      {"EXTRACT-COLUMN", Severity::Error, "行的数值个数不对",
       "某行的数值单元格少于或多于表头的栏目数，无法确定每个数字属于哪一栏。若该行的数字在原文中连"
       "成一串"
       "（网页抓取的文本）且有不止一种拆法，则为警告：原文未必有错，只是无法读取。",
       "让该行的数值单元格与表头栏目一一对应：空白格写0，不要合并或省略单元格。"},
      {"EXTRACT-LAYOUT", Severity::Error, "表格结构无法识别",
       "表四应有15个数值（行政复议、未经复议直接起诉、复议后起诉各5个），实际数目不符。",
       "表四写出全部15个数值（含总计），每个数字一个单元格，空白格写0。"},
      {"EXTRACT-FUZZY", Severity::Info, "标签近似匹配",
       "某个标签与模板不完全一致（错字、漏字），已按最接近的模板标签识别。",
       "把标签改为模板的写法。"},
      {"EXTRACT-UNKNOWN", Severity::Warning, "无法归属的内容",
       "表格中出现模板之外的行或数字，未计入任何单元格；每张表报告一次，列出未计入的行和数字。",
       "删去模板之外的行和数字，或把它们写到模板对应的行和栏中；行标签要用模板的写法。"},
      {"EXTRACT-TYPO", Severity::Warning, "行标签有错字",
       "某行的标签与模板的任何行都不一致，但与本表同一部分中唯一一个尚未找到的行相近（编号和位置一"
       "致），"
       "已按该行读取。",
       "把行标签改为模板的写法（消息中给出了按哪一行读取）。"},
      {"EXTRACT-GROUP-ROW", Severity::Warning, "分组只有合计行",
       "模板中分列子行的一组（如2021年格式的（六）其他处理）在报告中只有一行合计数字（2019年格式）"
       "；"
       "按该组合计读取，子行留空。",
       "按2021年模板把该组分列为各子行（如（六）其他处理的1、2、3三行）填写。"},
      {"EXTRACT-NOTE", Severity::Warning, "单元格中数字后附有说明",
       "数值单元格在数字后用括号附了说明（如“22（其中修订16件）”）；按括号前的数字读取，说明不计入"
       "。",
       "把说明移到表格下方或正文中，单元格只写数字。"},
      {"EXTRACT-DUPLICATE", Severity::Warning, "重复的行",
       "同一行标签出现了不止一次；只采用第一次出现的数字。",
       "删去重复的行，或把标签改为它实际对应的模板行。"},
      {"EXTRACT-TITLE", Severity::Warning, "标题中没有年份或机关名称",
       "从报告标题中读不出报告年度或机关名称。",
       "标题写成“<机关名称><年份>年政府信息公开工作年度报告”。"},
      {"EXTRACT-SUBTOTAL", Severity::Error, "小计不符",
       "报告自行添加的小计行或小计列与其各组成部分之和不符（小计不计入模板的合计）。",
       "核对自加的小计；最好删去模板之外的小计行和小计列。"},
  };
  return k_rules;
}

namespace {

/// Longer paragraphs are prose, never a heading worded differently.
constexpr std::size_t k_max_heading = 40;

/// Subtotal columns (小计) a report may add to a table's header.
constexpr std::size_t k_max_extra_columns = 4;

/// Cells and paragraphs longer than this are prose: never a label, heading, title or number (the
/// longest label is a few dozen characters). They are not normalized: NFKC of a cell megabytes
/// long, once per template table, is what would make a crafted document slow.
constexpr std::size_t k_max_label_bytes = 4096;

util::ParsedValue value_of(std::string_view text) {
  if (text.size() > k_max_label_bytes) {
    util::ParsedValue prose;
    prose.kind = util::ValueKind::Text;
    return prose;
  }
  return util::parse_value(text);
}

TextKeys label_keys_of(std::string_view text) {
  return text.size() > k_max_label_bytes ? TextKeys{} : keys_of(text);
}

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

/// A number followed by a bracketed note in one cell (format.md §7 item 16): the number's text and
/// the note, or nullopt. "22（其中修订16件）", "3 (含转办2件)".
std::optional<std::pair<std::string, std::string>> split_note(std::string_view text) {
  if (text.size() > 200) {
    return std::nullopt;
  }
  const std::string folded = util::trim(util::nfkc(text)); // NFKC folds （） to ()
  const auto open = folded.find('(');
  if (open == std::string::npos || open == 0 || folded.back() != ')') {
    return std::nullopt;
  }
  std::string number = util::trim(folded.substr(0, open));
  std::string note = util::trim(folded.substr(open + 1, folded.size() - open - 2));
  if (number.empty() || note.empty() || util::parse_value(number).kind != util::ValueKind::Number) {
    return std::nullopt;
  }
  return std::make_pair(std::move(number), std::move(note));
}

std::vector<StreamCell> flatten(const std::vector<const document::Table*>& tables) {
  std::vector<StreamCell> out;
  long row_id = 0;
  std::size_t segment = 0;
  for (const auto* t : tables) {
    ++segment;
    for (const auto& row : t->rows) {
      ++row_id;
      for (const auto& c : row.cells) {
        if (c.merged_continuation) {
          continue; // the merged cell above holds the text; its continuations are not values
        }
        StreamCell s;
        s.cell = &c;
        s.segment = segment;
        s.row = t->structure == document::RowStructure::Reliable ? row_id : -1;
        s.value = value_of(c.text);
        if (s.value.kind == util::ValueKind::Text) {
          if (auto noted = split_note(c.text)) {
            s.value = util::parse_value(noted->first);
            s.note = std::move(noted->second);
          } else {
            s.keys = label_keys_of(c.text);
          }
        }
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

Diagnostic make_diag(std::string_view rule, std::string message, const diag::SourceLocation& at,
                     std::vector<std::string> cells = {}) {
  Diagnostic d;
  d.rule = std::string(rule);
  for (const auto& b : builtin_rules()) {
    if (b.id == rule) {
      d.severity = b.severity;
    }
  }
  d.message = std::move(message);
  d.location = at;
  d.cells = std::move(cells);
  return d;
}

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
      unsplit ? fmt::format("表{}的行「{}」的数字连成一串，无法唯一地分到{}个单元格；该行未读取",
                            table, row, want)
              : fmt::format("表{}的行「{}」应有{}个数值单元格，找到{}个；该行未读取", table, row,
                            want, values.size()),
      at, std::move(cells));
  if (unsplit) {
    d.severity = Severity::Warning;
  }
  return d;
}

report::CellState state_of(const util::ParsedValue& v) {
  switch (v.kind) {
  case util::ValueKind::Blank:
    return report::CellState::Blank;
  case util::ValueKind::Placeholder:
    return report::CellState::Placeholder;
  case util::ValueKind::Number:
    return report::CellState::Number;
  case util::ValueKind::Text:
    return report::CellState::Text;
  }
  return report::CellState::Text;
}

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
  /// A row or column written with its ancestors joined in front (or after): label_paths.hpp.
  Hit classify_path(const StreamCell& c, const schema::Table& t) const;
  struct TreeOf {
    detail::PathTree tree;
    std::vector<Hit> hits; ///< per leaf
  };
  const TreeOf& tree_of(const schema::Table& t) const;
  int score(const document::Table& dt, const schema::Table& t) const;
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
  mutable std::map<std::tuple<const document::Cell*, const schema::Table*, bool>, Hit> m_classified;
};

const Extractor::TreeOf& Extractor::tree_of(const schema::Table& t) const {
  auto it = m_trees.find(&t);
  if (it != m_trees.end()) {
    return it->second;
  }
  TreeOf out;
  auto& tree = out.tree;
  auto leaf = [&](const schema::Label& l, std::optional<std::size_t> parent, Hit h) {
    tree.leaves.push_back({&l, tree.leaves.size(), parent});
    out.hits.push_back(h);
  };
  switch (t.layout) {
  case schema::Layout::Blocks:
    for (const auto& blk : t.blocks) {
      tree.ancestors.push_back(&blk.caption);
    }
    for (std::size_t b = 0; b < t.blocks.size(); ++b) {
      for (std::size_t r = 0; r < t.blocks[b].rows.size(); ++r) {
        leaf(t.blocks[b].rows[r].label, b, {Kind::Row, r, b, false, &t.blocks[b].rows[r].label});
      }
    }
    for (std::size_t b = 0; b < t.blocks.size(); ++b) {
      for (std::size_t k = 0; k < t.blocks[b].columns.size(); ++k) {
        leaf(t.blocks[b].columns[k].label, b,
             {Kind::Column, k, b, false, &t.blocks[b].columns[k].label});
      }
    }
    break;
  case schema::Layout::Rows:
    for (const auto& g : t.groups) {
      tree.ancestors.push_back(&g.label);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      std::optional<std::size_t> parent;
      for (std::size_t g = 0; g < t.groups.size(); ++g) {
        if (t.groups[g].key == t.rows[r].group) {
          parent = g;
        }
      }
      leaf(t.rows[r].label, parent, {Kind::Row, r, 0, false, &t.rows[r].label});
    }
    for (std::size_t g = 0; g < t.groups.size(); ++g) {
      leaf(t.groups[g].label, std::nullopt, {Kind::Group, g, 0, false, &t.groups[g].label});
    }
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      leaf(t.columns[k].label, std::nullopt, {Kind::Column, k, 0, false, &t.columns[k].label});
    }
    break;
  case schema::Layout::Flat:
    // 表四's header: 行政复议 / 行政诉讼 · 未经复议直接起诉 / 复议后起诉 over the result columns.
    for (const auto& r : t.rows) {
      tree.ancestors.push_back(&r.label);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      leaf(t.rows[r].label, std::nullopt, {Kind::Row, r, 0, false, &t.rows[r].label});
    }
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      leaf(t.columns[k].label, std::nullopt, {Kind::Column, k, 0, false, &t.columns[k].label});
    }
    break;
  }
  for (const auto& h : t.header_labels) {
    tree.ancestors.push_back(&h);
  }
  detail::index_leaves(tree);
  return m_trees.emplace(&t, std::move(out)).first->second;
}

Extractor::Hit Extractor::classify_path(const StreamCell& c, const schema::Table& t) const {
  const TreeOf& tree = tree_of(t);
  auto m = detail::match_path(c.keys.key, tree.tree);
  if (!m) {
    m = detail::match_path_leaf_first(c.keys.key, tree.tree);
  }
  if (!m) {
    return {};
  }
  return tree.hits[m->leaf];
}

Extractor::Hit Extractor::classify(const StreamCell& c, const schema::Table& t,
                                   bool allow_approx) const {
  if (c.is_value() || c.keys.key.empty()) {
    return {};
  }
  const auto key = std::make_tuple(c.cell, &t, allow_approx);
  if (auto it = m_classified.find(key); it != m_classified.end()) {
    return it->second;
  }
  const Hit h = classify_uncached(c, t, allow_approx);
  m_classified.emplace(key, h);
  return h;
}

Extractor::Hit Extractor::classify_uncached(const StreamCell& c, const schema::Table& t,
                                            bool allow_approx) const {
  for (int pass = 0; pass < (allow_approx ? 2 : 1); ++pass) {
    const bool approx = pass == 1;
    auto test = [&](const schema::Label& l) {
      return approx ? matches_approximately(c.keys, l) : matches_exactly(c.keys, l);
    };
    if (t.layout == schema::Layout::Blocks) {
      for (std::size_t b = 0; b < t.blocks.size(); ++b) {
        const auto& blk = t.blocks[b];
        if (test(blk.caption)) {
          return {Kind::Caption, 0, b, approx, &blk.caption};
        }
        for (std::size_t r = 0; r < blk.rows.size(); ++r) {
          if (test(blk.rows[r].label)) {
            return {Kind::Row, r, b, approx, &blk.rows[r].label};
          }
        }
      }
      for (std::size_t b = 0; b < t.blocks.size(); ++b) {
        const auto& blk = t.blocks[b];
        for (std::size_t k = 0; k < blk.columns.size(); ++k) {
          if (test(blk.columns[k].label)) {
            return {Kind::Column, k, b, approx, &blk.columns[k].label};
          }
        }
      }
    } else {
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (test(t.rows[r].label)) {
          return {Kind::Row, r, 0, approx, &t.rows[r].label};
        }
      }
      for (std::size_t g = 0; g < t.groups.size(); ++g) {
        if (test(t.groups[g].label)) {
          return {Kind::Group, g, 0, approx, &t.groups[g].label};
        }
      }
      for (std::size_t k = 0; k < t.columns.size(); ++k) {
        if (test(t.columns[k].label)) {
          return {Kind::Column, k, 0, approx, &t.columns[k].label};
        }
      }
    }
    for (std::size_t h = 0; h < t.header_labels.size(); ++h) {
      if (test(t.header_labels[h])) {
        return {Kind::Header, h, 0, approx, &t.header_labels[h]};
      }
    }
    if (!approx) {
      if (const Hit h = classify_path(c, t); h.kind != Kind::None) {
        return h;
      }
    }
  }
  return {};
}

int Extractor::score(const document::Table& dt, const schema::Table& t) const {
  std::set<const schema::Label*> seen;
  for (const auto& row : dt.rows) {
    for (const auto& c : row.cells) {
      if (c.text.empty()) {
        continue;
      }
      StreamCell s;
      s.cell = &c;
      s.value = value_of(c.text);
      if (s.value.kind != util::ValueKind::Text) {
        continue;
      }
      s.keys = label_keys_of(c.text);
      const Hit h = classify(s, t, false);
      if (h.kind != Kind::None) {
        seen.insert(h.label);
      }
    }
  }
  return static_cast<int>(seen.size());
}

void Extractor::assign(const schema::Table& t, const std::string& row_key,
                       const std::string& col_key, const StreamCell& c) {
  const std::string path = t.key + "." + row_key + "." + col_key;
  report::Cell* cell = report::find_cell(m_out.report, path);
  if (cell == nullptr) {
    return; // the schema was validated against the field table; unreachable for real paths
  }
  cell->raw = c.cell->text;
  cell->state = state_of(c.value);
  cell->value = c.value.number;
  cell->where = c.cell->where;
  cell->recovered = c.cell->recovered;
  const auto [row_label, col_label] = m_tmpl.row_column_labels(path);
  cell->where.table_name = t.name;
  cell->where.row_label = row_label;
  cell->where.column_label = col_label;
  if (!c.note.empty()) {
    m_out.diagnostics.push_back(make_diag(
        "EXTRACT-NOTE",
        fmt::format("表{}「{}」{}的单元格「{}」在数字后附有说明，按 {} 读取，说明「{}」未计入",
                    t.name, row_label, col_label, util::trim(c.cell->text),
                    c.value.number ? c.value.number->to_string() : std::string(), c.note),
        cell->where, {path}));
  }
}

void Extractor::note_fuzzy(const StreamCell& c, const Hit& h) {
  if (!h.approximate || h.label == nullptr) {
    return;
  }
  m_out.diagnostics.push_back(make_diag(
      "EXTRACT-FUZZY",
      fmt::format("标签「{}」与模板不完全一致，按「{}」识别", c.cell->text, h.label->text),
      c.cell->where));
}

void Extractor::extract_rows(const schema::Table& t, const std::vector<StreamCell>& s) {
  // Column order: the template's, with any subtotal column the report adds (法人或其他组织小计)
  // placed where its header stands relative to the 法人或其他组织 columns.
  std::vector<std::optional<std::size_t>> order;
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    order.emplace_back(k);
  }
  std::optional<std::size_t> first_row;
  for (std::size_t i = 0; i < s.size() && !first_row; ++i) {
    if (classify(s[i], t, false).kind == Kind::Row) {
      first_row = i;
    }
  }
  const std::size_t header_end = first_row.value_or(s.size());
  std::vector<std::string> extra_column_labels;
  bool seen_commercial = false; // a 法人 column label so far, in reading order
  for (std::size_t i = 0; i < header_end; ++i) {
    if (s[i].is_value()) {
      continue;
    }
    const Hit h = classify(s[i], t, false);
    if (h.kind == Kind::Column && h.index >= 1 && h.index + 1 < t.columns.size()) {
      seen_commercial = true;
    }
    if (h.kind != Kind::None) {
      continue;
    }
    // A report adds one or two subtotal columns; more 小计 cells in a header are not columns
    // (and would make every row as wide as the header is long).
    if (s[i].keys.key.find("小计") != std::string::npos && !order.empty() &&
        extra_column_labels.size() < k_max_extra_columns) {
      // Before the first 法人 column in reading order → right after 自然人; else before 总计.
      const auto pos = !seen_commercial ? order.begin() + 1 : order.end() - 1;
      order.insert(pos, std::nullopt);
      extra_column_labels.push_back(s[i].cell->text);
    }
  }
  const std::size_t width = order.size();

  std::set<std::size_t> found_rows;
  std::vector<Unplaced> unplaced;
  /// Rows placed, in stream order (stream index, row index), and rows no label matched.
  std::vector<std::pair<std::size_t, std::size_t>> placed;
  std::vector<PendingRow> pending;
  /// Number cells no label has taken (yet), by stream index.
  std::set<std::size_t> loose;
  /// A group with a derived row (（六）其他处理) written as one row of figures.
  std::map<std::size_t, std::pair<std::size_t, std::vector<const StreamCell*>>> group_rows;
  // A sentinel, not std::optional: GCC 12 warns falsely (-Wmaybe-uninitialized) on the latter.
  constexpr std::size_t k_no_group = static_cast<std::size_t>(-1);
  std::size_t current_group = k_no_group;
  auto take_values = [&](std::size_t i, std::vector<const StreamCell*>& values) {
    const std::size_t next = values_after(
        s, i, width,
        [&](const StreamCell& c) {
          const Hit h = classify(c, t, false);
          return h.kind == Kind::Row || h.kind == Kind::Group;
        },
        values);
    // A label row without figures followed by a row of figures without a label (converter
    // Markdown, format.md §7 item 16): the figures are the label's.
    const bool no_figures = std::all_of(values.begin(), values.end(), [](const StreamCell* v) {
      return v->value.kind == util::ValueKind::Blank;
    });
    if (!no_figures || s[i].row < 0) {
      return next;
    }
    // …or the label comes after its figures (a wrapped label, format.md §7 items 15–16): a row
    // of figures right above that no label took yet is the label's.
    if (i > 0 && s[i - 1].row == s[i].row - 1) {
      std::size_t k = i;
      while (k > 0 && s[k - 1].row == s[i].row - 1) {
        --k;
      }
      std::vector<const StreamCell*> above;
      bool loose_row = true;
      for (std::size_t a = k; a < i; ++a) {
        loose_row = loose_row && s[a].is_value() &&
                    (s[a].value.kind != util::ValueKind::Number || loose.count(a) != 0);
        above.push_back(&s[a]);
      }
      std::size_t lead = 0;
      while (above.size() - lead > width && above[lead]->value.kind == util::ValueKind::Blank) {
        ++lead;
      }
      above.erase(above.begin(), above.begin() + static_cast<std::ptrdiff_t>(lead));
      while (above.size() > width && above.back()->value.kind == util::ValueKind::Blank) {
        above.pop_back();
      }
      const bool figures = std::any_of(above.begin(), above.end(), [](const StreamCell* v) {
        return v->value.kind == util::ValueKind::Number;
      });
      if (loose_row && figures && above.size() == width) {
        for (std::size_t a = k; a < i; ++a) {
          loose.erase(a);
        }
        values = std::move(above);
        return next;
      }
    }
    if (next >= s.size() || s[next].row != s[i].row + 1) {
      return next;
    }
    std::vector<const StreamCell*> below;
    std::size_t j = next;
    while (j < s.size() && s[j].row == s[next].row) {
      if (!s[j].is_value()) {
        return next; // the row below has a label of its own
      }
      below.push_back(&s[j]);
      ++j;
    }
    std::size_t padding = 0;
    while (below.size() - padding > width && below[padding]->value.kind == util::ValueKind::Blank) {
      ++padding;
    }
    below.erase(below.begin(), below.begin() + static_cast<std::ptrdiff_t>(padding));
    while (below.size() > width && below.back()->value.kind == util::ValueKind::Blank) {
      below.pop_back();
    }
    const bool figures = std::any_of(below.begin(), below.end(), [](const StreamCell* v) {
      return v->value.kind == util::ValueKind::Number;
    });
    if (below.size() != width || !figures) {
      return next;
    }
    values = std::move(below);
    return j;
  };

  for (std::size_t i = header_end; i < s.size();) {
    const StreamCell& c = s[i];
    if (c.is_value()) {
      if (c.value.kind == util::ValueKind::Number) {
        loose.insert(i); // unplaced unless a label below takes its row
      }
      ++i;
      continue;
    }
    const Hit h = classify(c, t, true);
    if (h.kind == Kind::Row) {
      note_fuzzy(c, h);
      std::vector<const StreamCell*> values;
      const std::size_t next = take_values(i, values);
      const auto& row = t.rows[h.index];
      current_group = k_no_group;
      for (std::size_t g = 0; g < t.groups.size(); ++g) {
        if (t.groups[g].key == row.group && !row.group.empty() && row.group != "results") {
          current_group = g;
        }
      }
      if (found_rows.count(h.index) != 0) {
        m_out.diagnostics.push_back(make_diag(
            "EXTRACT-DUPLICATE",
            fmt::format("表{}的行「{}」出现了不止一次，只采用第一次的数字", t.name, row.label.text),
            c.cell->where));
        i = next;
        continue;
      }
      found_rows.insert(h.index);
      placed.emplace_back(i, h.index);
      if (values.size() != width) {
        std::vector<std::string> cells;
        for (const auto& col : t.columns) {
          cells.push_back(t.key + "." + row.key + "." + col.key);
        }
        m_out.diagnostics.push_back(
            column_diag(t.name, row.label.text, width, values, c.cell->where, std::move(cells)));
        i = next;
        continue;
      }
      place_row(t, h.index, order, extra_column_labels, values);
      i = next;
      continue;
    }
    if (h.kind == Kind::Group) {
      note_fuzzy(c, h);
      // A group label followed by numbers is a subtotal row the report added: verify, never sum.
      std::vector<const StreamCell*> values;
      const std::size_t next = take_values(i, values);
      const bool has_numbers = values.size() == width &&
                               std::any_of(values.begin(), values.end(),
                                           [](const StreamCell* v) {
                                             return v->value.kind == util::ValueKind::Number;
                                           }) &&
                               std::all_of(values.begin(), values.end(),
                                           [](const StreamCell* v) { return v->is_value(); });
      if (has_numbers) {
        if (!t.groups[h.index].derived_row.empty() && group_rows.count(h.index) == 0) {
          group_rows.emplace(h.index, std::make_pair(i, values)); // decided after the loop
        } else {
          add_group_subtotal(t, t.groups[h.index], order, values, t.groups[h.index].label.text);
        }
        i = next;
        continue;
      }
      current_group = h.index;
      ++i;
      continue;
    }
    if (h.kind == Kind::None) {
      // An unknown label followed by a full row of numbers: a subtotal row (小计/合计) of the
      // group above, or a row the template does not have.
      std::vector<const StreamCell*> values;
      const std::size_t next = take_values(i, values);
      const bool subtotal_label = c.keys.key.find("小计") != std::string::npos ||
                                  c.keys.key.find("合计") != std::string::npos;
      if (subtotal_label && current_group != k_no_group && values.size() == width &&
          std::all_of(values.begin(), values.end(), [](auto* v) { return v->is_value(); })) {
        add_group_subtotal(t, t.groups[current_group], order, values, c.cell->text);
        i = next;
        continue;
      }
      const bool numeric_row =
          values.size() == width &&
          std::all_of(values.begin(), values.end(), [](auto* v) { return v->is_value(); }) &&
          std::any_of(values.begin(), values.end(),
                      [](auto* v) { return v->value.kind == util::ValueKind::Number; });
      if (numeric_row) {
        pending.push_back({i, std::move(values)});
        i = next;
        continue;
      }
    }
    ++i;
  }
  for (const std::size_t at : loose) {
    unplaced.push_back({s[at].cell->text, 1, false, s[at].cell->where});
  }
  place_typos(t, s, order, extra_column_labels, pending, placed, found_rows, unplaced);
  report_unplaced(t, unplaced);
  std::set<std::string> merged_rows; // sub-rows of a group written as one row: not missing
  for (const auto& [g, at_values] : group_rows) {
    const auto& group = t.groups[g];
    const auto& [at, values] = at_values;
    const bool any_sub_row = std::any_of(group.rows.begin(), group.rows.end(), [&](const auto& k) {
      for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (t.rows[r].key == k && found_rows.count(r) != 0) {
          return true;
        }
      }
      return false;
    });
    if (any_sub_row) {
      add_group_subtotal(t, group, order, values, group.label.text);
      continue;
    }
    // The 2019 layout of （六）其他处理 in a 2021 table (format.md §5 D7): one row, read as the
    // group's total; its sub-rows stay blank.
    for (std::size_t k = 0; k < order.size() && k < values.size(); ++k) {
      if (order[k]) {
        assign(t, group.derived_row, t.columns[*order[k]].key, *values[k]);
      }
    }
    merged_rows.insert(group.rows.begin(), group.rows.end());
    std::string names;
    for (const auto& k : group.rows) {
      for (const auto& r : t.rows) {
        if (r.key == k) {
          names += (names.empty() ? "" : "、") + std::string("「") + r.label.text + "」";
        }
      }
    }
    m_out.diagnostics.push_back(
        make_diag("EXTRACT-GROUP-ROW",
                  fmt::format("表{}的「{}」只有一行合计，没有分列子行{}；按该组合计读取，子行留空",
                              t.name, group.label.text, names),
                  s[at].cell->where));
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    if (found_rows.count(r) == 0 && merged_rows.count(t.rows[r].key) == 0) {
      std::vector<std::string> cells;
      for (const auto& col : t.columns) {
        cells.push_back(t.key + "." + t.rows[r].key + "." + col.key);
      }
      diag::SourceLocation at = s.empty() ? diag::SourceLocation{} : s.front().cell->where;
      at.table_name = t.name;
      at.row_label = t.rows[r].label.text;
      m_out.diagnostics.push_back(make_diag(
          "EXTRACT-ROW", fmt::format("表{}中找不到行「{}」", t.name, t.rows[r].label.text), at,
          std::move(cells)));
    }
  }
}

void Extractor::extract_blocks(const schema::Table& t, const std::vector<StreamCell>& s) {
  std::optional<std::size_t> block;
  // Column order per block as the report's header gives it (falls back to the template's).
  std::map<std::size_t, std::vector<std::optional<std::size_t>>> header_cols;
  constexpr std::size_t k_none = static_cast<std::size_t>(-1);
  std::size_t collecting_header = k_none; // block whose header is being read
  std::set<std::pair<std::size_t, std::size_t>> found_rows;
  std::vector<std::pair<std::size_t, Unplaced>> loose; // by stream index
  std::vector<PendingBlockRow> pending;
  /// Rows placed, in stream order: (stream index, (block, row)).
  std::vector<std::pair<std::size_t, std::pair<std::size_t, std::size_t>>> placed;

  for (std::size_t i = 0; i < s.size();) {
    const StreamCell& c = s[i];
    if (c.is_value()) {
      if (c.value.kind == util::ValueKind::Number) {
        loose.push_back({i, {c.cell->text, 1, false, c.cell->where}});
      }
      ++i;
      continue;
    }
    const Hit h = classify(c, t, true);
    note_fuzzy(c, h);
    if (h.kind == Kind::Caption) {
      block = h.block;
      collecting_header = k_none;
      ++i;
      continue;
    }
    if (h.kind == Kind::Header) { // 信息内容
      collecting_header = block.value_or(k_none);
      if (block) {
        header_cols[*block].clear();
      }
      ++i;
      continue;
    }
    if (h.kind == Kind::Column) {
      const std::size_t b = block.value_or(h.block);
      if (collecting_header != k_none && collecting_header == b) {
        // A column label of this block (columns of another block mean a missing caption).
        if (h.block == b) {
          header_cols[b].emplace_back(h.index);
        }
      } else if (!block || h.block != *block) {
        // Header without a caption: infer the block from the column.
        block = h.block;
        collecting_header = h.block;
        header_cols[h.block].clear();
        header_cols[h.block].emplace_back(h.index);
      }
      ++i;
      continue;
    }
    if (h.kind == Kind::Row) {
      collecting_header = k_none;
      const std::size_t b = h.block;
      block = b;
      const auto& blk = t.blocks[b];
      const auto& row = blk.rows[h.index];
      std::vector<std::optional<std::size_t>> cols;
      if (auto it = header_cols.find(b); it != header_cols.end() && !it->second.empty()) {
        cols = it->second;
      } else {
        for (std::size_t k = 0; k < blk.columns.size(); ++k) {
          cols.emplace_back(k);
        }
      }
      std::vector<const StreamCell*> values;
      const std::size_t j = values_after(
          s, i, cols.size(),
          [&](const StreamCell& x) { return classify(x, t, false).kind != Kind::None; }, values);
      if (found_rows.count({b, h.index}) != 0) {
        m_out.diagnostics.push_back(make_diag(
            "EXTRACT-DUPLICATE",
            fmt::format("表{}的行「{}」出现了不止一次，只采用第一次的数字", t.name, row.label.text),
            c.cell->where));
        i = j;
        continue;
      }
      found_rows.insert({b, h.index});
      placed.push_back({i, {b, h.index}});
      if (values.size() != cols.size()) {
        std::vector<std::string> cells;
        for (const auto& col : blk.columns) {
          cells.push_back(t.key + "." + row.key + "." + col.key);
        }
        m_out.diagnostics.push_back(column_diag(t.name, row.label.text, cols.size(), values,
                                                c.cell->where, std::move(cells)));
        i = j;
        continue;
      }
      for (std::size_t k = 0; k < cols.size(); ++k) {
        if (cols[k]) {
          assign(t, row.key, blk.columns[*cols[k]].key, *values[k]);
        }
      }
      i = j;
      continue;
    }
    if (h.kind == Kind::None) {
      // Unknown text: inside a header it is a column the template does not have; after a row
      // label position it may be an extra row (e.g. 其他主动公开文件 in the Hubei variant).
      if (collecting_header != k_none && block) {
        header_cols[*block].emplace_back(std::nullopt);
        ++i;
        continue;
      }
      if (block) {
        const auto& blk = t.blocks[*block];
        const std::size_t width = header_cols.count(*block) != 0 && !header_cols[*block].empty()
                                      ? header_cols[*block].size()
                                      : blk.columns.size();
        std::size_t j = i + 1;
        bool numeric = false;
        std::size_t n = 0;
        while (j < s.size() && n < width && s[j].is_value()) {
          numeric = numeric || s[j].value.kind == util::ValueKind::Number;
          ++j;
          ++n;
        }
        if (n == width && numeric) {
          PendingBlockRow row{*block, {}, {i, {}}};
          if (auto it = header_cols.find(*block); it != header_cols.end() && !it->second.empty()) {
            row.cols = it->second;
          } else {
            for (std::size_t k = 0; k < blk.columns.size(); ++k) {
              row.cols.emplace_back(k);
            }
          }
          for (std::size_t k = i + 1; k < j; ++k) {
            row.row.values.push_back(&s[k]);
          }
          pending.push_back(std::move(row));
          i = j;
          continue;
        }
      }
    }
    ++i;
  }
  place_block_typos(t, s, pending, placed, found_rows, loose);
  std::stable_sort(loose.begin(), loose.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<Unplaced> unplaced;
  for (auto& item : loose) {
    unplaced.push_back(std::move(item.second));
  }
  report_unplaced(t, unplaced);
  for (std::size_t b = 0; b < t.blocks.size(); ++b) {
    for (std::size_t r = 0; r < t.blocks[b].rows.size(); ++r) {
      if (found_rows.count({b, r}) == 0) {
        const auto& row = t.blocks[b].rows[r];
        std::vector<std::string> cells;
        for (const auto& col : t.blocks[b].columns) {
          cells.push_back(t.key + "." + row.key + "." + col.key);
        }
        diag::SourceLocation at = s.empty() ? diag::SourceLocation{} : s.front().cell->where;
        at.table_name = t.name;
        at.row_label = row.label.text;
        m_out.diagnostics.push_back(make_diag("EXTRACT-ROW",
                                              fmt::format("表{}中找不到{}的行「{}」", t.name,
                                                          t.blocks[b].caption.text, row.label.text),
                                              at, std::move(cells)));
      }
    }
  }
}

void Extractor::extract_flat(const schema::Table& t, const std::vector<StreamCell>& s) {
  const std::size_t want = t.rows.size() * t.columns.size();
  struct Value {
    const document::Cell* cell;
    util::ParsedValue value;
    std::string text;
    std::string note;
  };
  // The values of stream cells [from, to): the cells after the last header label, with empty
  // cells around them (corner cells, trailing paragraphs) dropped while more than `keep` remain.
  auto collect = [&](std::size_t from, std::size_t to, std::size_t keep) {
    std::size_t start = from;
    for (std::size_t i = from; i < to; ++i) {
      if (classify(s[i], t, false).kind != Kind::None) {
        start = i + 1;
      }
    }
    std::vector<Value> values;
    for (std::size_t i = start; i < to; ++i) {
      const auto& c = s[i];
      // A whole row typed into one cell ("0 0 0 …" or "| 1 | 2 |"): split it into its numbers.
      if (c.value.kind != util::ValueKind::Blank && c.cell->text.size() <= k_max_label_bytes) {
        std::string folded = util::nfkc(c.cell->text);
        std::vector<std::string> tokens;
        std::string tok;
        for (char ch : folded + " ") {
          if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '|') {
            if (!tok.empty()) {
              tokens.push_back(tok);
              tok.clear();
            }
          } else {
            tok.push_back(ch);
          }
        }
        const bool all_numbers =
            tokens.size() > 1 && std::all_of(tokens.begin(), tokens.end(), [](const auto& x) {
              return util::parse_value(x).kind == util::ValueKind::Number;
            });
        if (all_numbers) {
          for (const auto& x : tokens) {
            values.push_back({c.cell, util::parse_value(x), x, {}});
          }
          continue;
        }
      }
      values.push_back({c.cell, c.value, c.cell->text, c.note});
    }
    while (values.size() > keep && values.back().value.kind == util::ValueKind::Blank) {
      values.pop_back();
    }
    std::size_t first = 0;
    while (values.size() - first > keep && values[first].value.kind == util::ValueKind::Blank) {
      ++first;
    }
    values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(first));
    return values;
  };
  std::vector<Value> values = collect(0, s.size(), want);
  // A table emitted as several small tables (表四 as three blocks of five, each with its own
  // header): the values of each, in order.
  if (values.size() != want && !s.empty() && s.back().segment > s.front().segment) {
    std::vector<Value> joined;
    for (std::size_t from = 0; from < s.size();) {
      std::size_t to = from;
      while (to < s.size() && s[to].segment == s[from].segment) {
        ++to;
      }
      auto part = collect(from, to, t.columns.size());
      if (std::any_of(part.begin(), part.end(),
                      [](const Value& v) { return v.value.kind != util::ValueKind::Blank; })) {
        joined.insert(joined.end(), part.begin(), part.end());
      }
      from = to;
    }
    if (joined.size() == want) {
      values = std::move(joined);
    }
  }
  const std::size_t first = 0;
  const std::size_t n = values.size() - first;
  if (n != want) {
    std::vector<std::string> cells;
    for (const auto& r : t.rows) {
      for (const auto& col : t.columns) {
        cells.push_back(t.key + "." + r.key + "." + col.key);
      }
    }
    diag::SourceLocation at = s.empty() ? diag::SourceLocation{} : s.front().cell->where;
    at.table_name = t.name;
    m_out.diagnostics.push_back(make_diag(
        "EXTRACT-LAYOUT",
        fmt::format("表{}应有{}个数值单元格，找到{}个；表{}未读取", t.name, want, n, t.name), at,
        std::move(cells)));
    return;
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      const Value& v = values[first + r * t.columns.size() + k];
      StreamCell sc;
      sc.cell = v.cell;
      sc.value = v.value;
      sc.note = v.note;
      const std::string path = t.key + "." + t.rows[r].key + "." + t.columns[k].key;
      assign(t, t.rows[r].key, t.columns[k].key, sc);
      if (report::Cell* cell = report::find_cell(m_out.report, path)) {
        cell->raw = v.text;
      }
    }
  }
}

void Extractor::derive_rows(const schema::Table& t) {
  for (const auto& g : t.groups) {
    if (g.derived_row.empty()) {
      continue;
    }
    for (const auto& col : t.columns) {
      report::Cell* target =
          report::find_cell(m_out.report, t.key + "." + g.derived_row + "." + col.key);
      if (target == nullptr) {
        continue;
      }
      std::optional<util::Number> sum = util::Number{};
      bool any_number = false;
      bool any_found = false;
      bool unusable = false;
      for (const auto& r : g.rows) {
        const report::Cell* part = report::find_cell(m_out.report, t.key + "." + r + "." + col.key);
        if (part == nullptr || part->state == report::CellState::Absent) {
          unusable = true;
          continue;
        }
        any_found = true;
        if (!target->where.has_line() && target->where.table < 0) {
          target->where = part->where;
        }
        if (part->state == report::CellState::Text) {
          unusable = true;
        } else if (part->state == report::CellState::Number && sum) {
          sum = util::add(*sum, *part->value);
          any_number = true;
        }
      }
      if (!any_found) {
        continue;
      }
      if (unusable || !sum) {
        target->state = report::CellState::Absent;
        target->value.reset();
      } else if (any_number) {
        target->state = report::CellState::Number;
        target->value = sum;
      } else {
        target->state = report::CellState::Blank;
      }
    }
  }
}

void Extractor::add_group_subtotal(const schema::Table& t, const schema::Group& g,
                                   const std::vector<std::optional<std::size_t>>& order,
                                   const std::vector<const StreamCell*>& values,
                                   const std::string& label) {
  for (std::size_t k = 0; k < order.size() && k < values.size(); ++k) {
    if (!order[k]) {
      continue;
    }
    report::ExtraFigure extra;
    extra.table = t.key;
    const std::string shown = util::trim(label);
    extra.label =
        shown == g.label.text
            ? fmt::format("{}·{}", shown, t.columns[*order[k]].label.text)
            : fmt::format("{}（{}）·{}", shown, g.label.text, t.columns[*order[k]].label.text);
    for (const auto& r : g.rows) {
      if (r != "total_processed") {
        extra.parts.push_back(t.key + "." + r + "." + t.columns[*order[k]].key);
      }
    }
    extra.cell.raw = values[k]->cell->text;
    extra.cell.state = state_of(values[k]->value);
    extra.cell.value = values[k]->value.number;
    extra.cell.where = values[k]->cell->where;
    m_out.report.extras.push_back(std::move(extra));
  }
}

void Extractor::place_row(const schema::Table& t, std::size_t row_index,
                          const std::vector<std::optional<std::size_t>>& order,
                          const std::vector<std::string>& extra_column_labels,
                          const std::vector<const StreamCell*>& values) {
  const auto& row = t.rows[row_index];
  for (std::size_t k = 0; k < order.size() && k < values.size(); ++k) {
    if (order[k]) {
      assign(t, row.key, t.columns[*order[k]].key, *values[k]);
    } else {
      report::ExtraFigure extra;
      extra.table = t.key;
      extra.label = fmt::format("{}·{}", row.label.text, extra_column_labels.front());
      for (std::size_t col = 1; col + 1 < t.columns.size(); ++col) {
        extra.parts.push_back(t.key + "." + row.key + "." + t.columns[col].key);
      }
      extra.cell.raw = values[k]->cell->text;
      extra.cell.state = state_of(values[k]->value);
      extra.cell.value = values[k]->value.number;
      extra.cell.where = values[k]->cell->where;
      m_out.report.extras.push_back(std::move(extra));
    }
  }
}

std::string Extractor::leaf_key_of(const StreamCell& c, const schema::Table& t) const {
  return detail::strip_ancestors(c.keys.key, tree_of(t).tree);
}

namespace {

/// A typo changes at most about a third of a label (2.其他法律行政止公开: 3 of 13 code points).
constexpr double k_max_typo_distance = 0.34;

/// A key with its length and item numbers, computed once.
struct TypoKey {
  std::string key;
  std::size_t length = 0;
  std::u32string numerals;
  explicit TypoKey(std::string k)
      : key(std::move(k)), length(util::count_codepoints(key)), numerals(detail::numerals(key)) {}
};

/// Normalized edit distance of two keys with the same item numbers; > 1 when they differ.
double typo_distance(const TypoKey& a, const TypoKey& b) {
  const std::size_t n = std::max(a.length, b.length);
  if (n == 0 || a.length == 0 || b.length == 0 ||
      static_cast<double>(n - std::min(a.length, b.length)) >
          k_max_typo_distance * static_cast<double>(n) ||
      a.numerals != b.numerals) {
    return 2.0;
  }
  return static_cast<double>(util::edit_distance(a.key, b.key)) / static_cast<double>(n);
}

} // namespace

void Extractor::place_typos(const schema::Table& t, const std::vector<StreamCell>& s,
                            const std::vector<std::optional<std::size_t>>& order,
                            const std::vector<std::string>& extra_column_labels,
                            const std::vector<PendingRow>& pending,
                            const std::vector<std::pair<std::size_t, std::size_t>>& placed,
                            std::set<std::size_t>& found_rows, std::vector<Unplaced>& unplaced) {
  // candidates[p]: the unplaced rows close to pending row p, in its place among the placed rows.
  std::vector<std::vector<std::size_t>> candidates(pending.size());
  std::map<std::size_t, std::size_t> claims; // row → how many pending rows are close to it
  std::vector<std::vector<TypoKey>> row_keys;
  if (!pending.empty()) {
    for (const auto& row : t.rows) {
      row_keys.emplace_back();
      for (const auto& k : row.label.keys) {
        row_keys.back().emplace_back(k);
      }
    }
  }
  for (std::size_t p = 0; p < pending.size(); ++p) {
    const std::size_t at = pending[p].at;
    std::optional<std::size_t> before;
    std::optional<std::size_t> after;
    for (const auto& [pos, row] : placed) {
      if (pos < at) {
        before = row;
      } else if (!after) {
        after = row;
      }
    }
    const TypoKey leaf(leaf_key_of(s[at], t));
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      if (found_rows.count(r) != 0 || (before && r <= *before) || (after && r >= *after)) {
        continue;
      }
      const auto& keys = row_keys[r];
      const bool close = std::any_of(keys.begin(), keys.end(), [&](const TypoKey& k) {
        return typo_distance(leaf, k) <= k_max_typo_distance;
      });
      if (close) {
        candidates[p].push_back(r);
        ++claims[r];
      }
    }
  }
  for (std::size_t p = 0; p < pending.size(); ++p) {
    const StreamCell& c = s[pending[p].at];
    if (candidates[p].size() == 1 && claims[candidates[p].front()] == 1 &&
        pending[p].values.size() == order.size()) {
      const std::size_t r = candidates[p].front();
      found_rows.insert(r);
      place_row(t, r, order, extra_column_labels, pending[p].values);
      m_out.diagnostics.push_back(
          make_diag("EXTRACT-TYPO",
                    fmt::format("表{}的行标签「{}」与模板不一致，按位置和字形最接近的行「{}」读取",
                                t.name, util::trim(c.cell->text), t.rows[r].label.text),
                    c.cell->where));
      continue;
    }
    unplaced.push_back({c.cell->text, pending[p].values.size(), true, c.cell->where});
  }
}

void Extractor::place_block_typos(
    const schema::Table& t, const std::vector<StreamCell>& s,
    const std::vector<PendingBlockRow>& pending,
    const std::vector<std::pair<std::size_t, std::pair<std::size_t, std::size_t>>>& placed,
    std::set<std::pair<std::size_t, std::size_t>>& found_rows,
    std::vector<std::pair<std::size_t, Unplaced>>& unplaced) {
  std::vector<std::optional<std::size_t>> choice(pending.size());
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> claims;
  for (std::size_t p = 0; p < pending.size(); ++p) {
    const std::size_t b = pending[p].block;
    const std::size_t at = pending[p].row.at;
    std::optional<std::size_t> before;
    std::optional<std::size_t> after;
    for (const auto& [pos, where] : placed) {
      if (where.first != b) {
        continue;
      }
      if (pos < at) {
        before = where.second;
      } else if (!after) {
        after = where.second;
      }
    }
    const TypoKey leaf(s[at].keys.key);
    std::vector<std::size_t> close_rows;
    const auto& rows = t.blocks[b].rows;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      if (found_rows.count({b, r}) != 0 || (before && r <= *before) || (after && r >= *after)) {
        continue;
      }
      const bool close = std::any_of(
          rows[r].label.keys.begin(), rows[r].label.keys.end(), [&](const std::string& k) {
            return typo_distance(leaf, TypoKey(k)) <= k_max_typo_distance;
          });
      if (close) {
        close_rows.push_back(r);
        ++claims[{b, r}];
      }
    }
    if (close_rows.size() == 1) {
      choice[p] = close_rows.front();
    }
  }
  for (std::size_t p = 0; p < pending.size(); ++p) {
    const auto& pr = pending[p];
    const StreamCell& c = s[pr.row.at];
    if (choice[p] && claims[{pr.block, *choice[p]}] == 1 &&
        pr.row.values.size() == pr.cols.size()) {
      const auto& blk = t.blocks[pr.block];
      const auto& row = blk.rows[*choice[p]];
      found_rows.insert({pr.block, *choice[p]});
      for (std::size_t k = 0; k < pr.cols.size(); ++k) {
        if (pr.cols[k]) {
          assign(t, row.key, blk.columns[*pr.cols[k]].key, *pr.row.values[k]);
        }
      }
      m_out.diagnostics.push_back(
          make_diag("EXTRACT-TYPO",
                    fmt::format("表{}的行标签「{}」与模板不一致，按位置和字形最接近的行「{}」读取",
                                t.name, util::trim(c.cell->text), row.label.text),
                    c.cell->where));
      continue;
    }
    unplaced.push_back({pr.row.at, {c.cell->text, pr.row.values.size(), true, c.cell->where}});
  }
}

void Extractor::report_unplaced(const schema::Table& t, const std::vector<Unplaced>& unplaced) {
  if (unplaced.empty()) {
    return;
  }
  if (unplaced.size() == 1) {
    const auto& u = unplaced.front();
    m_out.diagnostics.push_back(make_diag(
        "EXTRACT-UNKNOWN",
        u.row ? fmt::format("表{}中的行「{}」不是模板中的行，其数字未计入", t.name, u.text)
              : fmt::format("表{}中的数字「{}」不在任何已识别的行中，未计入", t.name, u.text),
        u.where));
    return;
  }
  // One finding per table, not one per number: name every row and number left out.
  constexpr std::size_t k_max_listed = 12;
  std::string list;
  std::size_t numbers = 0;
  for (const auto& u : unplaced) {
    numbers += u.numbers;
  }
  for (std::size_t i = 0; i < unplaced.size(); ++i) {
    const auto& u = unplaced[i];
    if (i == k_max_listed) {
      list += fmt::format("等{}处", unplaced.size());
      break;
    }
    if (!list.empty()) {
      list += "、";
    }
    list += u.row ? fmt::format("行「{}」", util::trim(u.text))
                  : fmt::format("数字「{}」", util::trim(u.text));
  }
  m_out.diagnostics.push_back(
      make_diag("EXTRACT-UNKNOWN",
                fmt::format("表{}中有{}处内容不在任何已识别的行或栏中，其{}个数字未计入：{}",
                            t.name, unplaced.size(), numbers, list),
                unplaced.front().where));
}

void Extractor::verify_extras() {
  for (const auto& extra : m_out.report.extras) {
    if (extra.cell.state != report::CellState::Number || extra.parts.empty()) {
      continue;
    }
    util::Number sum{};
    bool usable = true;
    std::vector<std::string> shown;
    for (const auto& p : extra.parts) {
      const report::Cell* c = report::find_cell(m_out.report, p);
      if (c == nullptr || c->state == report::CellState::Absent ||
          c->state == report::CellState::Text) {
        usable = false;
        break;
      }
      if (c->state == report::CellState::Number) {
        const auto next = util::add(sum, *c->value);
        if (!next) {
          usable = false;
          break;
        }
        sum = *next;
      }
    }
    if (!usable || util::compare(sum, *extra.cell.value) == 0) {
      continue;
    }
    std::vector<std::string> cells = extra.parts;
    m_out.diagnostics.push_back(make_diag(
        "EXTRACT-SUBTOTAL",
        fmt::format("报告自加的小计「{}」为 {}，其组成部分之和为 {}（小计不计入模板的合计）",
                    extra.label, extra.cell.value->to_string(), sum.to_string()),
        extra.cell.where, std::move(cells)));
  }
}

void Extractor::find_sections() {
  std::string current;
  m_exact_heading.assign(m_doc.blocks.size(), false);
  for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
    const auto& block = m_doc.blocks[i];
    if (const auto* p = std::get_if<document::Paragraph>(&block)) {
      const TextKeys k = label_keys_of(p->text);
      const schema::Section* hit = nullptr;
      bool variant = false;
      for (const auto& sec : m_tmpl.sections) {
        if (matches_exactly(k, sec.label)) {
          hit = &sec;
          variant = k.key != util::label_key(sec.label.text);
          m_exact_heading[i] = true;
          break;
        }
      }
      if (hit == nullptr && util::count_codepoints(p->text) <= k_max_heading) {
        // A numbered heading worded a little differently: "五、存在问题和改进情况".
        for (const auto& sec : m_tmpl.sections) {
          if (k.key.rfind(sec.number, 0) == 0 && matches_approximately(k, sec.label)) {
            hit = &sec;
            variant = true;
            break;
          }
        }
      }
      if (hit != nullptr) {
        m_out.report.headings.push_back({hit->key, p->text, p->where, variant});
        auto& out = m_out.report.sections[hit->key];
        if (!out.found) {
          out.found = true;
          out.heading = p->text;
          out.where = p->where;
        }
        current = hit->key;
        continue;
      }
      {
        // Paragraphs before the first heading (title, preamble) are kept under "preamble".
        auto& out = m_out.report.sections[current.empty() ? "preamble" : current];
        if (!out.text.empty()) {
          out.text += '\n';
        }
        out.text += p->text;
        out.paragraphs.push_back({p->text, p->where});
      }
    } else if (const auto* t = std::get_if<document::Table>(&block)) {
      m_table_section[t] = current;
    }
  }
}

void Extractor::run() {
  report::Report& r = m_out.report;
  r.format = m_doc.format;
  r.template_id = m_tmpl.id;
  const TitleInfo title = find_title(m_doc);
  r.title = title.title;
  r.title_where = title.where;
  r.agency = title.agency;
  r.year = title.year;
  if (!title.year || !title.agency) {
    m_out.diagnostics.push_back(make_diag(
        "EXTRACT-TITLE",
        title.title.empty()
            ? std::string("找不到报告标题（应为“<机关名称><年份>年政府信息公开工作年度报告”）")
            : fmt::format("标题「{}」中{}", title.title,
                          !title.year ? "没有四位数的报告年份" : "没有机关名称"),
        title.where));
  }
  find_sections();

  // Assign each document table to the template table whose labels it shows most.
  // A table without labels right after an assigned one (no section heading between) is the
  // rest of it split across pages; any other unplaced table with numbers is reported.
  std::map<std::string, std::vector<const document::Table*>> assigned;
  const schema::Table* previous = nullptr;
  for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
    const auto& block = m_doc.blocks[i];
    if (std::holds_alternative<document::Paragraph>(block)) {
      if (m_exact_heading[i]) {
        previous = nullptr;
      }
      continue;
    }
    const auto* dt = std::get_if<document::Table>(&block);
    const schema::Table* best = nullptr;
    int best_score = 0;
    for (const auto& t : m_tmpl.tables) {
      int sc = score(*dt, t) * 2;
      if (sc > 0 && m_table_section[dt] == t.section) {
        sc += 1; // a table inside its own section wins a tie
      }
      if (sc > best_score) {
        best_score = sc;
        best = &t;
      }
    }
    if (best != nullptr && best_score >= 4) {
      assigned[best->key].push_back(dt);
      previous = best;
      continue;
    }
    if (previous != nullptr) {
      assigned[previous->key].push_back(dt);
      continue;
    }
    for (const auto& row : dt->rows) {
      const auto number = std::find_if(row.cells.begin(), row.cells.end(), [](const auto& c) {
        return value_of(c.text).kind == util::ValueKind::Number;
      });
      if (number != row.cells.end()) {
        m_out.diagnostics.push_back(
            make_diag("EXTRACT-UNKNOWN",
                      "这个表格不是表二、表三或表四（找不到模板的标签），其数字未计入", dt->where));
        break;
      }
    }
  }
  for (const auto& t : m_tmpl.tables) {
    auto it = assigned.find(t.key);
    if (it == assigned.end()) {
      diag::SourceLocation at;
      at.table_name = t.name;
      if (auto sec = r.sections.find(t.section); sec != r.sections.end() && sec->second.found) {
        at = sec->second.where;
        at.table_name = t.name;
      }
      std::vector<std::string> cells;
      m_out.diagnostics.push_back(
          make_diag("EXTRACT-TABLE", fmt::format("找不到表{}（{}）", t.name, t.title), at));
      continue;
    }
    r.table_sections[t.key] = m_table_section[it->second.front()];
    r.table_locations[t.key] = it->second.front()->where;
    if (r.table_locations[t.key].table < 0 && !r.table_locations[t.key].has_line() &&
        !it->second.front()->rows.empty() && !it->second.front()->rows.front().cells.empty()) {
      r.table_locations[t.key] = it->second.front()->rows.front().cells.front().where;
    }
    const auto stream = flatten(it->second);
    switch (t.layout) {
    case schema::Layout::Rows:
      extract_rows(t, stream);
      derive_rows(t);
      break;
    case schema::Layout::Blocks:
      extract_blocks(t, stream);
      break;
    case schema::Layout::Flat:
      extract_flat(t, stream);
      break;
    }
  }
  verify_extras();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

constexpr std::size_t k_max_title = 80;

/// The title with its year in plain digits: spaces inside and after a year dropped
/// ("2 0 2 4 年", "2024 年" → "2024年") and a year in Chinese numerals ("二〇二四年") converted.
std::string title_year_digits(const std::string& text) {
  static constexpr std::string_view k_cn[] = {"〇", "一", "二", "三", "四",
                                              "五", "六", "七", "八", "九"};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    // Four Chinese numerals then 年.
    std::string digits;
    std::size_t j = i;
    while (digits.size() < 4) {
      bool hit = false;
      for (std::size_t d = 0; d < 10; ++d) {
        if (text.compare(j, k_cn[d].size(), k_cn[d]) == 0 ||
            (d == 0 && text.compare(j, 3, "零") == 0)) {
          digits.push_back(static_cast<char>('0' + d));
          j += 3;
          hit = true;
          break;
        }
      }
      if (!hit) {
        break;
      }
    }
    if (digits.size() == 4 && text.compare(j, 3, "年") == 0) {
      out += digits;
      i = j;
      continue;
    }
    if (text[i] == ' ' && !out.empty() && is_digit(out.back()) &&
        (i + 1 < text.size() && (is_digit(text[i + 1]) || text.compare(i + 1, 3, "年") == 0))) {
      ++i; // a space inside or after a number
      continue;
    }
    out.push_back(text[i]);
    ++i;
  }
  return out;
}

} // namespace

TitleInfo find_title(const document::Document& doc) {
  TitleInfo info;
  std::optional<TitleInfo> fallback;
  int looked = 0;
  for (const auto& block : doc.blocks) {
    const auto* p = std::get_if<document::Paragraph>(&block);
    if (p == nullptr) {
      break; // the title comes before the first table
    }
    if (++looked > 8) {
      break;
    }
    if (p->text.size() > k_max_label_bytes) {
      continue;
    }
    std::string raw = util::trim(p->text);
    // A crawler's header line `标题: …` (format.md §7 item 14): the title is its value.
    for (std::string_view key : {"标题:", "标题："}) {
      if (raw.rfind(key, 0) == 0) {
        raw = util::trim(std::string_view(raw).substr(key.size()));
      }
    }
    const std::string text = title_year_digits(util::nfkc(raw));
    // A title is short and names the report; the first such paragraph is the title.
    // "工作告年度报" (a garbled title, format.md §2) still names 政府信息公开.
    const bool titled =
        util::count_codepoints(text) <= k_max_title &&
        (text.find("年报") != std::string::npos || text.find("报告") != std::string::npos ||
         text.find("政府信息公开") != std::string::npos);
    if (!titled) {
      continue;
    }
    // The report year: the first 4-digit number 1990–2099 followed by 年.
    for (std::size_t i = 0; i + 4 < text.size() + 1; ++i) {
      if (i + 4 <= text.size() && is_digit(text[i]) && is_digit(text[i + 1]) &&
          is_digit(text[i + 2]) && is_digit(text[i + 3]) && (i == 0 || !is_digit(text[i - 1])) &&
          text.compare(i + 4, 3, "年") == 0) {
        const int y = std::stoi(text.substr(i, 4));
        if (y < 1990 || y > 2099) {
          continue;
        }
        info.title = raw;
        info.where = p->where;
        info.year = y;
        std::string agency = util::trim(text.substr(0, i));
        for (std::string_view suffix : {"关于", "的"}) {
          if (agency.size() >= suffix.size() &&
              agency.compare(agency.size() - suffix.size(), suffix.size(), suffix) == 0) {
            agency.erase(agency.size() - suffix.size());
          }
        }
        if (agency.empty()) {
          // "2023年东方红乡政府信息公开年报": the agency follows the year.
          std::string rest = text.substr(i + 7);
          if (rest.rfind("度", 0) == 0) {
            rest.erase(0, 3);
          }
          const auto end = rest.find("政府信息公开");
          agency = util::trim(rest.substr(0, end));
        }
        if (!agency.empty()) {
          info.agency = agency;
        }
        return info;
      }
    }
    // A title without a year, such as a page header (页眉：政府信息公开工作年度报告) exported
    // before the real title: kept unless a later paragraph names the report with its year.
    if (!fallback) {
      fallback = TitleInfo{};
      fallback->title = raw;
      fallback->where = p->where;
    }
  }
  return fallback ? *fallback : info;
}

const schema::Template& detect_template(const document::Document& doc,
                                        const std::vector<const schema::Template*>& candidates) {
  std::string all;
  for (const auto& block : doc.blocks) {
    if (const auto* t = std::get_if<document::Table>(&block)) {
      for (const auto& row : t->rows) {
        for (const auto& c : row.cells) {
          if (c.text.size() <= k_max_label_bytes) {
            all += util::label_key(c.text);
          }
          all += '|';
        }
      }
    }
  }
  const TitleInfo title = find_title(doc);
  const schema::Template* best = candidates.front();
  int best_hits = -1;
  for (const auto* t : candidates) {
    int hits = 0;
    for (const auto& m : t->markers) {
      if (all.find(util::label_key(m)) != std::string::npos) {
        ++hits;
      }
    }
    const bool newer_fits = title.year && *title.year >= 2021 && t->id >= "2021";
    if (hits > best_hits || (hits == best_hits && newer_fits)) {
      best_hits = hits;
      best = t;
    }
  }
  return *best;
}

Extraction extract(const document::Document& doc, const schema::Template& tmpl) {
  Extraction out;
  Extractor x(doc, tmpl, out);
  x.run();
  return out;
}

} // namespace xxgk::extract
