// xxgk: a thin main. Parses argv (and xxgk.toml, through CLI11's config support) into
// app::Options and calls app::run.

#include <xxgk/app/app.hpp>
#include <xxgk/io/signals.hpp>
#include <xxgk/util/text.hpp>

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string_view>
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

constexpr const char* k_config_name = "xxgk.toml";

constexpr const char* k_footer = R"(Exit codes:
  0  clean: no finding at or above the failing severity (--fail-on, default error)
  1  findings at or above the failing severity, or more warnings than --max-warnings
  2  usage error, or an input could not be read (or exceeds a --limit)
  130, 143  interrupted by SIGINT (Ctrl-C) or SIGTERM: the run stopped between reports and
     wrote no output file

Options are also read from xxgk.toml in the current directory or the nearest parent (or
--config FILE; --no-config reads none): a [check] section with the long option names, e.g.
select = ["T3"]. Command-line options override it. See README.md and docs/configuration.md.
)";

constexpr const char* k_aggregate_footer =
    R"(Blank cells and placeholders count as 0 (noted on stderr); cells that are not numbers
or were not found are left out of the sum and named. Reports of another template than the sum's
(--template, else the --compare report's, else the most common) and unreadable ones are named
on stderr and left out.

Exit codes:
  0  the sum was written (every report summed), or --compare/--expect found nothing
  1  --compare/--expect findings (X-AGG, X-MISSING), or a report left out for its template
  2  usage error, or an input could not be read
  130, 143  interrupted by SIGINT or SIGTERM (no output file written)
)";

/// Whether argv holds one of these options (as "--name", "--name=…" or "-o…").
bool given(int argc, char** argv, std::initializer_list<std::string_view> names) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") {
      break;
    }
    for (const auto n : names) {
      if (a == n || (a.starts_with(n) && a.size() > n.size() &&
                     (a[n.size()] == '=' || !n.starts_with("--")))) {
        return true;
      }
    }
  }
  return false;
}

/// xxgk.toml in the current directory or its nearest parent, or "".
std::string find_config() {
  std::error_code ec;
  auto dir = std::filesystem::current_path(ec);
  if (ec) {
    return "";
  }
  while (true) {
    const auto candidate = dir / k_config_name;
    if (std::filesystem::is_regular_file(candidate, ec)) {
      return candidate.string();
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) {
      return "";
    }
    dir = dir.parent_path();
  }
}

std::string limit_help() {
  std::string help = "Change what one input may cost: NAME=VALUE (repeatable; K, M, G for KiB, "
                     "MiB, GiB; docs/reliability.md). Limits:";
  for (const auto& [name, description] : xxgk::app::limit_names()) {
    help += "\n  " + name + ": " + description;
  }
  return help;
}

/// The inputs of check and convert, as positional arguments.
void add_paths(CLI::App* cmd, xxgk::app::Options& o) {
  cmd->add_option("paths", o.paths,
                  "Report files, directories (read recursively) or @lists of paths ('-' for "
                  "standard input)")
      ->required();
}

void add_inputs(CLI::App* cmd, xxgk::app::Options& o) {
  cmd->add_option("--template", o.template_id,
                  "Use this template instead of detecting it: 2019 or 2021");
  cmd->add_option("--schema", o.schema_file, "Use the template and rules in this schema file");
  cmd->add_option("--input-format", o.input_format, "Read inputs as this form (default: detect)");
  cmd->add_option("--encoding", o.encoding,
                  "Decode text inputs with this encoding (default: detect)");
  cmd->add_option("--year", o.year, "The report year of inputs whose title gives none (e.g. 2024)")
      ->check(CLI::Range(1990, 2099));
  cmd->add_option("--agency", o.agency, "The reporting agency of inputs whose title gives none");
  cmd->add_option("-j,--jobs", o.jobs,
                  "Read and check this many inputs at once (default: one per core); the output "
                  "is the same for every value");
  cmd->add_flag("--hidden", o.hidden, "Also read hidden files and directories of a directory");
  cmd->add_option("--limit", o.limits, limit_help())->allow_extra_args(false);
}

void add_output(CLI::App* cmd, xxgk::app::Options& o) {
  cmd->add_option("-o,--output", o.output,
                  "Write the output to this file (atomically: a failed run leaves no file)");
}

