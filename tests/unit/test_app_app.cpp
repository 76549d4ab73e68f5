#include "test_helpers.hpp"

#include <xxgk/app/app.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>

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
std::string sample(const char* name) { return std::string(XXGK_SOURCE_DIR) + "/samples/" + name; }
} // namespace

TEST_CASE("check exits 0 on the bundled sample and prints its warnings") {
  app::Options o;
  o.paths = {sample("dongfanghong-2023.txt")};
  const Run r = run(o);
  CHECK(r.code == 0);
  CHECK(r.out.find("[X-FMT]") != std::string::npos);
  CHECK(r.out.find("[S-FEE]") != std::string::npos); // 2023 report: 六 says nothing of fees
  CHECK(r.out.find("1 report checked: 0 errors, 5 warnings") != std::string::npos);
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
  CHECK(r.err == "xxgk: error: /nonexistent/report.txt: no such file\n");
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
  CHECK(r.err.find("CMakeLists.txt: invalid JSON") != std::string::npos);
}

TEST_CASE("rules lists every rule of both templates") {
  app::Options o;
  o.command = app::Command::Rules;
  const Run r = run(o);
  for (const char* id : {"T3-ROW", "T3-DISP", "T3-BAL", "T4-SUM-A", "T2-SIGN", "X-FMT"}) {
    CHECK(r.out.find(id) != std::string::npos);
  }
}
