// xxgk: a thin main. Parses argv into app::Options with CLI11 and calls app::run.

#include <xxgk/app/app.hpp>
#include <xxgk/util/text.hpp>

#include <CLI/CLI.hpp>

#include <iostream>
#include <unistd.h>

namespace {

constexpr const char* k_footer = R"(Exit codes:
  0  no report has an error
  1  at least one report has an error
  2  usage error, or an input could not be read

Inputs are detected by content: the Tika-style text form (each table cell a line starting with
TAB), UTF-8 with or without BOM. See README.md and docs/ for details.
)";

void add_common(CLI::App* cmd, xxgk::app::Options& o) {
  cmd->add_option("paths", o.paths, "Report files to read ('-' for standard input)")->required();
  cmd->add_option("--template", o.template_id, "Use this template instead of detecting it")
      ->check(CLI::IsMember({"2019", "2021"}));
  cmd->add_option("--schema", o.schema_file, "Use the template and rules in this schema file");
  cmd->add_option("--input-format", o.input_format, "Read inputs as this form (default: detect)");
  cmd->add_option("--encoding", o.encoding, "Decode text inputs with this encoding (default: detect)");
}

} // namespace

int main(int argc, char** argv) {
  xxgk::app::Options o;
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

  auto* check = app.add_subcommand("check", "Check reports against the template's rules");
  add_common(check, o);
  check->add_option("--format", o.format, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  check->add_option("--color", o.color, "Colour: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->footer(k_footer);

  auto* convert = app.add_subcommand("convert", "Write the normalized report (spec/model.md)");
  add_common(convert, o);
  convert->add_option("--to", o.to, "Output: json")->check(CLI::IsMember({"json"}));

  auto* rules = app.add_subcommand("rules", "List every rule with its ID, severity and description");
  rules->add_option("--schema", o.schema_file, "List the rules of this schema file");
  rules->add_option("--format", o.format, "Output: text (a table) or markdown (docs/rules.md)")
      ->check(CLI::IsMember({"text", "markdown"}));

  // An unknown command gets a suggestion rather than CLI11's generic message.
  if (argc > 1 && argv[1][0] != '-') {
    const std::string given = argv[1];
    std::string best;
    std::size_t best_distance = 3;
    bool known = false;
    for (const auto* sub : app.get_subcommands({})) {
      known = known || sub->get_name() == given;
      const std::size_t d = xxgk::util::edit_distance(given, sub->get_name());
      if (d < best_distance) {
        best_distance = d;
        best = sub->get_name();
      }
    }
    if (!known) {
      std::cerr << "xxgk: error: unknown command '" << given << "'"
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
  } catch (const CLI::ParseError& e) {
    app.exit(e, std::cout, std::cerr);
    return xxgk::app::k_exit_usage;
  }
  if (check->parsed()) {
    o.command = xxgk::app::Command::Check;
  } else if (convert->parsed()) {
    o.command = xxgk::app::Command::Convert;
  } else {
    o.command = xxgk::app::Command::Rules;
  }
  if (const char* no_color = std::getenv("NO_COLOR"); no_color != nullptr && *no_color != '\0' &&
                                                      o.color == "auto") {
    o.color = "never";
  }
  o.stdout_is_tty = ::isatty(STDOUT_FILENO) != 0;
  return xxgk::app::run(o, std::cout, std::cerr);
}
