// The rows layout (表三, and 表二 of some reports): a header of column labels, then one row per
// label with its figures in column order; subtotal columns and rows a report adds are kept as
// extra figures.

#include "detail.hpp"

#include <algorithm>

namespace xxgk::extract::detail {

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
    if (s[i].keys().key.find("小计") != std::string::npos && !order.empty() &&
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
        m_diagnostics.push_back(
            make_diag("EXTRACT-DUPLICATE",
                      diag::Message{&msg::k_duplicate, {diag::Arg::table(t.name), row.label.text}},
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
        m_diagnostics.push_back(
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
      const bool subtotal_label = c.keys().key.find("小计") != std::string::npos ||
                                  c.keys().key.find("合计") != std::string::npos;
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
    m_diagnostics.push_back(make_diag(
        "EXTRACT-GROUP-ROW",
        diag::Message{&msg::k_group_row, {diag::Arg::table(t.name), group.label.text, names}},
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
      m_diagnostics.push_back(make_diag(
          "EXTRACT-ROW",
          diag::Message{&msg::k_row_missing, {diag::Arg::table(t.name), t.rows[r].label.text}}, at,
          std::move(cells)));
    }
  }
}

} // namespace xxgk::extract::detail
