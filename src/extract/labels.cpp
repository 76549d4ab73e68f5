// Label matching: a cell's text as normalized keys, compared with a template label exactly or
// approximately (a typo, a missing character), and the item numbers of a key.

#include "labels.hpp"

#include <xxgk/util/text.hpp>

#include <algorithm>
#include <utility>

namespace xxgk::extract::detail {

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

std::u32string numerals(std::string_view key) {
  std::u32string out;
  for (std::size_t pos = 0; pos < key.size();) {
    const char32_t cp = util::next_codepoint(key, pos);
    switch (cp) {
    case U'〇':
    case U'零':
    case U'一':
    case U'二':
    case U'三':
    case U'四':
    case U'五':
    case U'六':
    case U'七':
    case U'八':
    case U'九':
    case U'十':
    case U'百':
      out.push_back(cp);
      break;
    default:
      if (cp >= '0' && cp <= '9') {
        out.push_back(cp);
      }
    }
  }
  return out;
}

TextKeys keys_of(std::string_view text) {
  TextKeys k;
  auto keys = util::label_keys(text);
  k.key = std::move(keys.key);
  k.core = std::move(keys.core);
  return k;
}

std::size_t TextKeys::core_length() const {
  if (m_core_length == k_unknown) {
    m_core_length = util::count_codepoints(core);
  }
  return m_core_length;
}

const std::u32string& TextKeys::core_numerals() const {
  if (!m_core_numerals) {
    m_core_numerals = numerals(core);
  }
  return *m_core_numerals;
}

bool matches_approximately(const TextKeys& text, const schema::Label& label) {
  const std::size_t n = text.core_length();
  if (n < 4) {
    return false;
  }
  for (const auto& k : label.keys) {
    // Lengths first: cheap, and a cell can be megabytes long.
    const std::size_t m = util::count_codepoints(k);
    const std::size_t longer = std::max(n, m);
    const std::size_t shorter = std::min(n, m);
    const std::size_t allowed = std::max<std::size_t>(1, longer / 6);
    if (longer - shorter > allowed || numerals(k) != text.core_numerals()) {
      continue;
    }
    if (util::edit_distance(text.core, k) <= allowed) {
      return true;
    }
  }
  return false;
}

} // namespace xxgk::extract::detail
