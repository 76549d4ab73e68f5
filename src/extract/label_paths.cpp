// Label paths: a row or column label written with its ancestors joined to it, matched against
// the tree of a template table's labels (label_paths.hpp).

#include "label_paths.hpp"

#include <xxgk/util/text.hpp>

#include <algorithm>

namespace xxgk::extract::detail {

namespace {

/// A path is at most a handful of labels; longer keys are prose.
constexpr std::size_t k_max_path_bytes = 600;

/// Byte offsets of the code point boundaries of `s` (including 0 and s.size()).
std::vector<std::size_t> boundaries(std::string_view s) {
  std::vector<std::size_t> out;
  for (std::size_t pos = 0; pos < s.size();) {
    out.push_back(pos);
    util::next_codepoint(s, pos);
  }
  out.push_back(s.size());
  return out;
}

bool key_is(std::string_view key, const schema::Label& label) {
  return std::any_of(label.keys.begin(), label.keys.end(),
                     [&](const std::string& k) { return k == key; });
}

/// Shortest ways to cover s[cuts[from] .. cuts[i]) with ancestor keys, for every cut index i ≥
/// from: result[i - from] is the ancestors in order, or nullopt when no cover exists. One pass
/// over the cuts, each trying every ancestor key where it starts: O(cuts × keys).
std::vector<std::optional<std::vector<std::size_t>>>
cover_ancestors(std::string_view s, const std::vector<std::size_t>& cuts, std::size_t from,
                const PathTree& tree) {
  const std::size_t n = cuts.size() - from;
  std::vector<std::optional<std::vector<std::size_t>>> best(n);
  // byte offset → cut index (only code point boundaries are cuts)
  std::vector<std::size_t> cut_at(s.size() + 1, static_cast<std::size_t>(-1));
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    cut_at[cuts[i]] = i;
  }
  best[0] = std::vector<std::size_t>{};
  for (std::size_t i = 0; i < n; ++i) {
    if (!best[i]) {
      continue;
    }
    const std::size_t at = cuts[from + i];
    for (std::size_t a = 0; a < tree.ancestors.size(); ++a) {
      for (const auto& k : tree.ancestors[a]->keys) {
        if (k.empty() || s.compare(at, k.size(), k) != 0) {
          continue;
        }
        const std::size_t j = cut_at[at + k.size()];
        if (j == static_cast<std::size_t>(-1)) {
          continue;
        }
        auto next = *best[i];
        next.push_back(a);
        if (!best[j - from] || best[j - from]->size() > next.size()) {
          best[j - from] = std::move(next);
        }
      }
    }
  }
  return best;
}

/// Among leaves whose key is `piece`, the one under an ancestor the path names, else the first.
std::optional<std::size_t> pick_leaf(std::string_view piece, const PathTree& tree,
                                     const std::vector<std::size_t>& named) {
  std::optional<std::size_t> first;
  auto consider = [&](std::size_t l) {
    const auto& parent = tree.leaves[l].parent;
    if (parent && std::find(named.begin(), named.end(), *parent) != named.end()) {
      return true;
    }
    if (!first) {
      first = l;
    }
    return false;
  };
  if (!tree.leaf_index.empty()) {
    const auto it = tree.leaf_index.find(piece);
    if (it == tree.leaf_index.end()) {
      return std::nullopt;
    }
    for (const std::size_t l : it->second) {
      if (consider(l)) {
        return l;
      }
    }
    return first;
  }
  for (std::size_t l = 0; l < tree.leaves.size(); ++l) {
    if (key_is(piece, *tree.leaves[l].label) && consider(l)) {
      return l;
    }
  }
  return first;
}

/// The first (front) or last three bytes of `s` (at least three long), as one number.
std::uint32_t three_bytes(std::string_view s, bool front) {
  const std::size_t at = front ? 0 : s.size() - 3;
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 2]));
}

