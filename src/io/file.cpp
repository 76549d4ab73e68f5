// Input files read whole and read-only, output files written atomically (a temporary file
// beside the target, renamed into place): the only code that touches the file system.

#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>

#include "messages.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace xxgk::io {

namespace {
/// The operating system's reason for errno `e`.
diag::Message os_reason(int e) {
  switch (e) {
  case ENOENT:
    return {&msg::k_not_found, {}};
  case EACCES:
    return {&msg::k_permission, {}};
  case EISDIR:
    return {&msg::k_is_directory, {}};
  default:
    return {&msg::k_os, {std::strerror(e)}};
  }
}

diag::Arg errno_arg(int e) {
  return diag::nested(os_reason(e));
}

util::Error io_error(const diag::MessageTemplate& tpl, std::vector<diag::Arg> args = {}) {
  return util::Error::of(util::ErrorKind::Io, {&tpl, std::move(args)});
}
} // namespace

util::Expected<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    return util::Error::of(e == ENOENT ? util::ErrorKind::NotFound : util::ErrorKind::Io,
                           os_reason(e));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return util::Error::of(util::ErrorKind::Io, os_reason(e));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return io_error(msg::k_is_directory);
  }
  // A regular file is read straight into the string, sized by fstat with one byte more: once it
  // holds the file's size, the last read asked for more than it gave, so that was the end (one
  // read for the whole file). A file that grew meanwhile, and a pipe or device (no size), is read
  // on in growing blocks until a read gives nothing.
  const bool regular = S_ISREG(st.st_mode);
  const auto size = static_cast<std::size_t>(regular ? st.st_size : 0);
  if (regular && size > max_bytes) {
    ::close(fd);
    return util::Error::of(util::ErrorKind::TooLarge, {&msg::k_file_too_large, {max_bytes}});
  }
  std::string data(regular ? size + 1 : std::size_t{65536}, '\0');
  std::size_t used = 0;
  for (;;) {
    if (used == data.size()) {
      data.resize(std::max(std::size_t{65536}, used * 2));
    }
    const ssize_t n = ::read(fd, data.data() + used, data.size() - used);
    if (n < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int e = errno;
      ::close(fd);
      return io_error(msg::k_read, {errno_arg(e)});
    }
    if (n == 0) {
      break;
    }
    used += static_cast<std::size_t>(n);
    if (used > max_bytes) {
      ::close(fd);
      return util::Error::of(util::ErrorKind::TooLarge, {&msg::k_input_too_large, {max_bytes}});
    }
    if (regular && used == size) {
      break;
    }
  }
  data.resize(used);
  ::close(fd);
  return data;
}

util::Expected<bool> write_file_atomic(const std::string& path, const std::string& content) {
  std::string tmpl = path + ".xxgk-tmp-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    return io_error(msg::k_temp_create, {errno_arg(errno)});
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
      return io_error(msg::k_write, {errno_arg(e)});
    }
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const int e = errno;
    ::unlink(tmpl.c_str());
    return io_error(msg::k_write, {errno_arg(e)});
  }
  if (interrupted()) {
    // Interrupted while writing: keep the old file rather than finish the run's output.
    ::unlink(tmpl.c_str());
    return io_error(msg::k_interrupted);
  }
  if (::rename(tmpl.c_str(), path.c_str()) != 0) {
    const int e = errno;
    ::unlink(tmpl.c_str());
    return io_error(msg::k_rename, {errno_arg(e)});
  }
  return true;
}

const std::vector<const diag::MessageTemplate*>& error_messages() {
  static const std::vector<const diag::MessageTemplate*> list{
      &msg::k_not_found,  &msg::k_permission,     &msg::k_is_directory,    &msg::k_os,
      &msg::k_read,       &msg::k_file_too_large, &msg::k_input_too_large, &msg::k_temp_create,
      &msg::k_temp_write, &msg::k_write,          &msg::k_interrupted,     &msg::k_rename};
  return list;
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
    return io_error(msg::k_temp_create, {errno_arg(errno)});
  }
  std::unique_ptr<AtomicFile> f(new AtomicFile(path, temp, fd));
  if (!f->m_out) {
    return io_error(msg::k_temp_write); // the destructor removes it
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
    return io_error(msg::k_write,
                    {written ? errno_arg(e) : diag::Arg::both("磁盘已满？", "disk full?")});
  }
  if (interrupted()) {
    ::unlink(m_temp.c_str());
    m_committed = true;
    return io_error(msg::k_interrupted);
  }
  if (::rename(m_temp.c_str(), m_path.c_str()) != 0) {
    const int re = errno;
    ::unlink(m_temp.c_str());
    m_committed = true;
    return io_error(msg::k_rename, {errno_arg(re)});
  }
  m_committed = true;
  return true;
}

} // namespace xxgk::io
