#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace xxgk;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir() {
  const fs::path dir = fs::temp_directory_path() / ("xxgk-io-file-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::size_t entries(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), {}));
}

} // namespace

TEST_CASE("AtomicFile writes as it goes and appears only on commit") {
  io::reset_interrupt();
  const fs::path dir = fresh_dir();
  const std::string path = (dir / "out.json").string();
  {
    auto f = io::AtomicFile::create(path);
    REQUIRE(f);
    (*f)->stream() << "{\"a\": 1}\n";
    CHECK_FALSE(fs::exists(path));
    CHECK(entries(dir) == 1); // the temporary file
    REQUIRE((*f)->commit());
  }
  CHECK(io::read_file(path).value() == "{\"a\": 1}\n");
  CHECK(entries(dir) == 1);
  {
    // Not committed (an error, an interrupt): the old file stays, no temporary file is left.
    auto f = io::AtomicFile::create(path);
    REQUIRE(f);
    (*f)->stream() << "partial";
  }
  CHECK(io::read_file(path).value() == "{\"a\": 1}\n");
  CHECK(entries(dir) == 1);
  fs::remove_all(dir);
}

TEST_CASE("AtomicFile in a missing directory is an error that says why") {
  const auto f = io::AtomicFile::create("/nonexistent-dir-xxgk/out.txt");
  REQUIRE_FALSE(f);
  CHECK(f.error().message.find("cannot create a temporary file") != std::string::npos);
}
