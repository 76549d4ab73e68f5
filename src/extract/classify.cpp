// What a cell's label is in a template table: a row, group, column, block caption or header
// label, matched exactly, approximately, or as a path of ancestor labels.

#include "detail.hpp"

#include <xxgk/util/text_facts.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <vector>

namespace xxgk::extract::detail {

Extractor::TreeOf Extractor::make_tree(const schema::Table& t) {
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
  return out;
}

Extractor::Hit Extractor::classify_path(const StreamCell& c, const schema::Table& t) const {
  const TreeOf& tree = tree_of(t);
  auto m = detail::match_path(c.keys().key, tree.tree);
  if (!m) {
    m = detail::match_path_leaf_first(c.keys().key, tree.tree);
  }
  if (!m) {
    return {};
  }
  return tree.hits[m->leaf];
}

Extractor::Hit Extractor::classify(const StreamCell& c, const schema::Table& t,
                                   bool allow_approx) const {
  if (c.is_value() || c.keys().key.empty()) {
    return {};
  }
  const std::size_t n_tables = m_tmpl.tables.size();
  const auto table = static_cast<std::size_t>(&t - m_tmpl.tables.data());
  if (c.facts >= m_facts.size() || m_facts[c.facts].slot == CellFacts::k_no_slot ||
      &t < m_tmpl.tables.data() || table >= n_tables) {
    return classify_uncached(c, t, allow_approx);
  }
  const std::size_t which = table * 2 + (allow_approx ? 1 : 0);
  const std::size_t at = m_facts[c.facts].slot + which;
  if (m_hit_known[at] == 0) {
    m_hits[at] = classify_memoized(m_facts[c.facts].serial, which, c, t, allow_approx);
    m_hit_known[at] = 1;
  }
  return m_hits[at];
}

Extractor::Hit Extractor::classify_memoized(std::uint64_t serial, std::size_t which,
                                            const StreamCell& c, const schema::Table& t,
                                            bool allow_approx) const {
  if (serial == 0) {
    return classify_uncached(c, t, allow_approx);
  }
  // Per template table and allow_approx (`which`).
  thread_local SerialMemo<Hit, 8192> memo;
  return memo.get(m_index.id, serial, which, [&] { return classify_uncached(c, t, allow_approx); });
}

std::unique_ptr<const Extractor::TemplateIndex>
Extractor::index_template(const schema::Template& tmpl) {
  auto out = std::make_unique<TemplateIndex>();
  static std::atomic<std::uint64_t> last_id{0};
  out->id = ++last_id;
  out->tables.reserve(tmpl.tables.size());
  for (const auto& t : tmpl.tables) {
    out->tables.push_back({make_exact_index(t), make_tree(t)});
  }
  bool any_start = true;
  auto add_start = [&](std::string_view key) {
    if (key.empty()) {
      any_start = false;
      return;
    }
    std::size_t pos = 0;
    const char32_t cp = util::next_codepoint(key, pos);
    if (std::find(out->heading_starts.begin(), out->heading_starts.end(), cp) ==
        out->heading_starts.end()) {
      out->heading_starts.push_back(cp);
    }
  };
  for (const auto& sec : tmpl.sections) {
    add_start(sec.number);
    for (const auto& k : sec.label.keys) {
      if (!k.empty()) { // an empty key matches nothing (matches_exactly)
        add_start(k);
      }
      out->longest_heading = std::max(out->longest_heading, util::count_codepoints(k));
    }
  }
  if (!any_start) {
    out->heading_starts.clear();
  }
  for (const auto& m : tmpl.markers) {
    out->marker_keys.push_back(util::text_facts(m).keys.key);
  }
  out->cells.reserve(tmpl.paths.size());
  for (const auto& p : tmpl.paths) {
    auto [row, column] = tmpl.row_column_labels(p);
    util::Interned table_name;
    for (const auto& t : tmpl.tables) {
      if (p.size() > t.key.size() && p.starts_with(t.key) && p[t.key.size()] == '.') {
        table_name = t.name;
        break;
      }
    }
    out->cells.emplace(std::string_view(p),
                       TemplateIndex::Target{report::field_index(p), table_name,
                                             util::Interned(row), util::Interned(column)});
  }
  // The key strings the layouts fill cells by: rows (and a group's rows and derived row) by
  // columns, per table (per block for 表二).
  auto by_keys = [&](const schema::Table& t, const std::string& row, const std::string& column) {
    const std::string path = t.key + "." + row + "." + column;
    if (const auto it = out->cells.find(std::string_view(path)); it != out->cells.end()) {
      out->by_keys.insert(
          TemplateIndex::Keys{&t, row.data(), row.size(), column.data(), column.size()},
          &it->second);
    }
  };
  for (const auto& t : tmpl.tables) {
    for (const auto& b : t.blocks) {
      for (const auto& r : b.rows) {
        for (const auto& c : b.columns) {
          by_keys(t, r.key, c.key);
        }
      }
    }
    for (const auto& c : t.columns) {
      for (const auto& r : t.rows) {
        by_keys(t, r.key, c.key);
      }
      for (const auto& g : t.groups) {
        by_keys(t, g.derived_row, c.key);
        for (const auto& r : g.rows) {
          by_keys(t, r, c.key);
        }
      }
    }
  }
  return out;
}

const Extractor::TemplateIndex::PerTable& Extractor::table_index(const schema::Table& t) const {
  if (&t >= m_tmpl.tables.data() && &t < m_tmpl.tables.data() + m_tmpl.tables.size()) {
    return m_index.tables[static_cast<std::size_t>(&t - m_tmpl.tables.data())];
  }
  auto it = m_other_tables.find(&t);
  if (it == m_other_tables.end()) {
    it = m_other_tables.emplace(&t, TemplateIndex::PerTable{make_exact_index(t), make_tree(t)})
             .first;
  }
  return it->second;
}

Extractor::ExactIndex Extractor::make_exact_index(const schema::Table& t) {
  // The labels in the order classify_uncached tries them; a key keeps its first label.
  ExactIndex index;
  std::size_t order = 0;
  auto add = [&](const schema::Label& l, Hit h) {
    for (const auto& k : l.keys) {
      index.emplace(std::string_view(k), std::make_pair(order, h));
    }
    ++order;
  };
  if (t.layout == schema::Layout::Blocks) {
    for (std::size_t b = 0; b < t.blocks.size(); ++b) {
      const auto& blk = t.blocks[b];
      add(blk.caption, {Kind::Caption, 0, b, false, &blk.caption});
      for (std::size_t r = 0; r < blk.rows.size(); ++r) {
        add(blk.rows[r].label, {Kind::Row, r, b, false, &blk.rows[r].label});
      }
    }
    for (std::size_t b = 0; b < t.blocks.size(); ++b) {
      const auto& blk = t.blocks[b];
      for (std::size_t k = 0; k < blk.columns.size(); ++k) {
        add(blk.columns[k].label, {Kind::Column, k, b, false, &blk.columns[k].label});
      }
    }
  } else {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
      add(t.rows[r].label, {Kind::Row, r, 0, false, &t.rows[r].label});
    }
    for (std::size_t g = 0; g < t.groups.size(); ++g) {
      add(t.groups[g].label, {Kind::Group, g, 0, false, &t.groups[g].label});
    }
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      add(t.columns[k].label, {Kind::Column, k, 0, false, &t.columns[k].label});
    }
  }
  for (std::size_t h = 0; h < t.header_labels.size(); ++h) {
    add(t.header_labels[h], {Kind::Header, h, 0, false, &t.header_labels[h]});
  }
  return index;
}

