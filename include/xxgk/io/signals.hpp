#pragma once
// SIGINT/SIGTERM handling: an interrupted run stops between reports, leaves no partial output
// file and exits with a distinct code (130 for SIGINT, 143 for SIGTERM: 128 + the signal number).
//
// How the app uses it:
//   io::install_interrupt_handlers();            // once, at the start of main/run
//   for (each input) {
//     if (io::interrupted()) return io::interrupt_exit_code();   // between reports
//     …
//   }
//   io::write_file_atomic(path, text);            // registers its temporary file (see below)
//
// The first signal only sets a flag (async-signal-safe), so the run stops at the next check and
// cleans up normally. A second signal does not wait: the handler unlinks every registered
// temporary file and calls _exit(128 + signal). write_file_atomic registers its temporary file
// for the duration of the write and does not rename it into place once a signal has arrived,
// so the target file is either the old one or the complete new one, never a partial one.

#include <string>

namespace xxgk::io {

/// Exit codes of an interrupted run (shell convention 128 + signal number).
inline constexpr int k_exit_sigint = 130;
inline constexpr int k_exit_sigterm = 143;

/// Installs the SIGINT and SIGTERM handlers (again on every call; SA_RESTART, so system calls are
/// not interrupted by the first signal).
void install_interrupt_handlers();

/// Whether SIGINT or SIGTERM arrived since install_interrupt_handlers() (or reset_interrupt()).
[[nodiscard]] bool interrupted();

/// The signal that arrived (SIGINT or SIGTERM), 0 if none.
[[nodiscard]] int interrupt_signal();

/// 130 after SIGINT, 143 after SIGTERM, 0 if no signal arrived.
[[nodiscard]] int interrupt_exit_code();

/// Forgets an earlier signal (tests).
void reset_interrupt();

/// A temporary file that must not survive an interrupted run: while the guard lives, a second
/// signal (which exits at once) unlinks it first. At most k_max_temp_files at a time; paths longer
/// than the slot are not registered (the file then relies on the normal clean-up only).
class TempFileGuard {
public:
  explicit TempFileGuard(const std::string& path);
  ~TempFileGuard();
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

  /// Whether the path is registered (false when every slot was taken or it was too long).
  [[nodiscard]] bool registered() const { return m_slot >= 0; }

private:
  int m_slot = -1;
};

/// Slots for TempFileGuard (fixed, so the signal handler needs no allocation and no lock).
inline constexpr int k_max_temp_files = 16;

} // namespace xxgk::io
