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

/// Splits `s` wholly into ancestor keys (at code point boundaries `cuts` within [from, to)),
/// shortest number of pieces; nullopt when it cannot be.
std::optional<std::vector<std::size_t>> split_ancestors(std::string_view s,
                                                        const std::vector<std::size_t>& cuts,
                                                        std::size_t from, std::size_t to,
                                                        const PathTree& tree) {
  // best[i]: ancestors covering cuts[from..i) (by cut index), or none.
  const std::size_t n = to - from;
  std::vector<std::optional<std::vector<std::size_t>>> best(n + 1);
  best[0] = std::vector<std::size_t>{};
  for (std::size_t i = 0; i < n; ++i) {
    if (!best[i]) {
      continue;
    }
    for (std::size_t j = i + 1; j <= n; ++j) {
      const std::string_view piece = s.substr(cuts[from + i], cuts[from + j] - cuts[from + i]);
      for (std::size_t a = 0; a < tree.ancestors.size(); ++a) {
        if (key_is(piece, *tree.ancestors[a])) {
          auto next = *best[i];
          next.push_back(a);
          if (!best[j] || best[j]->size() > next.size()) {
            best[j] = std::move(next);
          }
          break;
        }
      }
    }
  }
  return best[n];
}

/// Among leaves whose key is `piece`, the one under an ancestor the path names, else the first.
std::optional<std::size_t> pick_leaf(std::string_view piece, const PathTree& tree,
                                     const std::vector<std::size_t>& named) {
  std::optional<std::size_t> first;
  for (std::size_t l = 0; l < tree.leaves.size(); ++l) {
    if (!key_is(piece, *tree.leaves[l].label)) {
      continue;
    }
    const auto& parent = tree.leaves[l].parent;
    if (parent && std::find(named.begin(), named.end(), *parent) != named.end()) {
      return l;
    }
    if (!first) {
      first = l;
    }
  }
  return first;
}

} // namespace

std::optional<PathMatch> match_path(std::string_view key, const PathTree& tree) {
  if (key.empty() || key.size() > k_max_path_bytes) {
    return std::nullopt;
  }
  const auto cuts = boundaries(key);
  const std::size_t last = cuts.size() - 1; // index of key.size()
  // Longest suffix first: cut index c ≥ 1 leaves a non-empty prefix of ancestors.
  for (std::size_t c = 1; c < last; ++c) {
    const std::string_view leaf = key.substr(cuts[c]);
    auto named = split_ancestors(key, cuts, 0, c, tree);
    if (!named) {
      continue;
    }
    if (auto l = pick_leaf(leaf, tree, *named)) {
      return PathMatch{*l, std::move(*named)};
    }
  }
  return std::nullopt;
}

std::optional<PathMatch> match_path_leaf_first(std::string_view key, const PathTree& tree) {
  if (key.empty() || key.size() > k_max_path_bytes) {
    return std::nullopt;
  }
  const auto cuts = boundaries(key);
  const std::size_t last = cuts.size() - 1;
  for (std::size_t c = last - 1; c >= 1; --c) {
    const std::string_view leaf = key.substr(0, cuts[c]);
    auto named = split_ancestors(key, cuts, c, last, tree);
    if (named) {
      if (auto l = pick_leaf(leaf, tree, *named)) {
        return PathMatch{*l, std::move(*named)};
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
  for (std::size_t c = last - 1; c >= 1; --c) {
    if (split_ancestors(key, cuts, 0, c, tree)) {
      return std::string(key.substr(cuts[c]));
    }
  }
  return std::string(key);
}

} // namespace xxgk::extract::detail
