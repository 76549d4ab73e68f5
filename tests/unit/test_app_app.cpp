#include "test_helpers.hpp"

#include <xxgk/app/app.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace xxgk;

namespace {
struct Run {
  int code;
  std::string out;
  std::string err;
};
Run run(app::Options o) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = app::run(o, out, err);
  return {code, out.str(), err.str()};
}
std::string sample(const char* name) {
  return std::string(XXGK_SOURCE_DIR) + "/samples/" + name;
}
} // namespace

TEST_CASE("check exits 0 on the bundled sample and prints its warnings") {
  app::Options o;
  o.paths = {sample("dongfanghong-2023.txt")};
  const Run r = run(o);
  CHECK(r.code == 0);
  CHECK(r.out.find("[X-FMT]") != std::string::npos);
  CHECK(r.out.find("[S-FEE]") != std::string::npos); // 2023 report: 六 says nothing of fees
  CHECK(r.out.find("共检查 1 份报告：0 个错误，5 个警告") != std::string::npos);
}

TEST_CASE("check exits 1 when a report has an error") {
  app::Options o;
  o.paths = {sample("invalid/T3-BAL.txt")};
  CHECK(run(o).code == 1);
}

TEST_CASE("an unreadable input exits 2 with a message naming the file") {
  app::Options o;
  o.paths = {"/nonexistent/report.txt"};
  const Run r = run(o);
  CHECK(r.code == 2);
  CHECK(r.err == "xxgk: error: /nonexistent/report.txt: 文件不存在\n");
  o.lang = "en";
  CHECK(run(o).err == "xxgk: error: /nonexistent/report.txt: no such file\n");
}

TEST_CASE("JSON output has the documented shape") {
  app::Options o;
  o.paths = {sample("dongfanghong-2023.txt")};
  o.format = "json";
  const Run r = run(o);
  const auto j = nlohmann::json::parse(r.out);
  const auto& rep = j["reports"][0];
  CHECK(rep["template"] == "2019");
  CHECK(rep["year"] == 2023);
  CHECK(rep["agency"] == "东方红乡");
  CHECK(rep["errors"] == 0);
  CHECK(rep["warnings"] == 5);
  CHECK(rep["diagnostics"][0].contains("location"));
  CHECK(j["summary"]["reports"] == 1);
}

TEST_CASE("convert prints the normalized report with null for blank cells") {
  app::Options o;
  o.command = app::Command::Convert;
  o.paths = {sample("dongfanghong-2023.txt")};
  const Run r = run(o);
  CHECK(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["requests"]["new_received"]["total"] == 0);
  CHECK(j["requests"]["new_received"]["natural_person"].is_null());
  CHECK(j["active"]["procurement"]["amount"].is_null());
}

TEST_CASE("--template forces a template and unknown ones are usage errors") {
  app::Options o;
  o.paths = {sample("hongxing-2021.txt")};
  o.template_id = "2019";
  CHECK(run(o).code == 1); // the 2021 tables do not fit the 2019 template
  o.template_id = "2030";
  const Run r = run(o);
  CHECK(r.code == 2);
  CHECK(r.err.find("unknown template '2030'") != std::string::npos);
}

TEST_CASE("--schema with a broken file is a usage error naming it") {
  app::Options o;
  o.paths = {sample("hongxing-2021.txt")};
  o.schema_file = std::string(XXGK_SOURCE_DIR) + "/CMakeLists.txt";
  const Run r = run(o);
  CHECK(r.code == 2);
  CHECK(r.err.find("CMakeLists.txt: JSON 无效：") != std::string::npos);
}

TEST_CASE("rules lists every rule of both templates") {
  app::Options o;
  o.command = app::Command::Rules;
  const Run r = run(o);
  for (const char* id : {"T3-ROW", "T3-DISP", "T3-BAL", "T4-SUM-A", "T2-SIGN", "X-FMT"}) {
    CHECK(r.out.find(id) != std::string::npos);
  }
}