/// Whether some ancestor key starts (front) or ends (!front) `key`: what a path needs before
/// anything else is tried — most cells are no path at all.
bool has_ancestor_at(std::string_view key, const PathTree& tree, bool front) {
  if (tree.ancestors_indexed) {
    if (key.size() < 3) {
      return false; // shorter than every ancestor key
    }
    const auto& ends = front ? tree.ancestor_heads : tree.ancestor_tails;
    if (!std::binary_search(ends.begin(), ends.end(), three_bytes(key, front))) {
      return false;
    }
  }
  for (const auto* a : tree.ancestors) {
    for (const auto& k : a->keys) {
      if (!k.empty() && (front ? key.starts_with(k) : key.ends_with(k))) {
        return true;
      }
    }
  }
  return false;
}

} // namespace

void index_leaves(PathTree& tree) {
  tree.leaf_index.clear();
  tree.longest_leaf = 0;
  for (std::size_t l = 0; l < tree.leaves.size(); ++l) {
    for (const auto& k : tree.leaves[l].label->keys) {
      auto& list = tree.leaf_index[k];
      if (std::find(list.begin(), list.end(), l) == list.end()) {
        list.push_back(l);
      }
      tree.longest_leaf = std::max(tree.longest_leaf, k.size());
    }
  }
  tree.ancestor_heads.clear();
  tree.ancestor_tails.clear();
  tree.ancestors_indexed = true;
  for (const auto* a : tree.ancestors) {
    for (const auto& k : a->keys) {
      if (k.empty()) {
        continue; // has_ancestor_at skips it
      }
      if (k.size() < 3) {
        tree.ancestors_indexed = false;
        continue;
      }
      tree.ancestor_heads.push_back(three_bytes(k, true));
      tree.ancestor_tails.push_back(three_bytes(k, false));
    }
  }
  std::sort(tree.ancestor_heads.begin(), tree.ancestor_heads.end());
  std::sort(tree.ancestor_tails.begin(), tree.ancestor_tails.end());
}

std::optional<PathMatch> match_path(std::string_view key, const PathTree& tree) {
  if (key.empty() || key.size() > k_max_path_bytes || !has_ancestor_at(key, tree, true)) {
    return std::nullopt;
  }
  const auto cuts = boundaries(key);
  const std::size_t last = cuts.size() - 1; // index of key.size()
  const auto covers = cover_ancestors(key, cuts, 0, tree);
  // Longest suffix first: cut index c ≥ 1 leaves a non-empty prefix of ancestors.
  for (std::size_t c = 1; c < last; ++c) {
    if (tree.longest_leaf != 0 && key.size() - cuts[c] > tree.longest_leaf) {
      continue; // longer than any leaf
    }
    if (!covers[c]) {
      continue;
    }
    if (auto l = pick_leaf(key.substr(cuts[c]), tree, *covers[c])) {
      return PathMatch{*l, *covers[c]};
    }
  }
  return std::nullopt;
}

std::optional<PathMatch> match_path_leaf_first(std::string_view key, const PathTree& tree) {
  if (key.empty() || key.size() > k_max_path_bytes || !has_ancestor_at(key, tree, false)) {
    return std::nullopt;
  }
  const auto cuts = boundaries(key);
  const std::size_t last = cuts.size() - 1;
  for (std::size_t c = last - 1; c >= 1; --c) {
    const std::string_view leaf = key.substr(0, cuts[c]);
    if (tree.longest_leaf != 0 && leaf.size() > tree.longest_leaf) {
      continue;
    }
    if (!pick_leaf(leaf, tree, {})) {
      continue; // cheap first: is the front a leaf at all?
    }
    const auto covers = cover_ancestors(key, cuts, c, tree);
    if (const auto& named = covers[last - c]) {
      if (auto l = pick_leaf(leaf, tree, *named)) {
        return PathMatch{*l, *named};
      }
    }
  }
  return std::nullopt;
}

std::string strip_ancestors(std::string_view key, const PathTree& tree) {
  if (key.empty() || key.size() > k_max_path_bytes) {
    return std::string(key);
  }
  const auto cuts = boundaries(key);
  const std::size_t last = cuts.size() - 1;
  const auto covers = cover_ancestors(key, cuts, 0, tree);
  for (std::size_t c = last - 1; c >= 1; --c) {
    if (covers[c]) {
      return std::string(key.substr(cuts[c]));
    }
  }
  return std::string(key);
}

} // namespace xxgk::extract::detail
