// text_facts(): a cell's value, NFKC and label keys, memoized per thread for short texts.

#include <xxgk/util/text_facts.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>

namespace xxgk::util {

namespace {

/// Hashes and compares std::string keys with std::string_view lookups (no string built per
/// lookup).
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct Memo {
  std::unordered_map<std::string, TextFacts, ViewHash, std::equal_to<>> entries;
  TextFacts scratch; ///< the answer for a text that is not memoized (serial 0)
  std::uint64_t last_serial = 0;
};

Memo& memo() {
  thread_local Memo m;
  return m;
}

void compute(std::string_view text, TextFacts& out) {
  out.value = parse_value(text);
  out.keys = label_keys(text, &out.folded);
}

} // namespace

const TextFacts& text_facts(std::string_view text) {
  Memo& m = memo();
  if (is_plain_digits(text)) {
    // parse_value's own fast path; NFKC and both keys of ASCII digits are the digits.
    m.scratch.value = parse_value(text);
    m.scratch.folded.assign(text);
    m.scratch.keys.key.assign(text);
    m.scratch.keys.core.assign(text);
    return m.scratch;
  }
  if (text.size() > k_text_facts_memo_bytes) {
    compute(text, m.scratch);
    return m.scratch;
  }
  if (const auto it = m.entries.find(text); it != m.entries.end()) {
    return it->second;
  }
  if (m.entries.size() >= k_text_facts_memo_entries) {
    m.entries.clear(); // start over: the texts of the next reports come back at once
  }
  const auto it = m.entries.try_emplace(std::string(text)).first;
  compute(text, it->second);
  it->second.serial = ++m.last_serial;
  return it->second;
}

} // namespace xxgk::util
