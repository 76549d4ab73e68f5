#pragma once
// Label paths (format.md §7 items 15–16): a row or column label written with any of its
// ancestors joined in front of it, in one cell or line ("三、本年度办理结果 （三）不予公开
// 1.属于国家秘密", "法人或其他组织 商业企业", "行政复议·结果维持"). Internal to extract/.

#include "labels.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::extract::detail {

/// One label a path may end in (a row, group or column of a table), with a caller-defined id.
struct PathLeaf {
  const schema::Label* label = nullptr;
  std::size_t id = 0;
  /// The ancestor (index into the ancestors list) this leaf belongs under, if any: among leaves
  /// with the same key, one whose ancestor the path names wins.
  std::optional<std::size_t> parent;
};

/// A label tree flattened: the labels that may stand in front of a leaf (groups, captions, header
/// labels) and the leaves.
struct PathTree {
  std::vector<const schema::Label*> ancestors;
  std::vector<PathLeaf> leaves;
  /// Leaf key → leaves, and the longest leaf key in bytes: built by index_leaves (optional; the
  /// matchers fall back to a scan without it).
  std::map<std::string, std::vector<std::size_t>, std::less<>> leaf_index;
  std::size_t longest_leaf = 0;
  /// The first and the last three bytes of every ancestor key (sorted), when every ancestor key
  /// has three bytes or more (ancestors_indexed): a key that starts or ends with none of them
  /// starts or ends with no ancestor, which rules out a path for most cells at once.
  std::vector<std::uint32_t> ancestor_heads;
  std::vector<std::uint32_t> ancestor_tails;
  bool ancestors_indexed = false;
};

/// Builds tree.leaf_index, tree.longest_leaf and the ancestors' heads and tails (call once the
/// leaves and ancestors are in).
void index_leaves(PathTree& tree);

struct PathMatch {
  std::size_t leaf = 0;               ///< index into PathTree::leaves
  std::vector<std::size_t> ancestors; ///< the ancestors named in front of it, in order
};

/// Matches a label key (util::label_key of the text) against `tree`: the longest suffix of the
/// key that is a leaf's key exactly, when everything in front of it is a sequence of one or more
/// ancestor keys. A key that is a leaf by itself is not a path (the caller matches it directly).
/// Keys longer than a few hundred bytes are prose and never match.
std::optional<PathMatch> match_path(std::string_view key, const PathTree& tree);

/// Label paths can be written with the leaf first: "1.属于国家秘密（三）不予公开". Matches the
/// longest prefix of the key that is a leaf when the rest is a sequence of ancestor keys.
std::optional<PathMatch> match_path_leaf_first(std::string_view key, const PathTree& tree);

/// The key without the longest run of ancestor keys in front of it (the whole key when none, or
/// when nothing would remain): "三本年度办理结果三不予公开2其他法律行政止公开" →
/// "2其他法律行政止公开".
std::string strip_ancestors(std::string_view key, const PathTree& tree);

} // namespace xxgk::extract::detail
