#include "test_helpers.hpp"

#include <xxgk/app/app.hpp>
#include <xxgk/app/batch.hpp>
#include <xxgk/document/read.hpp>
#include <xxgk/io/file.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unistd.h>

using namespace xxgk;
namespace fs = std::filesystem;

namespace {

/// A fresh directory under the system temporary directory, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("xxgk-batch-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  static int& counter() {
    static int n = 0;
    return n;
  }
};

void write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

void copy_sample(const char* name, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(fs::path(XXGK_SOURCE_DIR) / "samples" / name, to,
                fs::copy_options::overwrite_existing);
}

std::vector<std::string> names(const app::Inputs& in, const fs::path& base) {
  std::vector<std::string> out;
  for (const auto& f : in.files) {
    out.push_back(fs::path(f.path).lexically_relative(base).generic_string());
  }
  return out;
}

struct Run {
  int code;
  std::string out;
  std::string err;
};

Run run(const app::Options& o) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = app::run(o, out, err);
  return {code, out.str(), err.str()};
}

} // namespace

TEST_CASE("a directory is walked recursively in sorted order, hidden entries skipped") {
  TempDir t;
  write(t.path / "b" / "2.txt", "x");
  write(t.path / "b" / "1.txt", "x");
  write(t.path / "a.txt", "x");
  write(t.path / ".hidden.txt", "x");
  write(t.path / ".git" / "config", "x");
  const auto in = app::collect_inputs({t.path.string()}, app::Hidden::Skip);
  CHECK(names(in, t.path) == std::vector<std::string>{"a.txt", "b/1.txt", "b/2.txt"});
  CHECK(in.hidden_skipped == 2);
  CHECK(in.expanded);
  CHECK(in.files.front().origin == app::Origin::Found);

  const auto all = app::collect_inputs({t.path.string()}, app::Hidden::Include);
  CHECK(all.files.size() == 5);
  CHECK(all.hidden_skipped == 0);
}

TEST_CASE("a symlink loop is walked once and counted") {
  TempDir t;
  write(t.path / "d" / "r.txt", "x");
  fs::create_directory_symlink(t.path, t.path / "d" / "loop");
  const auto in = app::collect_inputs({t.path.string()}, app::Hidden::Skip);
  CHECK(names(in, t.path) == std::vector<std::string>{"d/r.txt"});
  CHECK(in.links_skipped == 1);
  CHECK(in.problems.empty());
}

TEST_CASE("an @list names files and directories, one per line; files given stay as given") {
  TempDir t;
  write(t.path / "one.txt", "x");
  write(t.path / "dir" / "two.txt", "x");
  write(t.path / "list.txt", "# a comment\n" + (t.path / "one.txt").string() + "\r\n\n  " +
                                 (t.path / "dir").string() + "\n");
  const auto in = app::collect_inputs(
      {"@" + (t.path / "list.txt").string(), "-", (t.path / "missing.txt").string()},
      app::Hidden::Skip);
  REQUIRE(in.files.size() == 4);
  CHECK(in.files[0].path == (t.path / "one.txt").string());
  CHECK(in.files[1].path == (t.path / "dir" / "two.txt").string());
  CHECK(in.files[3].path == (t.path / "missing.txt").string());
  CHECK(in.files[0].origin == app::Origin::Given);
  CHECK(in.files[1].origin == app::Origin::Found);
  CHECK(in.files[2].path == "-");

  const auto bad = app::collect_inputs({"@" + (t.path / "nope.txt").string()}, app::Hidden::Skip);
  CHECK(bad.files.empty());
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].message.render(diag::Lang::En).find("cannot read the list") !=
        std::string::npos);
}

TEST_CASE("run_ordered hands results on in input order whatever the number of threads") {
  for (const unsigned jobs : {1u, 2u, 8u}) {
    std::vector<int> results(200, -1);
    std::vector<int> consumed;
    app::run_ordered(
        results.size(), jobs,
        [&](std::size_t i) {
          // Later tasks finish first, to exercise the reordering.
          if (i % 7 == 0) {
            std::this_thread::yield();
          }
          results[i] = static_cast<int>(i * i);
        },
        [&](std::size_t i) { consumed.push_back(results[i]); });
    REQUIRE(consumed.size() == 200);
    for (std::size_t i = 0; i < consumed.size(); ++i) {
      CHECK(consumed[i] == static_cast<int>(i * i));
    }
  }
}

