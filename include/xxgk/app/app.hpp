#pragma once
// The application: runs a command on Options, writing to the given streams. main() only parses
// argv (and xxgk.toml) into Options; tests call run() in-process.

#include <xxgk/document/read.hpp>

#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace xxgk::app {

/// Exit codes (documented in --help and README).
inline constexpr int k_exit_clean = 0;    ///< nothing at or above the failing severity
inline constexpr int k_exit_findings = 1; ///< findings at or above it, or over --max-warnings
inline constexpr int k_exit_usage = 2;    ///< usage error, or an input could not be read

enum class Command { Check, Convert, Aggregate, Fix, Rules, Explain };

struct Options {
  Command command = Command::Check;
  std::vector<std::string> paths; ///< check/convert: inputs ('-' = stdin); explain: rule IDs
  std::string format = "text";    ///< check: emit::formats(); rules/explain: text | markdown | json
  std::string to = "json";        ///< convert: json …; aggregate: json | csv | text
  std::string template_id;        ///< "" = detect; "2019" / "2021"
  std::string schema_file;        ///< --schema
  std::string input_format;       ///< --input-format
  std::string encoding;           ///< --encoding
  int year = 0;                   ///< --year: the report year when the title gives none (0 = unset)
  std::string agency;             ///< --agency: the agency when the title gives none
  std::string color = "auto";     ///< auto | always | never
  bool stdout_is_tty = false;
  bool stderr_is_tty = false;      ///< progress is shown only on a terminal
  int jobs = 0;                    ///< -j: threads reading and checking inputs; 0 = one per core
  bool hidden = false;             ///< --hidden: also walk hidden files and directories
  std::vector<std::string> limits; ///< --limit NAME=VALUE (document::set_limit), in order
  document::Limits read_limits;    ///< the limits in effect; run() applies `limits` to it
  bool no_color_env = false;       ///< NO_COLOR is set (auto then means never)
  std::string lang = "zh";         ///< zh | en
  std::string headers = "zh"; ///< CSV and Excel headers: zh (表号.行.列) | keys (model paths)
  bool allow_empty = false;   ///< --allow-empty: no report among the inputs is not an error

  // Selection and severity (check).
  std::vector<std::string> select;   ///< rule IDs or prefixes; empty = all
  std::vector<std::string> ignore;   ///< rule IDs or prefixes
  std::vector<std::string> severity; ///< RULE=error|warning|info|off
  std::string fail_on = "error";     ///< lowest severity that fails the run
  int max_warnings = -1;             ///< fail when more warnings than this; -1 = no limit
  bool exit_zero = false;            ///< exit 0 even with findings (2 stays 2)
  bool quiet = false;                ///< report errors only
  bool statistics = false;           ///< count findings per rule instead of listing them

  // Aggregate.
  std::string compare; ///< --compare: a district's own report, checked against the sum (X-AGG)
  std::string expect;  ///< --expect: a list of the units that should have reported (X-MISSING)

  // Fix.
  bool fix_diff = false; ///< --diff: list the changes, write nothing
  bool unsafe = false;   ///< --unsafe: also replace a filled total that disagrees with its parts
  bool fix = false;      ///< check --fix: also write fixed copies into the -o directory

  // Baseline and output.
  std::string baseline;            ///< report only findings not in this file
  std::string write_baseline;      ///< record the current findings in this file
  std::string output;              ///< -o: write the output here atomically instead of `out`
  std::string github_step_summary; ///< $GITHUB_STEP_SUMMARY (format github appends to it)
};

int run(const Options& options, std::ostream& out, std::ostream& err);

/// The `--format` values of `check` with a line of description each (for --help).
std::vector<std::pair<std::string, std::string>> output_formats();

/// The `--to` values of `convert` with a line of description each (for --help).
std::vector<std::pair<std::string, std::string>> convert_targets();

/// The `--limit` names with their description and default (for --help).
std::vector<std::pair<std::string, std::string>> limit_names();

/// The message templates of what the commands say on stderr (the rule catalogue lists them).
const std::vector<const diag::MessageTemplate*>& messages();

} // namespace xxgk::app
