#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>

#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace xxgk;

namespace {

std::filesystem::path temp_dir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("xxgk-signals-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

TEST_CASE("a first SIGINT or SIGTERM sets the flag and names its exit code") {
  io::install_interrupt_handlers();
  io::reset_interrupt();
  CHECK_FALSE(io::interrupted());
  CHECK(io::interrupt_exit_code() == 0);

  std::raise(SIGINT);
  CHECK(io::interrupted());
  CHECK(io::interrupt_signal() == SIGINT);
  CHECK(io::interrupt_exit_code() == io::k_exit_sigint);
  io::reset_interrupt();

  std::raise(SIGTERM);
  CHECK(io::interrupt_exit_code() == io::k_exit_sigterm);
  io::reset_interrupt();
  CHECK_FALSE(io::interrupted());
}

TEST_CASE("an interrupted atomic write leaves the old file and no temporary file") {
  const auto dir = temp_dir();
  const auto target = dir / "out.json";
  REQUIRE(io::write_file_atomic(target.string(), "old\n"));

  io::install_interrupt_handlers();
  io::reset_interrupt();
  std::raise(SIGTERM);
  auto r = io::write_file_atomic(target.string(), "new, but interrupted\n");
  io::reset_interrupt();
  REQUIRE_FALSE(r);
  CHECK(r.error().message == "interrupted");
  CHECK(slurp(target) == "old\n");
  int files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) {
    ++files;
  }
  CHECK(files == 1);

  REQUIRE(io::write_file_atomic(target.string(), "new\n"));
  CHECK(slurp(target) == "new\n");
  std::filesystem::remove_all(dir);
}

TEST_CASE("temporary file slots are reused and bounded") {
  {
    io::TempFileGuard a("/tmp/xxgk-a");
    CHECK(a.registered());
  }
  std::vector<std::unique_ptr<io::TempFileGuard>> guards;
  for (int i = 0; i < io::k_max_temp_files; ++i) {
    guards.push_back(std::make_unique<io::TempFileGuard>("/tmp/xxgk-" + std::to_string(i)));
    CHECK(guards.back()->registered());
  }
  io::TempFileGuard extra("/tmp/xxgk-extra");
  CHECK_FALSE(extra.registered());
  CHECK_FALSE(io::TempFileGuard(std::string(5000, 'x')).registered());
}

TEST_CASE("a second signal unlinks registered temporary files and exits with 128 + signal") {
  const auto dir = temp_dir();
  for (const int sig : {SIGINT, SIGTERM}) {
    CAPTURE(sig);
    const auto partial = dir / "partial.tmp";
    { std::ofstream(partial) << "half"; }
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      io::install_interrupt_handlers();
      io::reset_interrupt();
      const io::TempFileGuard guard(partial.string());
      std::raise(sig);
      std::raise(sig); // does not return
      ::_exit(99);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 128 + sig);
    CHECK_FALSE(std::filesystem::exists(partial));
  }
  std::filesystem::remove_all(dir);
}
