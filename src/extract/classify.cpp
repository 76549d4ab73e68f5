// What a cell's label is in a template table: a row, group, column, block caption or header
// label, matched exactly, approximately, or as a path of ancestor labels.

#include "detail.hpp"

namespace xxgk::extract::detail {

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

const Extractor::ExactIndex& Extractor::exact_index(const schema::Table& t) const {
  auto it = m_exact.find(&t);
  if (it != m_exact.end()) {
    return it->second;
  }
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
  return m_exact.emplace(&t, std::move(index)).first->second;
}

Extractor::Hit Extractor::classify_exact(const StreamCell& c, const schema::Table& t) const {
  // matches_exactly: a label matches when one of its keys is the cell's key or its core key; the
  // first such label in classify_uncached's order wins.
  const ExactIndex& index = exact_index(t);
  const auto by_key = index.find(std::string_view(c.keys.key));
  const auto by_core =
      c.keys.core == c.keys.key ? index.end() : index.find(std::string_view(c.keys.core));
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
    auto test = [&](const schema::Label& l) { return matches_approximately(c.keys, l); };
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
  return detail::strip_ancestors(c.keys.key, tree_of(t).tree);
}

} // namespace xxgk::extract::detail
