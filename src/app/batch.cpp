// Batch runs (batch.hpp): expanding the arguments into inputs, and running tasks on several
// threads with their results handed on in input order.

#include "messages.hpp"

#include <xxgk/app/batch.hpp>
#include <xxgk/io/file.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <variant>

namespace xxgk::app {

namespace fs = std::filesystem;

namespace {

bool is_hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

class Collector {
public:
  Collector(Hidden hidden, Inputs& out) : m_hidden(hidden), m_out(out) {}

  void argument(const std::string& arg, bool lists_allowed) {
    if (arg == "-") {
      m_out.files.push_back({arg, Origin::Given});
      return;
    }
    if (lists_allowed && arg.size() > 1 && arg[0] == '@') {
      list(arg.substr(1));
      return;
    }
    std::error_code ec;
    if (fs::is_directory(arg, ec)) {
      m_out.expanded = true;
      walk(fs::path(arg));
      return;
    }
    // A file, or a path that does not exist: reading it says why.
    m_out.files.push_back({arg, Origin::Given});
  }

private:
  void list(const std::string& path) {
    m_out.expanded = true;
    auto text = io::read_file(path);
    if (!text) {
      m_out.problems.push_back({path, {&msg::k_list_unreadable, {diag::nested(text.error().msg)}}});
      return;
    }
    std::size_t start = 0;
    while (start < text->size()) {
      std::size_t end = text->find('\n', start);
      if (end == std::string::npos) {
        end = text->size();
      }
      std::string line = text->substr(start, end - start);
      start = end + 1;
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
        line.pop_back();
      }
      const auto first = line.find_first_not_of(" \t");
      if (first == std::string::npos || line[first] == '#') {
        continue;
      }
      argument(line.substr(first), false);
    }
  }

  void walk(const fs::path& dir) {
    std::error_code ec;
    const fs::path canonical = fs::canonical(dir, ec);
    if (ec) {
      m_out.problems.push_back({dir.string(), {&msg::k_os_reason, {ec.message()}}});
      return;
    }
    if (!m_visited.insert(canonical.string()).second) {
      ++m_out.links_skipped; // a symlink back into the tree, or the same directory given twice
      return;
    }
    // The names only (a directory may hold hundreds of thousands of files: a path object each
    // would cost far more than the batch keeps of them), each with the type the directory listing
    // gave (no system call): a regular file or a directory needs no stat of its own.
    std::vector<std::pair<std::string, fs::file_type>> names;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      m_out.problems.push_back({dir.string(), {&msg::k_directory_unreadable, {ec.message()}}});
      return;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        break;
      }
      // is_symlink/is_regular_file/is_directory answer from the type the listing cached
      // (symlink_status() would stat every file); `none` leaves the question to the system below.
      std::error_code tec;
      fs::file_type listed = fs::file_type::none;
      if (!it->is_symlink(tec) && !tec) {
        if (it->is_regular_file(tec)) {
          listed = fs::file_type::regular;
        } else if (!tec && it->is_directory(tec)) {
          listed = fs::file_type::directory;
        }
      }
      names.emplace_back(it->path().filename().string(), tec ? fs::file_type::none : listed);
    }
    if (ec) {
      m_out.problems.push_back({dir.string(), {&msg::k_directory_unreadable, {ec.message()}}});
    }
    // Byte order of the names: the same order on every machine and locale.
    std::sort(names.begin(), names.end());
    for (const auto& [name, listed] : names) {
      const fs::path p = dir / name; // as the directory iterator gave it
      if (m_hidden == Hidden::Skip && is_hidden(p)) {
        ++m_out.hidden_skipped;
        continue;
      }
      // A symbolic link (followed), or a type the listing did not tell, is asked of the system.
      fs::file_type type = listed;
      if (type != fs::file_type::regular && type != fs::file_type::directory) {
        std::error_code sec;
        type = fs::status(p, sec).type();
      }
      if (type == fs::file_type::directory) {
        walk(p);
      } else if (type == fs::file_type::regular) {
        m_out.files.push_back({p.string(), Origin::Found});
      } else {
        ++m_out.special_skipped; // sockets, devices, broken symbolic links
      }
    }
  }

  Hidden m_hidden;
  Inputs& m_out;
  std::set<std::string> m_visited;
};

bool contains_marker(const std::string& text) {
  return text.find("信息公开") != std::string::npos;
}

} // namespace

