// Putting figures into the report: a value into its cell, a row's values into its columns, the
// report's own subtotals as extra figures (checked against their parts), group rows derived from
// their sub-rows, and what could not be placed as one EXTRACT-UNKNOWN per table.

#include "detail.hpp"

namespace xxgk::extract::detail {

void Extractor::path_of(const schema::Table& t, std::string_view row_key,
                        std::string_view col_key) {
  m_path.assign(t.key).append(".").append(row_key).append(".").append(col_key);
}

report::Cell* Extractor::cell_of(const schema::Table& t, std::string_view row_key,
                                 std::string_view col_key, const TemplateIndex::Target** target) {
  // The cell from the template's index, by its key strings or else by its path; a path the
  // template does not list (none does in practice) the long way.
  const TemplateIndex::Target* found = nullptr;
  if (const TemplateIndex::Target* by_keys = m_index.by_keys.find(
          {&t, row_key.data(), row_key.size(), col_key.data(), col_key.size()})) {
    found = by_keys;
  } else {
    path_of(t, row_key, col_key);
    if (const auto by_path = m_index.cells.find(std::string_view(m_path));
        by_path != m_index.cells.end()) {
      found = &by_path->second;
    }
  }
  if (target != nullptr) {
    *target = found;
  }
  if (found == nullptr) {
    return report::find_cell(m_report, m_path);
  }
  return found->field == report::k_no_cell ? nullptr
                                           : &report::fields()[found->field].get(m_report);
}

report::Cell* Extractor::assign(const schema::Table& t, const std::string& row_key,
                                const std::string& col_key, const StreamCell& c) {
  const TemplateIndex::Target* target = nullptr;
  report::Cell* cell = cell_of(t, row_key, col_key, &target);
  if (cell == nullptr) {
    return nullptr; // the schema was validated against the field table; unreachable
  }
  std::pair<std::string, std::string> looked_up;
  if (target == nullptr) {
    looked_up = m_tmpl.row_column_labels(m_path);
  }
  cell->raw = c.cell->text;
  cell->state = state_of(c.value);
  cell->value = c.value.number;
  cell->where = c.cell->where;
  cell->recovered = c.cell->recovered;
  if (target != nullptr) {
    cell->where.table_name = target->table_name;
    cell->where.row_label = target->row_label;
    cell->where.column_label = target->column_label;
  } else {
    cell->where.table_name = t.name;
    cell->where.row_label = looked_up.first;
    cell->where.column_label = looked_up.second;
  }
  const std::string& row_label = cell->where.row_label.str();
  const std::string& col_label = cell->where.column_label.str();
  if (!c.note.empty()) {
    path_of(t, row_key, col_key);
    const std::string& path = m_path;
    m_diagnostics.push_back(make_diag(
        "EXTRACT-NOTE",
        diag::Message{&msg::k_note,
                      {diag::Arg::table(t.name), row_label, col_label, util::trim(c.cell->text),
                       c.value.number ? c.value.number->to_string() : std::string(), c.note}},
        cell->where, {path}));
  }
  return cell;
}

void Extractor::note_fuzzy(const StreamCell& c, const Hit& h) {
  if (!h.approximate || h.label == nullptr) {
    return;
  }
  m_diagnostics.push_back(make_diag(
      "EXTRACT-FUZZY", diag::Message{&msg::k_fuzzy, {c.cell->text, h.label->text}}, c.cell->where));
}

void Extractor::derive_rows(const schema::Table& t) {
  for (const auto& g : t.groups) {
    if (g.derived_row.empty()) {
      continue;
    }
    for (const auto& col : t.columns) {
      report::Cell* target = cell_of(t, g.derived_row, col.key);
      if (target == nullptr) {
        continue;
      }
      std::optional<util::Number> sum = util::Number{};
      bool any_number = false;
      bool any_found = false;
      bool unusable = false;
      for (const auto& r : g.rows) {
        const report::Cell* part = cell_of(t, r, col.key);
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
    m_report.extras.push_back(std::move(extra));
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
      m_report.extras.push_back(std::move(extra));
    }
  }
}

void Extractor::report_unplaced(const schema::Table& t, const std::vector<Unplaced>& unplaced) {
  if (unplaced.empty()) {
    return;
  }
  if (unplaced.size() == 1) {
    const auto& u = unplaced.front();
    m_diagnostics.push_back(
        make_diag("EXTRACT-UNKNOWN",
                  diag::Message{u.row ? &msg::k_unknown_row : &msg::k_unknown_number,
                                {diag::Arg::table(t.name), u.text}},
                  u.where));
    return;
  }
  // One finding per table, not one per number: name every row and number left out.
  constexpr std::size_t k_max_listed = 12;
  std::string list;
  std::string list_en;
  std::size_t numbers = 0;
  for (const auto& u : unplaced) {
    numbers += u.numbers;
  }
  for (std::size_t i = 0; i < unplaced.size(); ++i) {
    const auto& u = unplaced[i];
    if (i == k_max_listed) {
      const diag::Message more{&msg::k_item_more, {unplaced.size()}};
      list += more.render(diag::Lang::Zh);
      list_en += more.render(diag::Lang::En);
      break;
    }
    if (!list.empty()) {
      list += "、";
      list_en += ", ";
    }
    const diag::Message item{u.row ? &msg::k_item_row : &msg::k_item_number, {util::trim(u.text)}};
    list += item.render(diag::Lang::Zh);
    list_en += item.render(diag::Lang::En);
  }
  m_diagnostics.push_back(
      make_diag("EXTRACT-UNKNOWN",
                diag::Message{&msg::k_unknown_many,
                              {diag::Arg::table(t.name), unplaced.size(), numbers,
                               diag::Arg::both(std::move(list), std::move(list_en))}},
                unplaced.front().where));
}

void Extractor::verify_extras() {
  for (const auto& extra : m_report.extras) {
    if (extra.cell.state != report::CellState::Number || extra.parts.empty()) {
      continue;
    }
    util::Number sum{};
    bool usable = true;
    std::vector<std::string> shown;
    for (const auto& p : extra.parts) {
      const report::Cell* c = report::find_cell(m_report, p);
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
    m_diagnostics.push_back(
        make_diag("EXTRACT-SUBTOTAL",
                  diag::Message{&msg::k_subtotal,
                                {extra.label, extra.cell.value->to_string(), sum.to_string()}},
                  extra.cell.where, std::move(cells)));
  }
}

} // namespace xxgk::extract::detail