/// -q and --lang, which every command takes.
void add_quiet_lang(CLI::App* cmd, xxgk::app::Options& o, const char* quiet_help) {
  cmd->add_flag("-q,--quiet", o.quiet, quiet_help);
  cmd->add_option("--lang", o.lang, "Message language: zh (default) or en");
}

/// --allow-empty and --headers, for the commands that read batches of reports.
void add_batch(CLI::App* cmd, xxgk::app::Options& o, bool headers) {
  cmd->add_flag("--allow-empty", o.allow_empty,
                "Accept inputs without any report (otherwise an error, exit 2)");
  if (headers) {
    cmd->add_option("--headers", o.headers,
                    "CSV and Excel column headers: zh (Chinese, e.g. 三.（一）予以公开.自然人; "
                    "default) or keys (model paths, docs/model.md)");
  }
}

std::string format_help() {
  std::string help = "Output format (default text):";
  for (const auto& [name, description] : xxgk::app::output_formats()) {
    help += "\n  " + name + ": " + description;
  }
  return help;
}

std::string target_help() {
  std::string help = "Output (default json):";
  for (const auto& [name, description] : xxgk::app::convert_targets()) {
    help += "\n  " + name + ": " + description;
  }
  return help;
}

} // namespace

namespace {

/// Each report allocates and frees a few MiB (the inflated XML, its tree, the document model).
/// glibc returns freed memory at the top of the heap to the kernel as soon as more than 128 KiB
/// is free, and serves blocks over 128 KiB with mmap, so every report faulted its memory in
/// again: on the benchmark machine about 200 page faults per .docx, most of the time of just
/// reading one (docs/performance.md). Keeping up to 8 MiB costs at most that much memory.
/// (With mimalloc linked (CMakeLists.txt, XXGK_MIMALLOC), these settings go to the C library's
/// malloc, which then serves nothing; mimalloc keeps its freed pages for reuse on its own.)
void tune_allocator() {
#if defined(__GLIBC__)
  constexpr int k_keep = 8 << 20;
  mallopt(M_TRIM_THRESHOLD, k_keep);
  mallopt(M_MMAP_THRESHOLD, k_keep);
#endif
}

} // namespace

