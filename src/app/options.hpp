#pragma once
// The choices of the command line, checked: usage errors, "did you mean", enumerated options
// (--lang, --headers, --color, --fail-on) and how findings are written (--format). Shared by the
// commands in src/app/.

#include <xxgk/app/app.hpp>
#include <xxgk/diag/diagnostic.hpp>
#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xxgk::app {

/// Thrown for a fatal usage problem; run() turns it into "xxgk: error: …" and exit 2.
struct UsageError {
  std::string message;
};

/// A rule ID or selector as the catalogue spells it: rule IDs are case-insensitive (t3-row).
std::string rule_id_case(std::string s);

/// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string suggestion(std::string_view given, const std::vector<std::string>& candidates);

/// The value of an enumerated option, or a usage error naming the choices.
template <class T>
T choose(std::string_view what, std::string_view given,
         const std::vector<std::pair<std::string, T>>& choices) {
  std::vector<std::string> names;
  for (const auto& [name, value] : choices) {
    if (name == given) {
      return value;
    }
    names.push_back(name);
  }
  throw UsageError{fmt::format("unknown {} '{}'{}; choose one of: {}", what, given,
                               suggestion(given, names), fmt::join(names, ", "))};
}

emit::Lang lang_of(const Options& o);

/// The language of the run's messages on stderr: English for --lang en, else Chinese (an unknown
/// --lang is a usage error elsewhere; it must not hide the error that is being said).
inline diag::Lang message_lang(const Options& o) {
  return o.lang == "en" ? diag::Lang::En : diag::Lang::Zh;
}
report::Headers headers_of(const Options& o);

/// How findings are written: --format, --lang, --color and --fail-on, checked.
struct Emission {
  const emit::Format* format = nullptr;
  emit::OutputOptions oo;
  diag::Severity fail_on = diag::Severity::Error;
};

/// Checks --format, --lang, --headers, --color and --fail-on (a UsageError when one is unknown).
Emission emission_of(const Options& o);

} // namespace xxgk::app
