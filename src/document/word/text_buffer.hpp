#pragma once
// The buffer of a Word main part's text, reused from one document to the next on the same
// thread (a batch reads thousands of similar parts): a part inflated into the previous part's
// buffer is zero-filled only where it is longer, and needs no new allocation.

#include <cstddef>
#include <string>
#include <utility>

namespace xxgk::document::word {

namespace detail {

inline std::string& spare_text() {
  thread_local std::string spare;
  return spare;
}

} // namespace detail

/// Buffers larger than this are freed, not kept for the next part.
constexpr std::size_t k_max_kept_text = std::size_t{8} << 20;

/// The thread's spare buffer (its size is the text it last held), or an empty string.
inline std::string take_text_buffer() {
  return std::exchange(detail::spare_text(), std::string());
}

/// Keeps `text`'s buffer for the next part of this thread, if it is the larger one.
inline void give_back_text_buffer(std::string&& text) {
  std::string& spare = detail::spare_text();
  if (text.capacity() <= k_max_kept_text && text.capacity() > spare.capacity()) {
    spare = std::move(text);
  }
}

} // namespace xxgk::document::word