namespace {

/// A fresh empty directory under the system temporary directory, removed at scope exit.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("xxgk-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  [[nodiscard]] std::string file(const char* name) const { return (path / name).string(); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool has(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

app::Options check_of(std::vector<std::string> samples) {
  app::Options o;
  for (auto& s : samples) {
    s = sample(s.c_str());
  }
  o.paths = std::move(samples);
  return o;
}

} // namespace

TEST_CASE("every output format runs and an unknown one is a usage error with a suggestion") {
  for (const auto& [name, description] : app::output_formats()) {
    app::Options o = check_of({"invalid/T3-ROW.txt"});
    o.format = name;
    const Run r = run(o);
    INFO(name);
    CHECK(r.code == 1);
    CHECK_FALSE(r.out.empty());
  }
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.format = "sarf";
  const Run r = run(o);
  CHECK(r.code == 2);
  CHECK(has(r.err, "unknown output format 'sarf' (did you mean 'sarif'?)"));
  CHECK(r.out.empty());
}

TEST_CASE("--select and --ignore take rule IDs and prefixes; the longest match decides") {
  app::Options o = check_of({"invalid/T3-ROW.txt", "dongfanghong-2023.txt"});
  o.format = "json";
  auto rules_in = [](const Run& r) {
    std::set<std::string> ids;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& rep : j["reports"]) {
      for (const auto& d : rep["diagnostics"]) {
        ids.insert(d["rule"].get<std::string>());
      }
    }
    return ids;
  };
  o.select = {"T3"};
  CHECK(rules_in(run(o)) == std::set<std::string>{"T3-BLANK", "T3-ROW"});
  o.select = {"T3", "X-FMT"};
  o.ignore = {"T3-B"};
  CHECK(rules_in(run(o)) == std::set<std::string>{"T3-ROW", "X-FMT"});
  o.select = {"T3-BLANK"};
  o.ignore = {"T3"}; // the longer selector wins
  CHECK(rules_in(run(o)) == std::set<std::string>{"T3-BLANK"});
  o.select = {};
  o.ignore = {"ALL"};
  const Run none = run(o);
  CHECK(rules_in(none).empty());
  CHECK(none.code == 0);
}

TEST_CASE(
    "an unknown rule in --select, --ignore or --severity is a usage error with a suggestion") {
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.select = {"T3-RWO"};
  Run r = run(o);
  CHECK(r.code == 2);
  CHECK(r.err == "xxgk: error: --select: unknown rule 'T3-RWO' (did you mean 'T3-ROW'?); 'xxgk "
                 "rules' lists the rules\n");
  o.select = {};
  o.ignore = {"EXTRCT"};
  r = run(o);
  CHECK(r.code == 2);
  CHECK(has(r.err, "--ignore: unknown rule 'EXTRCT' (did you mean 'EXTRACT'?)"));
  o.ignore = {};
  o.severity = {"T3-ROW=fatal"};
  r = run(o);
  CHECK(r.code == 2);
  CHECK(has(r.err, "unknown severity 'fatal'"));
  o.severity = {"T3-ROW"};
  CHECK(run(o).code == 2);
}

TEST_CASE("--severity changes a rule's severity or turns it off") {
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.severity = {"T3-ROW=warning"};
  Run r = run(o);
  CHECK(r.code == 0);
  CHECK(has(r.out, "warning: 表三行合计不符"));
  o.severity = {"T3=off"};
  r = run(o);
  CHECK(r.code == 0);
  CHECK_FALSE(has(r.out, "[T3-ROW]"));
  o.severity = {"T2-EMPTY=error"};
  o.paths = {sample("dongfanghong-2023.txt")};
  CHECK(run(o).code == 1);
}

