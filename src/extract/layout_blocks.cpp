// The blocks layout (表二): captioned blocks, each with its own column header and rows.

#include "detail.hpp"

#include <algorithm>

namespace xxgk::extract::detail {

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
        m_diagnostics.push_back(
            make_diag("EXTRACT-DUPLICATE",
                      diag::Message{&msg::k_duplicate, {diag::Arg::table(t.name), row.label.text}},
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
        m_diagnostics.push_back(column_diag(t.name, row.label.text, cols.size(), values,
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
        m_diagnostics.push_back(make_diag(
            "EXTRACT-ROW",
            diag::Message{&msg::k_block_row_missing,
                          {diag::Arg::table(t.name), t.blocks[b].caption.text, row.label.text}},
            at, std::move(cells)));
      }
    }
  }
}

} // namespace xxgk::extract::detail
