// The application (app.hpp): checks the options every command shares, dispatches to the command,
// and writes -o atomically; an interrupt or a usage error leaves no output file.

#include "commands.hpp"
#include "fix.hpp"
#include "messages.hpp"
#include "options.hpp"
#include "pipeline.hpp"

#include <xxgk/app/app.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <functional>

namespace xxgk::app {

namespace {

int dispatch(const Options& options, std::ostream& out, std::ostream& err) {
  switch (options.command) {
  case Command::Check:
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    return run_check(options, out, err);
  case Command::Convert:
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    return run_convert(options, out, err);
  case Command::Aggregate:
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    return run_aggregate(options, out, err);
  case Command::Fix: {
    if (options.paths.empty()) {
      throw UsageError{"no input files"};
    }
    const auto templates = load_templates(options);
    return run_fix(
        options, templates,
        [&](const std::function<void(emit::ReportResult &&)>& each) {
          const BatchInputs b = read_batch(options, templates, err, each);
          return b.inputs.problems.empty();
        },
        out, err);
  }
  case Command::Rules:
    return run_rules(options, out);
  case Command::Explain:
    if (options.paths.empty()) {
      throw UsageError{"which rule? (xxgk explain RULE; 'xxgk rules' lists them)"};
    }
    return run_explain(options, out);
  }
  return k_exit_usage;
}

} // namespace

std::vector<std::pair<std::string, std::string>> output_formats() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : emit::formats()) {
    out.emplace_back(f.name, f.description);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> limit_names() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : document::limit_infos()) {
    // As --limit takes them: 256M rather than 268435456.
    std::string value = std::to_string(l.default_value);
    for (const auto& [shift, suffix] : {std::pair{30, "G"}, {20, "M"}, {10, "K"}}) {
      const std::size_t unit = std::size_t{1} << shift;
      if (l.default_value >= unit && l.default_value % unit == 0) {
        value = fmt::format("{}{}", l.default_value / unit, suffix);
        break;
      }
    }
    out.emplace_back(std::string(l.name), fmt::format("{} (default {})", l.description, value));
  }
  return out;
}

int run(const Options& given, std::ostream& out, std::ostream& err) {
  // An interrupt (SIGINT/SIGTERM, io/signals.hpp) stops the batch between reports; the run then
  // writes no output file and exits 130 or 143.
  const diag::Lang lang = message_lang(given);
  const auto interrupted = [&err, lang] {
    err << "xxgk: " << msg::text(lang, msg::k_interrupted) << "\n";
    return io::interrupt_exit_code();
  };
  try {
    Options options = given;
    if (!options.input_format.empty()) {
      // Checked before any input is read: a misspelt name is one usage error, not one per file.
      std::vector<std::pair<std::string, std::string>> forms;
      for (const auto& f : document::input_formats()) {
        forms.emplace_back(f, f);
      }
      choose("input format (--input-format)", options.input_format, forms);
    }
    for (const auto& assignment : given.limits) {
      if (auto set = document::set_limit(options.read_limits, assignment); !set) {
        throw UsageError{fmt::format("--limit: {}", set.error().text(lang))};
      }
    }
    if (options.command == Command::Check && options.fix) {
      // check --fix -o DIR: the fixed copies go into DIR (the changes listed on stderr), then the
      // inputs are checked as usual, the findings on stdout.
      if (options.output.empty()) {
        throw UsageError{"check --fix writes the fixed copies into a directory: give -o DIR"};
      }
      Options fixing = options;
      fixing.command = Command::Fix;
      fixing.format = "text";
      const int fixed = dispatch(fixing, err, err);
      if (io::interrupted()) {
        return interrupted();
      }
      Options checking = options;
      checking.output.clear();
      const int code = dispatch(checking, out, err);
      return io::interrupted() ? interrupted() : std::max(code, fixed);
    }
    if (options.output.empty() || options.command == Command::Fix) { // fix: -o is the copy
      const int code = dispatch(options, out, err);
      return io::interrupted() ? interrupted() : code;
    }
    // -o: the output goes into a temporary file as it is written (memory does not grow with it)
    // and is renamed into place only when the run got to its end: a usage error or an interrupt
    // leaves no file.
    auto file = io::AtomicFile::create(options.output);
    if (!file) {
      throw UsageError{fmt::format("{}: {}", options.output, file.error().text(lang))};
    }
    const int code = dispatch(options, (*file)->stream(), err);
    if (io::interrupted()) {
      return interrupted();
    }
    if (auto w = (*file)->commit(); !w) {
      if (io::interrupted()) {
        return interrupted();
      }
      throw UsageError{fmt::format("{}: {}", options.output, w.error().text(lang))};
    }
    return code;
  } catch (const UsageError& e) {
    err << "xxgk: error: " << e.message << "\n";
    return k_exit_usage;
  }
}

} // namespace xxgk::app