Extractor::Hit Extractor::classify_exact(const StreamCell& c, const schema::Table& t) const {
  // matches_exactly: a label matches when one of its keys is the cell's key or its core key; the
  // first such label in classify_uncached's order wins.
  const ExactIndex& index = table_index(t).exact;
  const auto by_key = index.find(std::string_view(c.keys().key));
  const auto by_core =
      c.keys().core == c.keys().key ? index.end() : index.find(std::string_view(c.keys().core));
  if (by_key != index.end() &&
      (by_core == index.end() || by_key->second.first <= by_core->second.first)) {
    return by_key->second.second;
  }
  if (by_core != index.end()) {
    return by_core->second.second;
  }
  return classify_path(c, t);
}

Extractor::Hit Extractor::classify_uncached(const StreamCell& c, const schema::Table& t,
                                            bool allow_approx) const {
  if (const Hit h = classify_exact(c, t); h.kind != Kind::None || !allow_approx) {
    return h;
  }
  // Approximately (a typo, a missing character): the labels in the same order.
  {
    const bool approx = true;
    auto test = [&](const schema::Label& l) { return matches_approximately(c.keys(), l); };
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
  }
  return {};
}

std::string Extractor::leaf_key_of(const StreamCell& c, const schema::Table& t) const {
  return detail::strip_ancestors(c.keys().key, tree_of(t).tree);
}

} // namespace xxgk::extract::detail