TEST_CASE("run_ordered stops starting and handing on tasks once stop() says so") {
  for (const unsigned jobs : {1u, 3u}) {
    std::atomic<bool> stop{false};
    std::atomic<int> started{0};
    std::vector<std::size_t> consumed;
    app::run_ordered(
        1000, jobs, [&](std::size_t) { ++started; },
        [&](std::size_t i) {
          consumed.push_back(i);
          if (i == 9) {
            stop = true; // as a signal arriving between reports
          }
        },
        {}, [&] { return stop.load(); });
    REQUIRE(consumed.size() == 10);
    CHECK(consumed.back() == 9);
    // Only the window of tasks already running ahead was started, not the rest.
    CHECK(started.load() < 10 + 4 * static_cast<int>(jobs) + static_cast<int>(jobs));
  }
}

TEST_CASE("run_ordered passes a task's exception on to the caller") {
  CHECK_THROWS_AS(app::run_ordered(
                      50, 4,
                      [](std::size_t i) {
                        if (i == 10) {
                          throw std::runtime_error("boom");
                        }
                      },
                      [](std::size_t) {}),
                  std::runtime_error);
}

TEST_CASE("OrderedTasks: results taken one at a time, in order, within the window") {
  for (const unsigned jobs : {1u, 2u, 5u}) {
    CAPTURE(jobs);
    const std::size_t window = app::ordered_window(jobs);
    std::vector<std::unique_ptr<int>> slots(window);
    std::atomic<std::size_t> taken{0};
    std::atomic<bool> overran{false};
    app::OrderedTasks tasks(300, jobs, [&](std::size_t i) {
      // A task never starts a window or more ahead of the results taken.
      if (i >= taken.load() + window) {
        overran = true;
      }
      if (i % 5 == 0) {
        std::this_thread::yield();
      }
      slots[i % window] = std::make_unique<int>(static_cast<int>(3 * i));
    });
    for (std::size_t i = 0; i < 300; ++i) {
      REQUIRE(tasks.wait(i));
      const std::unique_ptr<int> v = std::move(slots[i % window]);
      REQUIRE(v);
      CHECK(*v == static_cast<int>(3 * i));
      taken = i + 1;
      tasks.consumed(i);
    }
    CHECK(tasks.finished() == 300);
    tasks.finish();
    CHECK_FALSE(overran.load());
  }
}

TEST_CASE("OrderedTasks: a failed task stops wait(); finish() rethrows; the owner may stop early") {
  for (const unsigned jobs : {1u, 3u}) {
    app::OrderedTasks tasks(100, jobs, [](std::size_t i) {
      if (i == 4) {
        throw std::runtime_error("boom");
      }
    });
    std::size_t reached = 0;
    while (reached < 100 && tasks.wait(reached)) {
      tasks.consumed(reached++);
    }
    CHECK(reached <= 4); // with threads, task 4 may fail before result 3 is asked for
    CHECK_THROWS_AS(tasks.finish(), std::runtime_error);
  }
  // Destroyed after taking only a few results: the threads stop, nothing hangs.
  std::atomic<int> ran{0};
  {
    app::OrderedTasks tasks(10000, 2, [&](std::size_t) { ++ran; });
    REQUIRE(tasks.wait(0));
    tasks.consumed(0);
  }
  CHECK(ran.load() < 100);
}

