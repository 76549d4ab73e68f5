#pragma once
// File input and atomic file output: the only places xxgk touches the file system.

#include <xxgk/io/signals.hpp>
#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace xxgk::io {

/// Default cap on the size of one input file.
inline constexpr std::size_t k_default_max_input = 256u * 1024u * 1024u;

/// The message templates of the file errors (the rule catalogue lists them).
const std::vector<const diag::MessageTemplate*>& error_messages();

/// Reads a whole file read-only; errors say why ("no such file", "is a directory", "too large").
util::Expected<std::string> read_file(const std::string& path,
                                      std::size_t max_bytes = k_default_max_input);

/// Writes `content` to a temporary file beside `path` and renames it into place.
util::Expected<bool> write_file_atomic(const std::string& path, const std::string& content);

/// An output file written as the output is produced (a run's memory does not grow with its
/// output), atomically: into a temporary file beside `path`, renamed into place by commit().
/// Destroyed without a successful commit() (an error, an interrupt), the temporary file is
/// removed and an old file at `path` stays as it was. A second SIGINT/SIGTERM removes it too
/// (signals.hpp).
class AtomicFile {
public:
  /// Creates the temporary file; an Error says why it cannot be (e.g. the directory is missing).
  static util::Expected<std::unique_ptr<AtomicFile>> create(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  std::ostream& stream() { return m_out; }
  /// Flushes, syncs and renames the file into place; refuses once a signal has arrived.
  util::Expected<bool> commit();

private:
  AtomicFile(std::string path, std::string temp, int fd);
  std::string m_path;
  std::string m_temp;
  int m_fd;
  std::ofstream m_out;
  std::unique_ptr<TempFileGuard> m_guard;
  bool m_committed = false;
};

} // namespace xxgk::io
