// `xxgk convert`: its --to targets come from one table, which --help, the usage error and the
// dispatcher all read.

#include "test_helpers.hpp"

#include <xxgk/app/app.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace xxgk;

namespace {

struct Converted {
  int code;
  std::string out;
  std::string err;
};

Converted convert_to(const std::string& to) {
  app::Options o;
  o.command = app::Command::Convert;
  o.paths = {std::string(XXGK_SOURCE_DIR) + "/samples/dongfanghong-2023.txt"};
  o.to = to;
  std::ostringstream out;
  std::ostringstream err;
  const int code = app::run(o, out, err);
  return {code, out.str(), err.str()};
}

} // namespace

TEST_CASE("every --to target of the table converts a report") {
  const auto targets = app::convert_targets();
  REQUIRE(targets.size() >= 7);
  for (const auto& [name, description] : targets) {
    CAPTURE(name);
    CHECK(!description.empty());
    const Converted c = convert_to(name);
    CHECK(c.code == app::k_exit_clean);
    CHECK(!c.out.empty());
    CHECK(c.err.find("unknown conversion target") == std::string::npos);
  }
}

TEST_CASE("an unknown --to names every target of the table, in its order") {
  const Converted c = convert_to("jsn");
  CHECK(c.code == app::k_exit_usage);
  CHECK(c.out.empty());
  std::string names;
  for (const auto& [name, description] : app::convert_targets()) {
    names += (names.empty() ? "" : ", ") + name;
  }
  CHECK(c.err == "xxgk: error: unknown conversion target (--to) 'jsn' (did you mean 'json'?); "
                 "choose one of: " +
                     names + "\n");
  CHECK(names == "json, csv, jsonl, markdown, text, docx, xlsx");
}
