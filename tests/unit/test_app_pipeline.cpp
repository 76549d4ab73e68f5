#include "../../src/app/pipeline.hpp"
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <any>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace xxgk;

namespace {

/// A directory of `n` copies of a bundled sample and one file that is not a report.
struct Batch {
  std::filesystem::path path;
  explicit Batch(int n) {
    path = std::filesystem::temp_directory_path() /
           ("xxgk-test-pipeline-" + std::to_string(::getpid()));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
    const std::string sample = test::repo_file("samples/qingshan-county-2022.txt");
    for (int i = 0; i < n; ++i) {
      std::ofstream(path / ("r" + std::to_string(100 + i) + ".txt"), std::ios::binary) << sample;
    }
    std::ofstream(path / "notes.txt") << "not a report\n";
  }
  ~Batch() { std::filesystem::remove_all(path); }
};

} // namespace

TEST_CASE("read_batch: prepare runs on the reading thread, its value reaches each in order") {
  const Batch batch(12);
  app::Options o;
  o.paths = {batch.path.string()};
  const auto templates = app::load_templates(o);
  for (const int jobs : {1, 3}) {
    CAPTURE(jobs);
    o.jobs = jobs;
    std::mutex mutex;
    std::set<std::thread::id> preparers;
    std::vector<std::string> sources;
    std::ostringstream err;
    const app::BatchInputs b = app::read_batch(
        o, templates, err,
        [&](const emit::ReportResult& r) -> std::any {
          const std::lock_guard lock(mutex);
          preparers.insert(std::this_thread::get_id());
          return r.source + "|" + std::to_string(r.report.year.value_or(0));
        },
        [&](emit::ReportResult&& r, std::any&& prepared) {
          const auto* p = std::any_cast<std::string>(&prepared);
          REQUIRE(p != nullptr);
          CHECK(*p == r.source + "|" + std::to_string(r.report.year.value_or(0)));
          sources.push_back(r.source);
        });
    CHECK(err.str().empty());
    CHECK(b.not_reports == 1); // notes.txt: skipped, nothing prepared for it
    REQUIRE(sources.size() == 12);
    CHECK(std::is_sorted(sources.begin(), sources.end())); // input order
    CHECK(sources.front().ends_with("r100.txt"));
    if (jobs == 1) {
      CHECK(preparers.size() == 1);
    }
  }
}

TEST_CASE("read_batch without prepare hands on the same results") {
  const Batch batch(3);
  app::Options o;
  o.paths = {batch.path.string()};
  o.jobs = 2;
  const auto templates = app::load_templates(o);
  std::vector<std::string> sources;
  std::ostringstream err;
  (void)app::read_batch(o, templates, err,
                        [&](emit::ReportResult&& r) { sources.push_back(r.source); });
  REQUIRE(sources.size() == 3);
  CHECK(sources.back().ends_with("r102.txt"));
}

TEST_CASE("read_batch skips a found file that mentions 信息公开 but shows nothing of a report") {
  const Batch batch(1);
  // A README of a report repository: it names the reports, but has no table, no section heading
  // and no year in its title.
  const auto readme = batch.path / "README.md";
  std::ofstream(readme) << "# 政府信息公开工作年度报告（抓取）\n\n每个文件是一份报告的网页正文。\n";
  // A page with a report's title and nothing else is kept: it is reported (its tables missing).
  std::ofstream(batch.path / "title-only.txt")
      << "青山县人民政府2022年政府信息公开工作年度报告\n\n全文见附件。\n";
  app::Options o;
  o.paths = {batch.path.string()};
  const auto templates = app::load_templates(o);
  std::vector<std::string> sources;
  std::ostringstream err;
  const app::BatchInputs b = app::read_batch(
      o, templates, err, [&](emit::ReportResult&& r) { sources.push_back(r.source); });
  CHECK(b.not_reports == 2); // README.md and notes.txt
  REQUIRE(b.not_report_paths.size() == 2);
  CHECK(b.not_report_paths[0] == readme.string());
  REQUIRE(sources.size() == 2);
  CHECK(sources[0].ends_with("r100.txt"));
  CHECK(sources[1].ends_with("title-only.txt"));

  // Named on the command line, the same README is checked as a report (and fails).
  o.paths = {readme.string()};
  sources.clear();
  (void)app::read_batch(o, templates, err,
                        [&](emit::ReportResult&& r) { sources.push_back(r.source); });
  CHECK(sources.size() == 1);
}
