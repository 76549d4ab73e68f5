#include "labels.hpp"

#include <xxgk/util/text.hpp>

#include <algorithm>

namespace xxgk::extract::detail {

TextKeys keys_of(std::string_view text) {
  return TextKeys{util::label_key(text), util::label_core_key(text)};
}

bool matches_exactly(const TextKeys& text, const schema::Label& label) {
  if (text.key.empty()) {
    return false;
  }
  for (const auto& k : label.keys) {
    if (k == text.key || k == text.core) {
      return true;
    }
  }
  return false;
}

bool matches_approximately(const TextKeys& text, const schema::Label& label) {
  const std::size_t n = util::count_codepoints(text.core);
  if (n < 4) {
    return false;
  }
  for (const auto& k : label.keys) {
    const std::size_t m = util::count_codepoints(k);
    const std::size_t longer = std::max(n, m);
    const std::size_t shorter = std::min(n, m);
    const std::size_t allowed = std::max<std::size_t>(1, longer / 6);
    if (longer - shorter > allowed) {
      continue;
    }
    if (util::edit_distance(text.core, k) <= allowed) {
      return true;
    }
  }
  return false;
}

} // namespace xxgk::extract::detail
