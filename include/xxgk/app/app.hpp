#pragma once
// The application: runs a command on Options, writing to the given streams. main() only parses
// argv into Options; tests call run() in-process.

#include <iosfwd>
#include <string>
#include <vector>

namespace xxgk::app {

/// Exit codes (documented in --help and README).
inline constexpr int k_exit_clean = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_usage = 2;

enum class Command { Check, Convert, Rules };

struct Options {
  Command command = Command::Check;
  std::vector<std::string> paths;
  std::string format = "text";   ///< check: text | json
  std::string to = "json";       ///< convert: json
  std::string template_id;       ///< "" = detect; "2019" / "2021"
  std::string schema_file;       ///< --schema
  std::string input_format;      ///< --input-format
  std::string encoding;          ///< --encoding
  std::string color = "auto";    ///< auto | always | never
  bool stdout_is_tty = false;
};

int run(const Options& options, std::ostream& out, std::ostream& err);

} // namespace xxgk::app