void InputList::push_back(const Input& input) {
  const std::string_view path(input.path);
  const auto slash = path.rfind('/');
  const std::string_view dir = slash == std::string_view::npos ? "" : path.substr(0, slash + 1);
  std::uint32_t id = 0;
  if (const auto it = m_dir_ids.find(dir); it != m_dir_ids.end()) {
    id = it->second;
  } else {
    id = static_cast<std::uint32_t>(m_dirs.size());
    if (id >= k_found || m_names.size() + path.size() >= UINT32_MAX) {
      throw std::length_error("too many inputs");
    }
    m_dirs.emplace_back(dir);
    m_dir_ids.emplace(std::string(dir), id);
  }
  m_entries.push_back({id | (input.origin == Origin::Found ? k_found : 0),
                       static_cast<std::uint32_t>(m_names.size())});
  m_names += path.substr(dir.size());
}

Input InputList::operator[](std::size_t i) const {
  const Entry& e = m_entries[i];
  const std::size_t end = i + 1 < m_entries.size() ? m_entries[i + 1].name : m_names.size();
  Input in;
  in.path.reserve(m_dirs[e.dir & ~k_found].size() + end - e.name);
  in.path = m_dirs[e.dir & ~k_found];
  in.path.append(m_names, e.name, end - e.name);
  in.origin = (e.dir & k_found) != 0 ? Origin::Found : Origin::Given;
  return in;
}

void InputList::shrink_to_fit() {
  m_entries.shrink_to_fit();
  m_names.shrink_to_fit();
}

Inputs collect_inputs(const std::vector<std::string>& arguments, Hidden hidden) {
  Inputs out;
  Collector c(hidden, out);
  for (const auto& a : arguments) {
    c.argument(a, true);
  }
  out.files.shrink_to_fit();
  return out;
}

bool looks_like_report(const document::Document& doc) {
  if (contains_marker(doc.source_text)) {
    return true;
  }
  for (const auto& block : doc.blocks) {
    if (const auto* p = std::get_if<document::Paragraph>(&block)) {
      if (contains_marker(p->text)) {
        return true;
      }
    } else if (const auto* t = std::get_if<document::Table>(&block)) {
      for (const auto& row : t->rows) {
        for (const auto& cell : row.cells) {
          if (contains_marker(cell.text)) {
            return true;
          }
        }
      }
    }
  }
  return false;
}

bool is_not_a_report(const util::Error& read_error) {
  return read_error.kind == util::ErrorKind::NotAReport ||
         read_error.kind == util::ErrorKind::Empty;
}

unsigned job_count(int requested) {
  if (requested > 0) {
    return static_cast<unsigned>(requested);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

std::size_t ordered_window(unsigned jobs) {
  return jobs <= 1 ? 1 : std::size_t{jobs} * 4;
}

struct OrderedTasks::State {
  State(std::size_t count_, unsigned jobs, std::function<void(std::size_t)> task_,
        std::function<bool()> stop_)
      : count(count_), window(ordered_window(jobs)), run(std::max<std::size_t>(1, window / 2)),
        task(std::move(task_)), stop(std::move(stop_)), done(count_, 0) {}

  const std::size_t count;
  const std::size_t window;
  /// The owner, when it has to wait, waits for a run of results (half the window) rather than
  /// for the next one: a worker then wakes it once per run, not once per result (on a VM each
  /// wake is a context switch, and with one per report they cost -j 2 a tenth of its time).
  const std::size_t run;
  const std::function<void(std::size_t)> task;
  const std::function<bool()> stop;

  std::mutex mutex;
  std::condition_variable changed; ///< workers wait here for room in the window
  std::condition_variable ready;   ///< the owner waits here for its run of results
  std::vector<char> done;
  std::size_t next = 0;
  std::size_t consumed = 0;
  std::size_t finished = 0;
  std::size_t contiguous = 0; ///< results 0 .. contiguous-1 are all done
  std::size_t wanted = 0;     ///< the owner sleeps until contiguous reaches this (0: awake)
  std::exception_ptr failure;
  std::vector<std::thread> threads;

  bool stopped() const { return stop && stop(); }
  bool may_start() const { return next < count && next < consumed + window; }

  /// Marks task i done (the lock held) and wakes the owner once its run of results is there.
  void finish(std::size_t i, const std::exception_ptr& error) {
    if (error && !failure) {
      failure = error;
    }
    done[i] = 1;
    ++finished;
    while (contiguous < count && done[contiguous] != 0) {
      ++contiguous;
    }
    if (failure) {
      changed.notify_all();
      ready.notify_all();
    } else if (wanted != 0 && contiguous >= wanted) {
      ready.notify_one();
    }
  }

  /// Runs task i without the lock held, then marks it done (its exception, if any, kept).
  void run_task(std::unique_lock<std::mutex>& lock, std::size_t i) {
    lock.unlock();
    std::exception_ptr error;
    try {
      task(i);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    finish(i, error);
  }

  void worker() {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return next >= count || next < consumed + window || failure; });
      if (next >= count || failure || stopped()) {
        changed.notify_all(); // the owner may wait for a task that will not start now
        ready.notify_all();
        return;
      }
      run_task(lock, next++);
    }
  }

  /// Nothing more starts; the threads are joined.
  void join() {
    {
      std::lock_guard lock(mutex);
      next = count;
    }
    changed.notify_all();
    for (auto& t : threads) {
      t.join();
    }
    threads.clear();
  }
};