int main(int argc, char** argv) {
  // First of all: a signal from here on stops the run cleanly (exit 130/143, no partial file).
  xxgk::io::install_interrupt_handlers();
  tune_allocator();
  using xxgk::app::Command;
  using xxgk::app::Options;
  // One Options per command, so that a [check] section of xxgk.toml cannot leak into `rules`.
  Options check_o;
  Options convert_o;
  Options aggregate_o;
  Options fix_o;
  Options rules_o;
  Options explain_o;
  convert_o.command = Command::Convert;
  aggregate_o.command = Command::Aggregate;
  fix_o.command = Command::Fix;
  rules_o.command = Command::Rules;
  explain_o.command = Command::Explain;

  CLI::App app{"xxgk: validate and convert 政府信息公开工作年度报告 (annual government "
               "information disclosure reports)",
               "xxgk"};
  app.footer(k_footer);
  app.require_subcommand(1);
  app.failure_message([](const CLI::App* failed, const CLI::Error& e) {
    return "xxgk: error: " + std::string(e.what()) + "\nRun '" + failed->get_name() +
           " --help' for more information.\n";
  });
  app.set_version_flag("--version", "xxgk 0.1.0");

  // xxgk.toml: --config FILE, else the nearest one found upwards from here, unless --no-config.
  std::string config_path;
  bool no_config = false;
  app.add_flag("--no-config", no_config, "Read no xxgk.toml");
  if (!given(argc, argv, {"--no-config", "--config"})) {
    config_path = find_config();
  }
  app.set_config("--config", config_path,
                 "Read options from this TOML file (default: xxgk.toml here or in a parent)");
  app.allow_config_extras(CLI::config_extras_mode::error);

  auto* check = app.add_subcommand("check", "Check reports against the template's rules");
  check->fallthrough();
  add_paths(check, check_o);
  add_inputs(check, check_o);
  check->add_option("--format", check_o.format, format_help());
  check->add_option("--color", check_o.color,
                    "Colour in text output: auto (a terminal, unless NO_COLOR is set), always, "
                    "never");
  add_output(check, check_o);
  check->add_flag("--fix", check_o.fix,
                  "Also write corrected copies (xxgk fix) into the -o directory, mirroring the "
                  "inputs; the findings then go to stdout");
  check->add_flag("--unsafe", check_o.unsafe, "With --fix: also the unsafe fixes (docs/fix.md)");
  add_quiet_lang(check, check_o, "Report errors only");
  add_batch(check, check_o, true);
  check
      ->add_option("--select", check_o.select,
                   "Report only these rules (IDs or prefixes such as T3, EXTRACT; ALL)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--ignore", check_o.ignore, "Do not report these rules (IDs or prefixes)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check
      ->add_option("--severity", check_o.severity,
                   "Change a rule's severity: RULE=error|warning|info|off (RULE may be a prefix)")
      ->delimiter(',')
      ->allow_extra_args(false);
  check->add_option("--fail-on", check_o.fail_on,
                    "Lowest severity that makes the exit code 1: error (default), warning, info");
  check->add_option("--max-warnings", check_o.max_warnings,
                    "Exit 1 when there are more warnings than this");
  check->add_flag("--exit-zero", check_o.exit_zero,
                  "Exit 0 even when there are findings (unreadable inputs still exit 2)");
  check->add_flag("--statistics", check_o.statistics,
                  "Print the number of findings per rule instead of the findings");
  check->add_option("--baseline", check_o.baseline,
                    "Report only findings that are not in this baseline file");
  check->add_option("--write-baseline", check_o.write_baseline,
                    "Record the current findings in this baseline file (then report none)");
  check->footer(k_footer);

  auto* convert = app.add_subcommand(
      "convert", "Write the normalized report (docs/model.md), or the template's tables as a "
                 "document or workbook (docs/convert.md)");
  convert->fallthrough();
  add_paths(convert, convert_o);
  add_inputs(convert, convert_o);
  convert->add_option("--to", convert_o.to, target_help());
  add_output(convert, convert_o);
  add_quiet_lang(convert, convert_o, "On stderr, say errors only (not notes or warnings)");
  add_batch(convert, convert_o, true);

  auto* aggregate = app.add_subcommand(
      "aggregate", "Sum the tables of many reports into one (district totals; docs/batch.md)");
  aggregate->fallthrough();
  aggregate
      ->add_option("paths", aggregate_o.paths,
                   "The units' reports: files, directories (read recursively) or @lists of paths "
                   "('-' for standard input)")
      ->required();
  add_inputs(aggregate, aggregate_o);
  aggregate->add_option(
      "--to", aggregate_o.to,
      "Output of the sum: json (the normalized report), csv (one row) or text (Tika "
      "text form)");
  aggregate->add_option("--compare", aggregate_o.compare,
                        "Check this report (the district's own) against the sum, cell by cell "
                        "(X-AGG findings instead of the sum)");
  aggregate->add_option("--expect", aggregate_o.expect,
                        "A file of the units that should have reported, one name a line (# "
                        "comments); missing ones are X-MISSING findings");
  aggregate->add_option("--format", aggregate_o.format,
                        "Output format of the findings of --compare/--expect (as for check)");
  aggregate->add_option("--color", aggregate_o.color, "Colour in text output: auto, always, never");
  add_output(aggregate, aggregate_o);
  add_quiet_lang(aggregate, aggregate_o,
                 "On stderr, say errors only (not the notes on blank cells or warnings)");
  add_batch(aggregate, aggregate_o, true);
  aggregate->footer(k_aggregate_footer);

  auto* fix = app.add_subcommand(
      "fix", "Write a corrected copy where the template's arithmetic decides a cell (docs/fix.md)");
  fix->fallthrough();
  fix->add_option("paths", fix_o.paths,
                  "Report files, directories (read recursively) or @lists of paths")
      ->required();
  add_inputs(fix, fix_o);
  fix->add_option("-o,--output", fix_o.output,
                  "The corrected copy (a directory when there are several inputs: the same "
                  "relative paths under it); the input is never modified");
  fix->add_flag("--diff", fix_o.fix_diff, "List the changes, write nothing");
  fix->add_flag("--unsafe", fix_o.unsafe,
                "Also replace a filled total that disagrees with its parts when every other "
                "identity agrees with the parts");
  fix->add_option("--format", fix_o.format, "How the changes are listed: text or json");
  add_quiet_lang(fix, fix_o, "No summary line on stderr");
  add_batch(fix, fix_o, false);

  auto* rules = app.add_subcommand("rules", "List every rule with its ID, severity and title");
  rules->fallthrough();
  rules->add_option("--schema", rules_o.schema_file, "List the rules of this schema file");
  rules->add_option("--format", rules_o.format,
                    "Output: text (a table), markdown (docs/rules.md) or json");
  add_output(rules, rules_o);
  add_quiet_lang(rules, rules_o, "Accepted for uniformity (rules prints no notes)");

  auto* explain = app.add_subcommand(
      "explain", "Explain a rule: what it checks, the template text, a failing example, the fix");
  explain->fallthrough();
  explain->add_option("rules", explain_o.paths, "Rule IDs (or prefixes)")->required();
  explain->add_option("--schema", explain_o.schema_file, "Explain the rules of this schema file");
  explain->add_option("--format", explain_o.format, "Output: text or markdown");
  add_output(explain, explain_o);
  add_quiet_lang(explain, explain_o, "Accepted for uniformity (explain prints no notes)");

  // An unknown command gets a suggestion rather than CLI11's generic message.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string given_command = argv[1];
    std::string best;
    std::size_t best_distance = 3;
    bool known = false;
    for (const auto* sub : app.get_subcommands({})) {
      known = known || sub->get_name() == given_command;
      const std::size_t d = xxgk::util::edit_distance(given_command, sub->get_name());
      if (d < best_distance) {
        best_distance = d;
        best = sub->get_name();
      }
    }
    if (!known) {
      std::cerr << "xxgk: error: unknown command '" << given_command << "'"
                << (best.empty() ? std::string() : " (did you mean '" + best + "'?)")
                << "\nRun 'xxgk --help' for the commands.\n";
      return xxgk::app::k_exit_usage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ConfigError& e) {
    // CLI11 says "INI was not able to parse check.selct"; name the file and the key instead.
    std::string what = e.what();
    const std::string_view prefix = "INI was not able to parse ";
    if (what.starts_with(prefix)) {
      what = "unknown option '" + what.substr(prefix.size()) + "'";
    }
    const std::string file = app.get_option("--config")->as<std::string>();
    std::cerr << "xxgk: error: " << (file.empty() ? std::string() : file + ": ") << what
              << "\nRun 'xxgk check --help' for the options.\n";
    return xxgk::app::k_exit_usage;
  } catch (const CLI::ParseError& e) {
    app.exit(e, std::cout, std::cerr);
    return xxgk::app::k_exit_usage;
  }

  Options& o = check->parsed()       ? check_o
               : convert->parsed()   ? convert_o
               : aggregate->parsed() ? aggregate_o
               : fix->parsed()       ? fix_o
               : rules->parsed()     ? rules_o
                                     : explain_o;
  // Paths in xxgk.toml are relative to the directory that holds it.
  const std::string used_config = no_config ? "" : app.get_option("--config")->as<std::string>();
  if (!used_config.empty()) {
    const auto base = std::filesystem::path(used_config).parent_path();
    auto rebase = [&](std::string& value, std::initializer_list<std::string_view> names) {
      if (!value.empty() && value != "-" && !given(argc, argv, names) &&
          std::filesystem::path(value).is_relative()) {
        value = (base / value).lexically_normal().string();
      }
    };
    rebase(o.schema_file, {"--schema"});
    rebase(o.baseline, {"--baseline"});
    rebase(o.write_baseline, {"--write-baseline"});
    rebase(o.output, {"-o", "--output"});
    rebase(o.compare, {"--compare"});
    rebase(o.expect, {"--expect"});
  }
  if (const char* no_color = std::getenv("NO_COLOR"); no_color != nullptr && *no_color != '\0') {
    o.no_color_env = true;
  }
  if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary != nullptr) {
    o.github_step_summary = summary;
  }
  o.stdout_is_tty = ::isatty(STDOUT_FILENO) != 0;
  o.stderr_is_tty = ::isatty(STDERR_FILENO) != 0;
  return xxgk::app::run(o, std::cout, std::cerr);
}