TEST_CASE("check of a directory skips files that are not reports and is the same with -j 1 and "
          "-j 3") {
  TempDir t;
  copy_sample("hongxing-2021.txt", t.path / "a" / "hongxing-2021.txt");
  copy_sample("dongfanghong-2023.txt", t.path / "b" / "dongfanghong-2023.txt");
  copy_sample("invalid/T3-BAL.txt", t.path / "b" / "c" / "T3-BAL.txt");
  copy_sample("qingshan-county-2022.txt", t.path / "z" / "qingshan.txt");
  copy_sample("lishui-bureau-2020.txt", t.path / "z" / "lishui.txt");
  write(t.path / "notes.txt", "meeting notes, nothing to check\n");
  write(t.path / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  write(t.path / "empty.txt", "");
  write(t.path / ".draft.txt", "x");

  app::Options o;
  o.paths = {t.path.string()};
  o.format = "json";
  o.jobs = 1;
  const Run serial = run(o);
  CHECK(serial.code == 1); // T3-BAL
  CHECK(serial.out.find("notes.txt") == std::string::npos);
  CHECK(serial.out.find("T3-BAL.txt") != std::string::npos);
  CHECK(serial.err.find("xxgk: 检查了 5 份报告：") != std::string::npos);
  CHECK(serial.err.find("跳过 4 个：3 个不是报告，1 个隐藏") != std::string::npos);
  CHECK(serial.err.find("最常见的规则：") != std::string::npos);
  for (const int jobs : {2, 3}) {
    o.jobs = jobs;
    const Run parallel = run(o);
    CHECK(parallel.code == serial.code);
    CHECK(parallel.out == serial.out);
    CHECK(parallel.err == serial.err);
  }
  o.format = "text";
  o.quiet = true;
  CHECK(run(o).err.find("xxgk: checked") == std::string::npos); // no summary with --quiet
}

TEST_CASE("a broken report form found in a directory is still reported") {
  TempDir t;
  // Zip magic: looks like a Word document, but is not a readable one.
  write(t.path / "broken.docx", std::string("PK\x03\x04garbage-not-a-zip", 21));
  app::Options o;
  o.paths = {t.path.string()};
  const Run r = run(o);
  CHECK(r.code == 2);
  CHECK(r.err.find("broken.docx") != std::string::npos);
}

TEST_CASE("an unreadable @list is reported and exits 2, the other inputs are still checked") {
  TempDir t;
  app::Options o;
  o.paths = {"@" + (t.path / "nope.txt").string(),
             std::string(XXGK_SOURCE_DIR) + "/samples/hongxing-2021.txt"};
  o.format = "json";
  const Run r = run(o);
  CHECK(r.code == 2);
  CHECK(r.err.find("无法读取列表：") != std::string::npos);
  CHECK(r.out.find("hongxing-2021.txt") != std::string::npos);
}

TEST_CASE("cross-document checks past the kept summaries read the pairing reports again") {
  // 300 reports of different agencies (no pairs), then a 2021/2022 pair with a planted X-CARRY:
  // the pair lies beyond the summaries kept in memory, so it is found by reading them again.
  TempDir t;
  const std::string sample = test::repo_file("samples/qingshan-county-2022.txt");
  for (int i = 0; i < 300; ++i) {
    std::string text = sample;
    const std::string name = "青山县人民政府";
    text.replace(text.find(name), name.size(), "第" + std::to_string(i) + "单位");
    write(t.path / ("a" + std::to_string(1000 + i) + ".txt"), text);
  }
  copy_sample("batch/X-CARRY/红星镇-2021.txt", t.path / "z" / "2021.txt");
  copy_sample("batch/X-CARRY/红星镇-2022.txt", t.path / "z" / "2022.txt");
  app::Options o;
  o.paths = {t.path.string()};
  o.format = "json";
  o.jobs = 1;
  const Run serial = run(o);
  CHECK(serial.code == 1);
  const auto j = nlohmann::json::parse(serial.out);
  REQUIRE(j["cross_document"].size() == 1);
  CHECK(j["cross_document"][0]["source"].get<std::string>().ends_with("z/2022.txt"));
  CHECK(j["cross_document"][0]["diagnostics"][0]["rule"] == "X-CARRY");
  // The full location came back from reading the report again.
  CHECK(j["cross_document"][0]["diagnostics"][0]["location"]["table"] == "三");
  CHECK(j["summary"]["reports"] == 302);
  o.jobs = 2;
  CHECK(run(o).out == serial.out);
}

TEST_CASE("a read error is 'not a report' by its kind, never by its text") {
  const auto empty = document::read("", {});
  REQUIRE_FALSE(empty);
  CHECK(empty.error().kind == util::ErrorKind::Empty);
  CHECK(app::is_not_a_report(empty.error()));
  const auto binary = document::read(std::string("\x01\x02\0\x03 binary", 10), {});
  REQUIRE_FALSE(binary);
  CHECK(binary.error().kind == util::ErrorKind::NotAReport);
  CHECK(app::is_not_a_report(binary.error()));
  const auto missing = io::read_file("no/such/dir/report.txt");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == util::ErrorKind::NotFound);
  CHECK_FALSE(app::is_not_a_report(missing.error()));
  // A text that says so does not make it one.
  static constexpr diag::MessageTemplate k_says{"test.says", "不是报告文档：文件为空",
                                                "not a report document: the file is empty"};
  CHECK_FALSE(app::is_not_a_report(util::Error::of(util::ErrorKind::Malformed, {&k_says, {}})));
  CHECK_FALSE(app::is_not_a_report(util::Error::of(util::ErrorKind::Io, {&k_says, {}})));
}
