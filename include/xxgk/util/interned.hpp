#pragma once
// Interned: an immutable text from a small vocabulary (template labels, table names, document
// part names), stored once per process and passed around as a pointer.
//
// A source location names its table, row and column by the template's labels and its Word part
// by name; every cell of every report carries one. As std::string each was a 32-byte member that
// had to be constructed, copied (a heap allocation for labels longer than 15 bytes) and destroyed
// per cell; interned, a copy is a pointer copy and a location is trivially copyable.
//
// Interning looks the text up in a process-wide set (thread-safe, behind a per-thread cache), so
// it costs a hash: code on a hot path keeps an Interned and copies it instead of interning the
// same text again. The set only grows, by distinct texts: only a bounded vocabulary belongs here.

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace xxgk::util {

namespace detail {
/// The empty text every default Interned points at (constant-initialized: usable at any time).
extern const std::string k_empty_interned;
} // namespace detail

class Interned {
public:
  Interned() noexcept = default;
  Interned(std::string_view s) : m_text(intern(s)) {} // NOLINT: converts like std::string does
  Interned(const std::string& s) : Interned(std::string_view(s)) {} // NOLINT
  Interned(const char* s) : Interned(std::string_view(s)) {}        // NOLINT

  Interned& operator=(std::string_view s) {
    m_text = intern(s);
    return *this;
  }
  Interned& operator=(const std::string& s) { return *this = std::string_view(s); }
  Interned& operator=(const char* s) { return *this = std::string_view(s); }

  [[nodiscard]] const std::string& str() const noexcept { return *m_text; }
  operator const std::string&() const noexcept { return *m_text; } // NOLINT
  operator std::string_view() const noexcept { return *m_text; }   // NOLINT
  [[nodiscard]] bool empty() const noexcept { return m_text->empty(); }
  [[nodiscard]] std::size_t size() const noexcept { return m_text->size(); }
  [[nodiscard]] const char* data() const noexcept { return m_text->data(); }
  [[nodiscard]] const char* c_str() const noexcept { return m_text->c_str(); }

  /// Equal texts are one pointer: comparing two Interned compares pointers.
  friend bool operator==(const Interned& a, const Interned& b) noexcept {
    return a.m_text == b.m_text;
  }
  friend bool operator==(const Interned& a, std::string_view b) noexcept { return a.str() == b; }
  friend bool operator==(const Interned& a, const std::string& b) noexcept { return a.str() == b; }
  friend bool operator==(const Interned& a, const char* b) noexcept {
    return a.str() == std::string_view(b);
  }
  friend std::string operator+(const Interned& a, std::string_view b) {
    std::string out = a.str();
    out += b;
    return out;
  }
  friend std::string operator+(std::string a, const Interned& b) { return std::move(a) += b.str(); }
  friend std::string operator+(const char* a, const Interned& b) {
    return std::string(a) + b.str();
  }
  friend std::ostream& operator<<(std::ostream& os, const Interned& s) { return os << s.str(); }

private:
  static const std::string* intern(std::string_view s);

  const std::string* m_text = &detail::k_empty_interned;
};

} // namespace xxgk::util