TEST_CASE("exit codes: --fail-on, --max-warnings and --exit-zero") {
  app::Options o = check_of({"dongfanghong-2023.txt"});
  CHECK(run(o).code == 0); // warnings only
  o.fail_on = "warning";
  CHECK(run(o).code == 1);
  o.fail_on = "error";
  o.max_warnings = 100;
  CHECK(run(o).code == 0);
  o.max_warnings = 1;
  Run r = run(o);
  CHECK(r.code == 1);
  CHECK(has(r.err, "超过 --max-warnings 1"));
  o.exit_zero = true;
  CHECK(run(o).code == 0);
  o.paths.push_back("/nonexistent/report.txt");
  CHECK(run(o).code == 2); // unreadable input stays 2
}

TEST_CASE("--quiet reports errors only and --statistics counts per rule") {
  app::Options o = check_of({"invalid/T3-ROW.txt", "dongfanghong-2023.txt"});
  o.quiet = true;
  Run r = run(o);
  CHECK(r.code == 1);
  CHECK(has(r.out, "[T3-ROW]"));
  CHECK_FALSE(has(r.out, "warning:"));
  o.quiet = false;
  o.statistics = true;
  r = run(o);
  CHECK(has(r.out, "    2  T3-ROW "));
  CHECK_FALSE(has(r.out, "[T3-ROW]"));
  o.format = "sarif";
  CHECK(run(o).code == 2);
}

TEST_CASE("colour follows --color, the terminal and NO_COLOR") {
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  CHECK_FALSE(has(run(o).out, "\x1b["));
  o.stdout_is_tty = true;
  CHECK(has(run(o).out, "\x1b["));
  o.no_color_env = true;
  CHECK_FALSE(has(run(o).out, "\x1b["));
  o.color = "always";
  CHECK(has(run(o).out, "\x1b["));
  o.color = "never";
  o.no_color_env = false;
  CHECK_FALSE(has(run(o).out, "\x1b["));
  o.color = "sometimes";
  CHECK(run(o).code == 2);
}

TEST_CASE("--lang en writes English titles and message frames") {
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.lang = "en";
  const Run r = run(o);
  CHECK(has(r.out, "error: Table 3 row total does not add up: "));
  o.lang = "fr";
  CHECK(run(o).code == 2);
}

TEST_CASE("a baseline written for a run suppresses those findings and reports new ones") {
  const TempDir dir;
  const std::string baseline = dir.file("baseline.json");
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.write_baseline = baseline;
  Run r = run(o);
  CHECK(r.code == 0);
  CHECK(has(r.err, "xxgk: 已把 2 条发现写入基线 "));
  const auto b = nlohmann::json::parse(slurp(baseline));
  CHECK(b["version"] == 1);
  CHECK(b["findings"].size() == 2);

  // The same report with lines moved and one more error: only the new error is reported.
  std::string text = test::repo_file("samples/invalid/T3-ROW.txt");
  const auto eol = text.find('\n');
  text = text.substr(0, eol + 1) + "\n（修订说明）\n" + text.substr(eol + 1);
  const std::string edited = dir.file("edited.txt");
  { std::ofstream(edited, std::ios::binary) << text; }
  app::Options again;
  again.paths = {edited};
  again.baseline = baseline;
  again.format = "json";
  r = run(again);
  CHECK(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["reports"][0]["diagnostics"].empty());
  CHECK(j["summary"]["baselined"] == 2);

  again.paths = {sample("invalid/T3-ROW.txt"), sample("invalid/T2-SIGN.txt")};
  r = run(again);
  CHECK(r.code == 1);
  const auto k = nlohmann::json::parse(r.out);
  CHECK(k["reports"][0]["diagnostics"].empty());
  CHECK(k["reports"][1]["diagnostics"][0]["rule"] == "T2-SIGN");

  again.baseline = dir.file("missing.json");
  CHECK(run(again).code == 2);
  again.baseline = sample("dongfanghong-2023.txt");
  r = run(again);
  CHECK(r.code == 2);
  CHECK(has(r.err, "不是 xxgk 基线文件"));
  again.lang = "en";
  CHECK(has(run(again).err, "not an xxgk baseline"));
}

