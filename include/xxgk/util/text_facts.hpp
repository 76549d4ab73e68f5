#pragma once
// What a cell's text says, worked out once per distinct text: its value (parse_value), its NFKC
// and its label keys. Reports of one template repeat the same few hundred label texts, so
// text_facts() keeps them in a small memo per thread, bounded in entries and text length.

#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace xxgk::util {

struct TextFacts {
  ParsedValue value;  ///< parse_value(text)
  std::string folded; ///< nfkc(text)
  LabelKeys keys;     ///< label_keys(text)
  /// For a memoized text, a number no other text memoized on this thread has had, so that a
  /// caller can keep what it derives from these facts (a label's classification) across calls;
  /// 0 for an answer worked out anew each time.
  std::uint64_t serial = 0;
};

/// The facts of `text`, the same as computing each of them from `text`. The reference is valid
/// until the next call of text_facts on the same thread. Short texts are memoized per thread (at
/// most k_text_facts_memo_entries texts of at most k_text_facts_memo_bytes bytes; the memo starts
/// over when full); a text made only of ASCII digits is answered without normalizing it.
const TextFacts& text_facts(std::string_view text);

inline constexpr std::size_t k_text_facts_memo_entries = 1024;
inline constexpr std::size_t k_text_facts_memo_bytes = 192;

} // namespace xxgk::util
