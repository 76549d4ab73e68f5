#pragma once
// A minimal Expected<T>: a value or an Error (C++20 has no std::expected).

#include <xxgk/diag/message.hpp>

#include <string>
#include <utility>
#include <variant>

namespace xxgk::util {

/// What kind of failure an Error is, so callers decide by kind, never by matching its text.
enum class ErrorKind {
  Malformed,       ///< the bytes are not a valid document of their form (the default)
  NotFound,        ///< no such file or directory
  Empty,           ///< the file is empty
  NotAReport,      ///< readable, but not a report document (binary data, another kind of file)
  UnsupportedForm, ///< a form xxgk does not read (e.g. .doc, an image-only PDF)
  TooLarge,        ///< over a configured --limit
  Io,              ///< the operating system refused (permissions, disk full, ...)
};

/// Why a fallible operation failed, in words fit for "xxgk: error: <file>: <message>". Made only
/// by Error::of, from a message ID: there is no error without its wording in both languages.
struct Error {
  std::string message; ///< the English rendering of `msg`
  ErrorKind kind = ErrorKind::Malformed;
  diag::Message msg; ///< the message ID and its arguments, rendered in the user's language

  /// An error of `kind` with message `m` (its English rendering in `message`).
  static Error of(ErrorKind kind, diag::Message m) {
    Error e;
    e.message = m.render(diag::Lang::En);
    e.kind = kind;
    e.msg = std::move(m);
    return e;
  }
  /// The message in `lang`.
  [[nodiscard]] std::string text(diag::Lang lang) const { return msg.render(lang); }

private:
  Error() = default; // not an aggregate: no Error{"plain text"}
};

template <class T> class Expected {
public:
  Expected(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
  Expected(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

  [[nodiscard]] bool has_value() const { return m_v.index() == 0; }
  explicit operator bool() const { return has_value(); }
  T& value() & { return std::get<0>(m_v); }
  const T& value() const& { return std::get<0>(m_v); }
  T&& value() && { return std::get<0>(std::move(m_v)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  [[nodiscard]] const Error& error() const { return std::get<1>(m_v); }

private:
  std::variant<T, Error> m_v;
};

} // namespace xxgk::util
