#pragma once
// Label matching against the schema's label keys (internal to extract/).

#include <xxgk/schema/schema.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::extract::detail {

/// The keys of one piece of text, computed once.
struct TextKeys {
  std::string key;  ///< util::label_key
  std::string core; ///< util::label_core_key
  /// Code points of `core`, computed on first use and kept: a cell is compared with every label
  /// of a template, and a cell can be megabytes long; only approximate matches need it.
  [[nodiscard]] std::size_t core_length() const;
  /// The item numbers of `core` (numerals()), computed on first use: only an approximate match
  /// of a cell about as long as a label needs them.
  [[nodiscard]] const std::u32string& core_numerals() const;

private:
  static constexpr std::size_t k_unknown = static_cast<std::size_t>(-1);
  mutable std::size_t m_core_length = k_unknown;
  mutable std::optional<std::u32string> m_core_numerals;
};
/// The keys of `text`.
TextKeys keys_of(std::string_view text);

/// The item numbers in a key (digits and Chinese numerals), which a typo may never change:
/// 第二十条第（九）项 is not an approximate 第二十条第（一）项.
std::u32string numerals(std::string_view key);

enum class Match { None, Exact, Approximate };

/// Exact when either key of `text` is one of the label's keys.
bool matches_exactly(const TextKeys& text, const schema::Label& label);
/// Approximate: edit distance ≤ max(1, n/6) against the label text's core key (n code points),
/// and only for texts of at least 4 code points.
bool matches_approximately(const TextKeys& text, const schema::Label& label);

} // namespace xxgk::extract::detail
