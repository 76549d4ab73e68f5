// The checked choices of the command line (options.hpp): "did you mean", --lang, --headers and
// the options that decide how findings are written.

#include "options.hpp"

#include <xxgk/util/text.hpp>

#include <algorithm>

namespace xxgk::app {

std::string rule_id_case(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return s;
}

/// " (did you mean 'x'?)" for the closest candidate, or "" when none is close.
std::string suggestion(std::string_view given, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(1, given.size() / 3) + 1;
  for (const auto& c : candidates) {
    const std::size_t d = util::edit_distance(given, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", best);
}

emit::Lang lang_of(const Options& o) {
  return choose<emit::Lang>("language (--lang)", o.lang,
                            {{"zh", emit::Lang::Zh}, {"en", emit::Lang::En}});
}

report::Headers headers_of(const Options& o) {
  return choose<report::Headers>("header style (--headers)", o.headers,
                                 {{"zh", report::Headers::Zh}, {"keys", report::Headers::Keys}});
}

Emission emission_of(const Options& o) {
  Emission e;
  e.format = emit::find_format(o.format);
  if (e.format == nullptr) {
    std::vector<std::string> names;
    for (const auto& f : emit::formats()) {
      names.emplace_back(f.name);
    }
    throw UsageError{fmt::format("unknown output format '{}'{}; choose one of: {}", o.format,
                                 suggestion(o.format, names), fmt::join(names, ", "))};
  }
  e.oo.lang = lang_of(o);
  e.oo.headers = headers_of(o);
  if (o.format == "xlsx" && o.output.empty() && o.stdout_is_tty) {
    throw UsageError{"--format xlsx writes a binary file: give -o FILE (or redirect the output)"};
  }
  const std::string color =
      choose<std::string>("colour mode (--color)", o.color,
                          {{"auto", "auto"}, {"always", "always"}, {"never", "never"}});
  e.oo.color = color == "always" || (color == "auto" && o.stdout_is_tty && !o.no_color_env);
  e.fail_on = choose<diag::Severity>("severity (--fail-on)", o.fail_on,
                                     {{"error", diag::Severity::Error},
                                      {"warning", diag::Severity::Warning},
                                      {"info", diag::Severity::Info}});
  return e;
}

} // namespace xxgk::app
