#include "checks.hpp"
#include "engine_messages.hpp"

#include <xxgk/report/fields.hpp>
#include <xxgk/rules/engine.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>

namespace xxgk::rules {

using diag::Diagnostic;
using report::CellState;

namespace msg = engine_msg;

namespace detail {

const std::vector<const diag::MessageTemplate*>& engine_messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {
      &msg::k_sum,           &msg::k_equal,      &msg::k_at_least,    &msg::k_value_type,
      &msg::k_not_number,    &msg::k_not_whole,  &msg::k_negative,    &msg::k_blank,
      &msg::k_template_year, &msg::k_blank_note, &msg::k_more_count,  &msg::k_more,
      &msg::k_all_zero,      &msg::k_context,    &msg::k_context_row, &msg::k_context_column};
  return k_all;
}

diag::Arg title_arg(const schema::Rule& rule) {
  return diag::title_arg(rule.title, rule.title_en);
}

/// A cell list as the messages show it: "、" between names in Chinese; in English a name that
/// is quoted follows ", " (labels of the template keep their own "、").
diag::Arg name_list(const std::vector<std::string>& names) {
  std::string zh = fmt::format("{}", fmt::join(names, "、"));
  std::string en;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      en += names[i].starts_with("「") ? ", " : "、";
    }
    en += names[i];
  }
  return diag::Arg::both(std::move(zh), diag::english_table_numbers(std::move(en)));
}

} // namespace detail

using detail::name_list;
using detail::title_arg;

namespace {

/// Joins the two renderings of each argument with a separator per language.
diag::Arg join_args(const std::vector<diag::Arg>& parts, std::string_view zh_sep,
                    std::string_view en_sep) {
  std::string zh;
  std::string en;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      zh += zh_sep;
      en += en_sep;
    }
    zh += parts[i].zh;
    en += parts[i].en;
  }
  return diag::Arg::both(std::move(zh), std::move(en));
}

/// Variable → value of one expansion of a rule, in variable order (as messages list them). The
/// names and values are views of the rule's and the template's strings, so the bindings a rule
/// expands to for every report cost no string copies.
class Binding {
public:
  using Item = std::pair<std::string_view, std::string_view>;

  void set(std::string_view var, std::string_view value) {
    auto it = std::lower_bound(m_items.begin(), m_items.end(), var,
                               [](const Item& item, std::string_view v) { return item.first < v; });
    if (it != m_items.end() && it->first == var) {
      it->second = value;
    } else {
      m_items.insert(it, {var, value});
    }
  }
  [[nodiscard]] const std::string_view* find(std::string_view var) const {
    for (const auto& item : m_items) {
      if (item.first == var) {
        return &item.second;
      }
    }
    return nullptr;
  }
  [[nodiscard]] auto begin() const { return m_items.begin(); }
  [[nodiscard]] auto end() const { return m_items.end(); }

private:
  std::vector<Item> m_items;
};