OrderedTasks::OrderedTasks(std::size_t count, unsigned jobs, std::function<void(std::size_t)> task,
                           std::function<bool()> stop)
    : m(std::make_unique<State>(count, jobs <= 1 || count <= 1 ? 1 : jobs, std::move(task),
                                std::move(stop))) {
  // The owner's thread is one of the `jobs` threads: while the next result is not there, it runs
  // a task itself when one may start, and waits only when none may. (With a thread of its own
  // besides `jobs` workers, the consumer took the workers' cores from them whenever it woke: a
  // context switch per report on a VM.)
  if (jobs > 1 && count > 1) {
    const auto n = static_cast<unsigned>(std::min<std::size_t>(jobs, count)) - 1;
    m->threads.reserve(n);
    for (unsigned t = 0; t < n; ++t) {
      m->threads.emplace_back([s = m.get()] { s->worker(); });
    }
  }
}

OrderedTasks::~OrderedTasks() {
  m->join();
}

bool OrderedTasks::wait(std::size_t i) {
  State& s = *m;
  std::unique_lock lock(s.mutex);
  while (s.contiguous <= i && !s.failure && !s.stopped()) {
    if (s.may_start()) {
      s.run_task(lock, s.next++);
      continue;
    }
    if (s.threads.empty()) {
      return false; // nothing can start, and nobody else runs tasks
    }
    // A signal does not notify: look again every 50 ms.
    s.wanted = std::min(s.count, i + s.run);
    s.ready.wait_for(lock, std::chrono::milliseconds(50),
                     [&] { return s.contiguous >= s.wanted || s.failure || s.stopped(); });
    s.wanted = 0;
  }
  return i < s.count && !s.failure && s.done[i] != 0 && !s.stopped();
}

void OrderedTasks::consumed(std::size_t i, std::exception_ptr failure) {
  State& s = *m;
  {
    std::lock_guard lock(s.mutex);
    s.consumed = std::max(s.consumed, i + 1);
    if (failure && !s.failure) {
      s.failure = std::move(failure);
    }
  }
  s.changed.notify_all();
}

std::size_t OrderedTasks::finished() const {
  std::lock_guard lock(m->mutex);
  return m->finished;
}

void OrderedTasks::finish() {
  m->join();
  if (m->failure) {
    std::rethrow_exception(m->failure);
  }
}

void run_ordered(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task,
                 const std::function<void(std::size_t)>& consume, const Progress& progress,
                 const std::function<bool()>& stop) {
  OrderedTasks tasks(count, jobs, task, stop);
  for (std::size_t i = 0; i < count && tasks.wait(i); ++i) {
    const std::size_t finished = progress ? tasks.finished() : 0;
    std::exception_ptr failure;
    try {
      consume(i);
    } catch (...) {
      failure = std::current_exception();
    }
    tasks.consumed(i, failure);
    if (failure) {
      break;
    }
    if (progress) {
      progress(std::max(finished, i + 1), count);
    }
  }
  tasks.finish();
}

std::string progress_line(std::size_t done, std::size_t total, double seconds) {
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  std::string eta = "?";
  if (rate > 0 && done <= total) {
    eta = fmt::format("{:.0f} s", static_cast<double>(total - done) / rate);
  }
  return fmt::format("xxgk: {}/{} · {:.1f} 份/s · ETA {}", done, total, rate, eta);
}

} // namespace xxgk::app
