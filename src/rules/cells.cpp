// The rule kinds that look at cells one by one, compiled once per template to cell indices:
// value_type (a figure of the wrong kind) and blank (cells left empty or with a placeholder).

#include "checks.hpp"
#include "engine_messages.hpp"

#include <xxgk/report/fields.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace xxgk::rules {

namespace msg = engine_msg;
using detail::name_list;
using detail::title_arg;
using diag::Diagnostic;
using report::CellIndex;
using report::CellState;

namespace {

class CompiledValueType final : public detail::Compiled {
public:
  CompiledValueType(const schema::Rule& rule, const schema::Template& tmpl)
      : m_rule(rule), m_tmpl(tmpl) {
    for (auto& path : detail::matching_paths(rule.cells, tmpl)) {
      const schema::Column* col = tmpl.column_of(path);
      if (col == nullptr) {
        continue;
      }
      const std::string type(schema::to_string(col->type));
      if (std::find(rule.types.begin(), rule.types.end(), type) == rule.types.end()) {
        continue;
      }
      const CellIndex index = report::field_index(path);
      if (index != report::k_no_cell) {
        m_cells.push_back({index, col->type, std::move(path)});
      }
    }
  }

  void run(const report::Report& r, std::vector<Diagnostic>& out) const override {
    for (const auto& cell : m_cells) {
      const report::Cell* c = report::cell_at(r, cell.index);
      const diag::MessageTemplate* reason = nullptr;
      if (c->state == CellState::Text) {
        reason = &msg::k_not_number;
      } else if (c->state == CellState::Number) {
        const util::Number& v = *c->value;
        if (cell.type != schema::ValueType::Amount && !v.is_integer()) {
          reason = &msg::k_not_whole;
        } else if (cell.type != schema::ValueType::SignedCount && v.is_negative()) {
          reason = &msg::k_negative;
        }
      }
      if (reason == nullptr) {
        continue;
      }
      Diagnostic d = detail::make(m_rule);
      d.say({&msg::k_value_type,
             {title_arg(m_rule), diag::Arg::cell(m_tmpl.cell_label(cell.path)), c->raw,
              diag::nested({reason, {}})}});
      d.cells = {cell.path};
      d.location = c->where;
      out.push_back(std::move(d));
    }
  }

private:
  struct Cell {
    CellIndex index;
    schema::ValueType type;
    std::string path;
  };
  const schema::Rule& m_rule;
  const schema::Template& m_tmpl;
  std::vector<Cell> m_cells;
};

class CompiledBlank final : public detail::Compiled {
public:
  CompiledBlank(const schema::Rule& rule, const schema::Template& tmpl)
      : m_rule(rule), m_tmpl(tmpl) {
    for (auto& path : detail::matching_paths(rule.cells, tmpl)) {
      const CellIndex index = report::field_index(path);
      if (index == report::k_no_cell) {
        continue;
      }
      // Derived rows (2021 （六）其他处理) are not cells of the document.
      bool derived = false;
      for (const auto& t : tmpl.tables) {
        for (const auto& g : t.groups) {
          if (!g.derived_row.empty() && path.find("." + g.derived_row + ".") != std::string::npos) {
            derived = true;
          }
        }
      }
      if (!derived) {
        m_cells.push_back({index, std::move(path)});
      }
    }
  }

  void run(const report::Report& r, std::vector<Diagnostic>& out) const override {
    std::vector<std::string> blanks; // allocates only once a blank cell is found
    const report::Cell* first = nullptr;
    for (const auto& cell : m_cells) {
      const report::Cell* c = report::cell_at(r, cell.index);
      if (c->state != CellState::Blank && c->state != CellState::Placeholder) {
        continue;
      }
      // A blank cell that was never read (no text, no place in the document) is no finding.
      if (c->raw.empty() && c->state == CellState::Blank && !c->where.has_line() &&
          c->where.table < 0) {
        continue;
      }
      if (first == nullptr) {
        first = c;
      }
      blanks.push_back(cell.path);
    }
    if (blanks.empty()) {
      return;
    }
    std::vector<std::string> names;
    for (const auto& p : blanks) {
      if (names.size() == 8) {
        break;
      }
      const auto [row, col] = m_tmpl.row_column_labels(p);
      names.push_back(fmt::format("「{}」{}", row, col));
    }
    const diag::Arg more =
        blanks.size() > names.size() ? diag::nested({&msg::k_more, {}}) : diag::Arg("");
    Diagnostic d = detail::make(m_rule);
    d.say({&msg::k_blank, {title_arg(m_rule), blanks.size(), name_list(names), more}});
    d.cells = std::move(blanks);
    d.location = first->where;
    out.push_back(std::move(d));
  }

private:
  struct Cell {
    CellIndex index;
    std::string path;
  };
  const schema::Rule& m_rule;
  const schema::Template& m_tmpl;
  std::vector<Cell> m_cells;
};

} // namespace

namespace detail {

CompiledRule compile_value_type(const schema::Rule& rule, const schema::Template& t) {
  return std::make_unique<CompiledValueType>(rule, t);
}
CompiledRule compile_blank(const schema::Rule& rule, const schema::Template& t) {
  return std::make_unique<CompiledBlank>(rule, t);
}

} // namespace detail

} // namespace xxgk::rules
