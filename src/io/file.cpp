// Input files read whole and read-only, output files written atomically (a temporary file
// beside the target, renamed into place): the only code that touches the file system.

#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace xxgk::io {

namespace {
std::string errno_text(int e) {
  switch (e) {
  case ENOENT:
    return "no such file";
  case EACCES:
    return "permission denied";
  case EISDIR:
    return "is a directory";
  default:
    return std::strerror(e);
  }
}
} // namespace

util::Expected<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    return util::Error{.message = errno_text(e),
                       .kind = e == ENOENT ? util::ErrorKind::NotFound : util::ErrorKind::Io};
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return util::Error{.message = errno_text(e), .kind = util::ErrorKind::Io};
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return util::Error{.message = "is a directory", .kind = util::ErrorKind::Io};
  }
  std::string data;
  if (S_ISREG(st.st_mode)) {
    if (static_cast<std::size_t>(st.st_size) > max_bytes) {
      ::close(fd);
      return util::Error{.message = "file is larger than the input limit of " +
                                    std::to_string(max_bytes) + " bytes",
                         .kind = util::ErrorKind::TooLarge};
    }
    data.reserve(static_cast<std::size_t>(st.st_size));
  }
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int e = errno;
      ::close(fd);
      return util::Error{.message = "read error: " + errno_text(e), .kind = util::ErrorKind::Io};
    }
    if (n == 0) {
      break;
    }
    data.append(buf, static_cast<std::size_t>(n));
    if (data.size() > max_bytes) {
      ::close(fd);
      return util::Error{.message = "input is larger than the input limit of " +
                                    std::to_string(max_bytes) + " bytes",
                         .kind = util::ErrorKind::TooLarge};
    }
  }
  ::close(fd);
  return data;
}

util::Expected<bool> write_file_atomic(const std::string& path, const std::string& content) {
  std::string tmpl = path + ".xxgk-tmp-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    return util::Error{.message = "cannot create a temporary file beside it: " + errno_text(errno),
                       .kind = util::ErrorKind::Io};
  }
  // A second SIGINT/SIGTERM exits at once and unlinks the temporary file (signals.hpp).
  const TempFileGuard guard(tmpl);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int e = errno;
      ::close(fd);
      ::unlink(tmpl.c_str());
      return util::Error{.message = "write error: " + errno_text(e), .kind = util::ErrorKind::Io};
    }
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmpl.c_str());
    return util::Error{.message = "write error: " + errno_text(e), .kind = util::ErrorKind::Io};
  }
  if (interrupted()) {
    // Interrupted while writing: keep the old file rather than finish the run's output.
    ::unlink(tmpl.c_str());
    return util::Error{.message = "interrupted", .kind = util::ErrorKind::Io};
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmpl.c_str());
    return util::Error{.message = "cannot rename into place: " + errno_text(e),
                       .kind = util::ErrorKind::Io};
  }
  return true;
}

} // namespace xxgk::io

namespace xxgk::io {

AtomicFile::AtomicFile(std::string path, std::string temp, int fd)
    : m_path(std::move(path)), m_temp(std::move(temp)), m_fd(fd),
      m_out(m_temp, std::ios::binary | std::ios::trunc),
      m_guard(std::make_unique<TempFileGuard>(m_temp)) {}

util::Expected<std::unique_ptr<AtomicFile>> AtomicFile::create(const std::string& path) {
  std::string temp = path + ".xxgk-tmp-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return util::Error{.message = "cannot create a temporary file beside it: " + errno_text(errno),
                       .kind = util::ErrorKind::Io};
  }
  std::unique_ptr<AtomicFile> f(new AtomicFile(path, temp, fd));
  if (!f->m_out) {
    return util::Error{.message = "cannot write the temporary file beside it",
                       .kind = util::ErrorKind::Io}; // the destructor removes it
  }
  return f;
}

AtomicFile::~AtomicFile() {
  if (!m_committed) {
    m_out.close();
    ::close(m_fd);
    ::unlink(m_temp.c_str());
  }
}

util::Expected<bool> AtomicFile::commit() {
  m_out.flush();
  const bool written = static_cast<bool>(m_out);
  m_out.close();
  ::fchmod(m_fd, 0644);
  const bool synced = ::fsync(m_fd) == 0;
  const int e = errno;
  ::close(m_fd);
  m_fd = -1;
  if (!written || !synced) {
    ::unlink(m_temp.c_str());
    m_committed = true; // nothing left to clean up
    return util::Error{.message =
                           "write error: " + (written ? errno_text(e) : std::string("disk full?")),
                       .kind = util::ErrorKind::Io};
  }
  if (interrupted()) {
    ::unlink(m_temp.c_str());
    m_committed = true;
    return util::Error{.message = "interrupted", .kind = util::ErrorKind::Io};
  }
  if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
    const int re = errno;
    ::unlink(m_temp.c_str());
    m_committed = true;
    return util::Error{.message = "cannot rename into place: " + errno_text(re),
                       .kind = util::ErrorKind::Io};
  }
  m_committed = true;
  return true;
}

} // namespace xxgk::io