std::string substitute(const std::string& pattern, const Binding& b) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i);
      if (close != std::string::npos) {
        if (const auto* value = b.find(std::string_view(pattern).substr(i + 1, close - i - 1))) {
          out += *value;
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

/// The values of a variable; views of the template's keys and of `spec`'s literals.
std::vector<std::string_view> expand_list(const std::vector<std::string>& spec,
                                          const schema::Template& tmpl) {
  std::vector<std::string_view> out;
  for (const auto& item : spec) {
    auto table_of = [&](std::string_view prefix) -> const schema::Table* {
      return tmpl.table(std::string_view(item).substr(prefix.size()));
    };
    if (item.rfind("@rows:", 0) == 0) {
      if (const auto* t = table_of("@rows:")) {
        if (t->layout == schema::Layout::Blocks) {
          for (const auto& b : t->blocks) {
            for (const auto& r : b.rows) {
              out.push_back(r.key);
            }
          }
        } else {
          for (const auto& r : t->rows) {
            out.push_back(r.key);
          }
        }
      }
    } else if (item.rfind("@columns:", 0) == 0) {
      if (const auto* t = table_of("@columns:")) {
        for (const auto& c : t->columns) {
          out.push_back(c.key);
        }
      }
    } else {
      out.push_back(item);
    }
  }
  return out;
}

std::vector<Binding> bindings(const schema::Rule& rule, const schema::Template& tmpl) {
  std::vector<Binding> out{Binding{}};
  for (const auto& [var, spec] : rule.for_each) {
    std::vector<Binding> next;
    const auto values = expand_list(spec, tmpl);
    for (const auto& b : out) {
      for (const auto& v : values) {
        Binding nb = b;
        nb.set(var, v);
        next.push_back(std::move(nb));
      }
    }
    out = std::move(next);
  }
  return out;
}

std::vector<std::string> expand_terms(const std::vector<std::string>& patterns, const Binding& b,
                                      const schema::Rule& rule, const schema::Template& tmpl) {
  std::vector<std::string> out;
  for (const auto& p : patterns) {
    std::vector<Binding> inner{b};
    for (const auto& [var, spec] : rule.term_vars) {
      if (p.find("{" + var + "}") == std::string::npos) {
        continue;
      }
      std::vector<Binding> next;
      const auto values = expand_list(spec, tmpl);
      for (const auto& ib : inner) {
        for (const auto& v : values) {
          Binding nb = ib;
          nb.set(var, v);
          next.push_back(std::move(nb));
        }
      }
      inner = std::move(next);
    }
    for (const auto& ib : inner) {
      out.push_back(substitute(p, ib));
    }
  }
  return out;
}

/// A cell read for arithmetic: its value (blank and placeholders count as 0).
struct Operand {
  std::string path;
  const report::Cell* cell = nullptr;
  util::Number value;
  bool blank = false;
};

/// nullopt when the check cannot be evaluated (a cell missing from the report, or not a number).
std::optional<std::vector<Operand>> operands(const std::vector<std::string>& paths,
                                             const report::Report& r) {
  std::vector<Operand> out;
  for (const auto& p : paths) {
    const report::Cell* c = report::find_cell(r, p);
    if (c == nullptr) {
      return std::nullopt;
    }
    Operand o;
    o.path = p;
    o.cell = c;
    switch (c->state) {
    case CellState::Absent:
    case CellState::Text:
      return std::nullopt;
    case CellState::Blank:
    case CellState::Placeholder:
      o.blank = true;
      break;
    case CellState::Number:
      o.value = *c->value;
      break;
    }
    out.push_back(std::move(o));
  }
  return out;
}

std::optional<util::Number> total(const std::vector<Operand>& ops) {
  util::Number sum{};
  for (const auto& o : ops) {
    auto next = util::add(sum, o.value);
    if (!next) {
      return std::nullopt;
    }
    sum = *next;
  }
  return sum;
}

/// Labels the part of each path that varies across the paths (row, column or both).
class Labeler {
public:
  Labeler(const schema::Template& tmpl, const std::vector<std::string>& paths) : m_tmpl(tmpl) {
    std::set<std::string> rows;
    std::set<std::string> cols;
    for (const auto& p : paths) {
      const auto a = p.find('.');
      const auto b = p.find('.', a + 1);
      rows.insert(p.substr(a + 1, b - a - 1));
      cols.insert(p.substr(b + 1));
    }
    m_rows_vary = rows.size() > 1;
    m_cols_vary = cols.size() > 1;
  }
  [[nodiscard]] std::string operator()(const std::string& path) const {
    const auto [row, col] = m_tmpl.row_column_labels(path);
    if (m_rows_vary && !m_cols_vary) {
      return row;
    }
    if (m_cols_vary && !m_rows_vary) {
      return col;
    }
    return fmt::format("{}·{}", row, col);
  }

private:
  const schema::Template& m_tmpl;
  bool m_rows_vary = false;
  bool m_cols_vary = false;
};

diag::Arg join_terms(const std::vector<Operand>& ops, const Labeler& label, bool skip_zero) {
  std::vector<std::string> parts;
  std::size_t shown = 0;
  for (const auto& o : ops) {
    if (skip_zero && o.value.units == 0) {
      continue;
    }
    if (++shown > 8) {
      parts.emplace_back("…");
      break;
    }
    parts.push_back(fmt::format("{} {}", label(o.path), o.value.to_string()));
  }
  if (parts.empty()) {
    return diag::nested({&msg::k_all_zero, {}});
  }
  std::string zh = fmt::format("{}", fmt::join(parts, " + "));
  std::string en = diag::english_table_numbers(zh);
  return diag::Arg::both(std::move(zh), std::move(en));
}

diag::Arg blank_note(const std::vector<const Operand*>& blanks, const Labeler& label) {
  if (blanks.empty()) {
    return "";
  }
  std::vector<std::string> names;
  for (const auto* o : blanks) {
    if (names.size() == 6) {
      break;
    }
    names.push_back(label(o->path));
  }
  const diag::Arg more = blanks.size() > names.size()
                             ? diag::nested({&msg::k_more_count, {blanks.size()}})
                             : diag::Arg("");
  return diag::nested({&msg::k_blank_note, {name_list(names), more}});
}

std::vector<std::string> paths_of(const std::vector<Operand>& a,
                                  const std::vector<Operand>& b = {}) {
  std::vector<std::string> out;
  for (const auto* v : {&a, &b}) {
    for (const auto& o : *v) {
      if (std::find(out.begin(), out.end(), o.path) == out.end()) {
        out.push_back(o.path);
      }
    }
  }
  return out;
}

/// The bound rows and columns of a rule's expansion, e.g. 「一、本年新收…」行，总计列.
std::vector<diag::Arg> context_of(const Binding& b, const schema::Template& tmpl,
                                  const std::string& any_path) {
  std::vector<diag::Arg> parts;
  const auto table_key = any_path.substr(0, any_path.find('.'));
  const schema::Table* t = tmpl.table(table_key);
  for (const auto& [var, value] : b) {
    diag::Arg label{std::string(value)};
    if (t != nullptr) {
      for (const auto& c : t->columns) {
        if (c.key == value) {
          label = diag::nested({&msg::k_context_column, {c.label.text}});
        }
      }
      for (const auto& r : t->rows) {
        if (r.key == value) {
          label = diag::nested({&msg::k_context_row, {r.label.text}});
        }
      }
      for (const auto& blk : t->blocks) {
        for (const auto& r : blk.rows) {
          if (r.key == value) {
            label = diag::nested({&msg::k_context_row, {r.label.text}});
          }
        }
      }
    }
    parts.push_back(std::move(label));
  }
  return parts;
}

/// A rule's substitutes (schema.hpp): where every term a substitute stands in for is blank or
/// was never read (a group read as one total row) and the substitute is a number, the
/// substitute's path takes their place among the term paths.
std::vector<std::string> apply_substitutes(std::vector<std::string> paths, const schema::Rule& rule,
                                           const Binding& b, const schema::Template& tmpl,
                                           const report::Report& r) {
  for (const auto& sub : rule.substitutes) {
    const std::string stand_in = substitute(sub.cell, b);
    const report::Cell* c = report::find_cell(r, stand_in);
    if (c == nullptr || c->state != CellState::Number) {
      continue;
    }
    const auto replaced = expand_terms(sub.for_terms, b, rule, tmpl);
    const bool all_empty = std::all_of(replaced.begin(), replaced.end(), [&](const auto& p) {
      const report::Cell* x = report::find_cell(r, p);
      return x != nullptr && (x->state == CellState::Absent || x->state == CellState::Blank ||
                              x->state == CellState::Placeholder);
    });
    auto is_replaced = [&](const std::string& p) {
      return std::find(replaced.begin(), replaced.end(), p) != replaced.end();
    };
    const auto first = std::find_if(paths.begin(), paths.end(), is_replaced);
    if (!all_empty || first == paths.end()) {
      continue;
    }
    const auto at = first - paths.begin();
    paths.erase(std::remove_if(paths.begin(), paths.end(), is_replaced), paths.end());
    paths.insert(paths.begin() + at, stand_in);
  }
  return paths;
}

/// The finding of a "sum" rule for binding `b` when its target differs from the sum of its terms
/// (nothing otherwise): the rule's text, evaluated by path. Called only for a binding whose
/// compiled check failed.
void sum_finding(const schema::Rule& rule, const Binding& b, const report::Report& r,
                 const schema::Template& tmpl, std::vector<Diagnostic>& out) {
  const std::string target_path = substitute(rule.target, b);
  const auto target = operands({target_path}, r);
  const auto terms =
      operands(apply_substitutes(expand_terms(rule.terms, b, rule, tmpl), rule, b, tmpl, r), r);
  if (!target || !terms) {
    return;
  }
  const auto computed = total(*terms);
  if (!computed) {
    return;
  }
  const Operand& t = target->front();
  if (util::compare(t.value, *computed) == 0) {
    return;
  }
  std::vector<std::string> all = paths_of(*target, *terms);
  const Labeler label(tmpl, all);
  std::vector<const Operand*> blanks;
  for (const std::vector<Operand>* v :
       std::initializer_list<const std::vector<Operand>*>{&*target, &*terms}) {
    for (const auto& o : *v) {
      if (o.blank) {
        blanks.push_back(&o);
      }
    }
  }
  Diagnostic d = detail::make(rule);
  d.say({&msg::k_sum,
         {title_arg(rule), diag::Arg::cell(tmpl.cell_label(target_path)), t.value.to_string(),
          computed->to_string(), join_terms(*terms, label, terms->size() > 6),
          blank_note(blanks, label)}});
  d.cells = std::move(all);
  d.location = t.cell->where;
  out.push_back(std::move(d));
}

/// The finding of an "equal" or "at_least" rule for binding `b` when it fails (see sum_finding).
void compare_finding(const schema::Rule& rule, const Binding& b, const report::Report& r,
                     const schema::Template& tmpl, std::vector<Diagnostic>& out) {
  const bool equal = rule.kind == "equal";
  const auto lhs = operands(expand_terms(rule.terms, b, rule, tmpl), r);
  const auto rhs = operands(expand_terms(rule.rhs, b, rule, tmpl), r);
  if (!lhs || !rhs) {
    return;
  }
  const auto l = total(*lhs);
  const auto rv = total(*rhs);
  if (!l || !rv) {
    return;
  }
  const int cmp = util::compare(*l, *rv);
  if (equal ? cmp == 0 : cmp >= 0) {
    return;
  }
  std::vector<std::string> all = paths_of(*lhs, *rhs);
  const Labeler label(tmpl, all);
  std::vector<const Operand*> blanks;
  for (const auto* v : {&*lhs, &*rhs}) {
    for (const auto& o : *v) {
      if (o.blank) {
        blanks.push_back(&o);
      }
    }
  }
  const std::vector<diag::Arg> context = context_of(b, tmpl, all.front());
  const diag::Arg head =
      context.empty()
          ? title_arg(rule)
          : diag::nested({&msg::k_context, {title_arg(rule), join_args(context, "，", ", ")}});
  // "a 1 + b 2 = 3" for a sum, "a 1" for a single cell, "0" for an empty side.
  auto side = [&](const std::vector<Operand>& ops, const util::Number& sum) {
    if (ops.empty()) {
      return diag::Arg("0");
    }
    diag::Arg terms = join_terms(ops, label, false);
    if (ops.size() > 1) {
      const std::string total = " = " + sum.to_string();
      terms.zh += total;
      terms.en += total;
    }
    return terms;
  };
  Diagnostic d = detail::make(rule);
  d.say({equal ? &msg::k_equal : &msg::k_at_least,
         {head, side(*lhs, *l), side(*rhs, *rv), blank_note(blanks, label)}});
  d.cells = std::move(all);
  d.location = lhs->front().cell->where;
  out.push_back(std::move(d));
}

// --- Compiled forms: the rule's cells as indices into report::fields() -------------------------

using report::CellIndex;

std::vector<CellIndex> indices_of(const std::vector<std::string>& paths) {
  std::vector<CellIndex> out;
  out.reserve(paths.size());
  for (const auto& p : paths) {
    out.push_back(report::field_index(p));
  }
  return out;
}

/// Adds the cells' values to `sum` as operands() and total() read them (blank and placeholders
/// count as 0); false when a cell is missing, absent or text, or the sum overflows.
bool add_cells(std::span<const CellIndex> cells, const report::Report& r, util::Number& sum) {
  for (const CellIndex i : cells) {
    const report::Cell* c = report::cell_at(r, i);
    if (c == nullptr) {
      return false;
    }
    util::Number v{};
    switch (c->state) {
    case CellState::Absent:
    case CellState::Text:
      return false;
    case CellState::Blank:
    case CellState::Placeholder:
      break;
    case CellState::Number:
      v = *c->value;
      break;
    }
    const auto next = util::add(sum, v);
    if (!next) {
      return false;
    }
    sum = *next;
  }
  return true;
}

bool is_empty(const report::Cell* c) {
  return c != nullptr && (c->state == CellState::Absent || c->state == CellState::Blank ||
                          c->state == CellState::Placeholder);
}

class CompiledSum final : public detail::Compiled {
public:
  CompiledSum(const schema::Rule& rule, const schema::Template& tmpl) : m_rule(rule), m_tmpl(tmpl) {
    for (auto& b : bindings(rule, tmpl)) {
      Expansion e;
      e.target = report::field_index(substitute(rule.target, b));
      e.terms = indices_of(expand_terms(rule.terms, b, rule, tmpl));
      for (const auto& sub : rule.substitutes) {
        e.substitutes.push_back({report::field_index(substitute(sub.cell, b)),
                                 indices_of(expand_terms(sub.for_terms, b, rule, tmpl))});
      }
      e.binding = std::move(b);
      m_expansions.push_back(std::move(e));
    }
  }

  void run(const report::Report& r, std::vector<Diagnostic>& out) const override {
    for (const auto& e : m_expansions) {
      util::Number target{};
      if (!add_cells({&e.target, 1}, r, target)) {
        continue;
      }
      std::span<const CellIndex> terms = e.terms;
      std::vector<CellIndex> substituted; // only when a substitute applies
      for (const auto& sub : e.substitutes) {
        const report::Cell* c = report::cell_at(r, sub.stand_in);
        if (c == nullptr || c->state != CellState::Number ||
            !std::all_of(sub.replaced.begin(), sub.replaced.end(),
                         [&](CellIndex i) { return is_empty(report::cell_at(r, i)); })) {
          continue;
        }
        auto is_replaced = [&](CellIndex i) {
          return std::find(sub.replaced.begin(), sub.replaced.end(), i) != sub.replaced.end();
        };
        const auto first = std::find_if(terms.begin(), terms.end(), is_replaced);
        if (first == terms.end()) {
          continue;
        }
        const auto at = first - terms.begin();
        std::vector<CellIndex> next(terms.begin(), terms.end());
        next.erase(std::remove_if(next.begin(), next.end(), is_replaced), next.end());
        next.insert(next.begin() + at, sub.stand_in);
        substituted = std::move(next);
        terms = substituted;
      }
      util::Number computed{};
      if (!add_cells(terms, r, computed) || util::compare(target, computed) == 0) {
        continue;
      }
      sum_finding(m_rule, e.binding, r, m_tmpl, out);
    }
  }

private:
  struct Substitute {
    CellIndex stand_in;
    std::vector<CellIndex> replaced;
  };
  struct Expansion {
    Binding binding;
    CellIndex target = report::k_no_cell;
    std::vector<CellIndex> terms;
    std::vector<Substitute> substitutes;
  };
  const schema::Rule& m_rule;
  const schema::Template& m_tmpl;
  std::vector<Expansion> m_expansions;
};

class CompiledCompare final : public detail::Compiled {
public:
  CompiledCompare(const schema::Rule& rule, const schema::Template& tmpl)
      : m_rule(rule), m_tmpl(tmpl), m_equal(rule.kind == "equal") {
    for (auto& b : bindings(rule, tmpl)) {
      Expansion e;
      e.lhs = indices_of(expand_terms(rule.terms, b, rule, tmpl));
      e.rhs = indices_of(expand_terms(rule.rhs, b, rule, tmpl));
      e.binding = std::move(b);
      m_expansions.push_back(std::move(e));
    }
  }

  void run(const report::Report& r, std::vector<Diagnostic>& out) const override {
    for (const auto& e : m_expansions) {
      util::Number l{};
      util::Number rv{};
      if (!add_cells(e.lhs, r, l) || !add_cells(e.rhs, r, rv)) {
        continue;
      }
      const int cmp = util::compare(l, rv);
      if (m_equal ? cmp == 0 : cmp >= 0) {
        continue;
      }
      compare_finding(m_rule, e.binding, r, m_tmpl, out);
    }
  }

private:
  struct Expansion {
    Binding binding;
    std::vector<CellIndex> lhs;
    std::vector<CellIndex> rhs;
  };
  const schema::Rule& m_rule;
  const schema::Template& m_tmpl;
  bool m_equal = false;
  std::vector<Expansion> m_expansions;
};

} // namespace

namespace detail {

CompiledRule compile_sum(const schema::Rule& rule, const schema::Template& t) {
  return std::make_unique<CompiledSum>(rule, t);
}
CompiledRule compile_compare(const schema::Rule& rule, const schema::Template& t) {
  return std::make_unique<CompiledCompare>(rule, t);
}

void check_template_year(const schema::Rule& rule, const report::Report& r,
                         const schema::Template& /*tmpl*/, std::vector<Diagnostic>& out) {
  if (r.template_id != rule.template_id || !r.year || *r.year <= rule.max_year) {
    return;
  }
  Diagnostic d = detail::make(rule);
  d.say({&msg::k_template_year, {title_arg(rule), *r.year, rule.template_id, rule.max_year + 1}});
  d.location = r.title_where;
  out.push_back(std::move(d));
}

} // namespace detail

std::vector<Identity> identities(const schema::Template& tmpl) {
  std::vector<Identity> out;
  for (const auto& rule : tmpl.rules) {
    const bool sum = rule.kind == "sum";
    if (!sum && rule.kind != "equal") {
      continue;
    }
    for (const auto& b : bindings(rule, tmpl)) {
      Identity id;
      id.rule = rule.id;
      id.is_sum = sum;
      if (sum) {
        id.lhs = {substitute(rule.target, b)};
        id.rhs = expand_terms(rule.terms, b, rule, tmpl);
      } else {
        id.lhs = expand_terms(rule.terms, b, rule, tmpl);
        id.rhs = expand_terms(rule.rhs, b, rule, tmpl);
      }
      out.push_back(std::move(id));
    }
  }
  return out;
}

} // namespace xxgk::rules
