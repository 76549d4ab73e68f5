// Row labels with typos (format.md §7 item 17): an unmatched label read as the one unplaced
// template row it is close to, in the same place among the rows around it.

#include "detail.hpp"

#include <algorithm>

namespace xxgk::extract::detail {

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
      m_diagnostics.push_back(make_diag(
          "EXTRACT-TYPO",
          diag::Message{&msg::k_typo,
                        {diag::Arg::table(t.name), util::trim(c.cell->text), t.rows[r].label.text}},
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
    const TypoKey leaf(s[at].keys().key);
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
      m_diagnostics.push_back(make_diag(
          "EXTRACT-TYPO",
          diag::Message{&msg::k_typo,
                        {diag::Arg::table(t.name), util::trim(c.cell->text), row.label.text}},
          c.cell->where));
      continue;
    }
    unplaced.push_back({pr.row.at, {c.cell->text, pr.row.values.size(), true, c.cell->where}});
  }
}

} // namespace xxgk::extract::detail
