// SIGINT/SIGTERM: the handler records the signal for the run to stop between reports; a second
// signal removes the temporary output files still registered and exits at once.

#include <xxgk/io/signals.hpp>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace xxgk::io {

namespace {

// Everything the handler touches is lock-free atomics and fixed arrays: no allocation, no locks.
std::atomic<int> g_signal{0};

enum SlotState : int { k_free = 0, k_claimed = 1, k_active = 2 };

constexpr std::size_t k_max_path = 4096;

struct Slot {
  std::atomic<int> state{k_free};
  std::array<char, k_max_path> path{};
};

std::array<Slot, k_max_temp_files> g_slots;

static_assert(std::atomic<int>::is_always_lock_free, "signal handlers need lock-free atomics");

void unlink_registered() {
  for (auto& slot : g_slots) {
    if (slot.state.load() == k_active) {
      ::unlink(slot.path.data());
    }
  }
}

extern "C" void on_signal(int sig) {
  const int saved_errno = errno;
  int expected = 0;
  if (!g_signal.compare_exchange_strong(expected, sig)) {
    // The second signal: the user means it. No partial file stays behind.
    unlink_registered();
    constexpr char k_message[] = "xxgk: interrupted\n";
    [[maybe_unused]] const auto n = ::write(STDERR_FILENO, k_message, sizeof k_message - 1);
    ::_exit(128 + sig);
  }
  errno = saved_errno;
}

} // namespace

void install_interrupt_handlers() {
  // Installed again on every call (cheap): a test framework may have put its own in between.
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

bool interrupted() {
  return g_signal.load() != 0;
}

int interrupt_signal() {
  return g_signal.load();
}

int interrupt_exit_code() {
  const int sig = g_signal.load();
  return sig == 0 ? 0 : 128 + sig;
}

void reset_interrupt() {
  g_signal.store(0);
}

TempFileGuard::TempFileGuard(const std::string& path) {
  if (path.size() >= k_max_path) {
    return;
  }
  for (int i = 0; i < k_max_temp_files; ++i) {
    auto& slot = g_slots[static_cast<std::size_t>(i)];
    int expected = k_free;
    if (slot.state.compare_exchange_strong(expected, k_claimed)) {
      std::memcpy(slot.path.data(), path.c_str(), path.size() + 1);
      slot.state.store(k_active); // published only once the path is complete
      m_slot = i;
      return;
    }
  }
}

TempFileGuard::~TempFileGuard() {
  if (m_slot >= 0) {
    g_slots[static_cast<std::size_t>(m_slot)].state.store(k_free);
  }
}

} // namespace xxgk::io