TEST_CASE("-o writes the output atomically and a failed run leaves no file") {
  const TempDir dir;
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.format = "json";
  o.output = dir.file("out.json");
  Run r = run(o);
  CHECK(r.code == 1);
  CHECK(r.out.empty());
  CHECK(nlohmann::json::parse(slurp(o.output))["summary"]["errors"] == 2);

  o.output = dir.file("failed.json");
  o.select = {"NO-SUCH-RULE"};
  r = run(o);
  CHECK(r.code == 2);
  CHECK_FALSE(std::filesystem::exists(o.output));

  o.select = {};
  o.output = dir.file("no/such/dir/out.json");
  r = run(o);
  CHECK(r.code == 2);
  CHECK(has(r.err, "no/such/dir/out.json: "));
  // Nothing but the one complete output was left behind (no temporary files).
  std::size_t files = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir.path)) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("format github appends a Markdown summary to $GITHUB_STEP_SUMMARY") {
  const TempDir dir;
  const std::string summary = dir.file("summary.md");
  { std::ofstream(summary) << "earlier step\n"; }
  app::Options o = check_of({"invalid/T3-ROW.txt"});
  o.format = "github";
  o.github_step_summary = summary;
  const Run r = run(o);
  CHECK(r.code == 1);
  CHECK(r.out.starts_with("::error file="));
  const std::string md = slurp(summary);
  CHECK(md.starts_with("earlier step\n## xxgk: 共检查 1 份报告：2 个错误，0 个警告\n"));
}

TEST_CASE("explain describes a rule, and an unknown rule gets a suggestion") {
  app::Options o;
  o.command = app::Command::Explain;
  o.paths = {"T3-ROW"};
  Run r = run(o);
  CHECK(r.code == 0);
  CHECK(r.out.starts_with("T3-ROW  表三行合计不符\n"));
  CHECK(has(r.out, "samples/invalid/T3-ROW.txt"));
  CHECK(has(r.out, "修改方法:"));
  o.lang = "en";
  r = run(o);
  CHECK(r.out.starts_with("T3-ROW  Table 3 row total does not add up\n"));
  CHECK(has(r.out, "How to fix:"));
  o.paths = {"T4-SUM"};
  r = run(o);
  CHECK(has(r.out, "T4-SUM-A"));
  CHECK(has(r.out, "T4-SUM-C"));
  o.paths = {"T3-RWO"};
  r = run(o);
  CHECK(r.code == 2);
  CHECK(has(r.err, "unknown rule 'T3-RWO' (did you mean 'T3-ROW'?)"));
}

TEST_CASE("rules lists the extraction and reader rules too, also as JSON") {
  app::Options o;
  o.command = app::Command::Rules;
  o.format = "json";
  const auto j = nlohmann::json::parse(run(o).out);
  std::set<std::string> ids;
  for (const auto& r : j) {
    ids.insert(r["id"].get<std::string>());
    CHECK_FALSE(r["title"].get<std::string>().empty());
  }
  CHECK(ids.count("EXTRACT-FUZZY") == 1);
  CHECK(ids.count("READ-REVISIONS") == 1);
  CHECK(ids.count("T3-ROW") == 1);
}

TEST_CASE("--limit lowers a limit; an unknown limit or a bad value is a usage error") {
  app::Options o;
  o.paths = {sample("hongxing-2021.txt")};
  o.limits = {"max_line_bytes=40"};
  Run r = run(o);
  CHECK(r.code == app::k_exit_usage);
  CHECK(r.out.find("超过上限 40（max_line_bytes）") != std::string::npos);
  o.limits = {"max_line_bytes=64K"};
  CHECK(run(o).code == app::k_exit_clean);
  o.limits = {"max_lines=40"};
  r = run(o);
  CHECK(r.code == app::k_exit_usage);
  CHECK(r.err.find("未知的上限「max_lines」") != std::string::npos);
  CHECK(r.out.empty());
  o.limits = {"max_cells=0"};
  CHECK(run(o).code == app::k_exit_usage);
}
