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

std::string Extractor::leaf_key_of(const StreamCell& c, const schema::Table& t) const {
  return detail::strip_ancestors(c.keys.key, tree_of(t).tree);
}

} // namespace xxgk::extract::detail
