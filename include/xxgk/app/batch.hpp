#pragma once
// Batch runs: turning command-line arguments (files, directories, @lists, '-') into a
// deterministic list of inputs, and checking many inputs on several threads with results in
// input order.

#include <xxgk/document/model.hpp>
#include <xxgk/util/expected.hpp>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace xxgk::app {

/// Where an input came from: named by the user (a file, a line of an @list, '-'), or found by
/// walking a directory. Only found files are skipped when they are not report documents.
enum class Origin { Given, Found };

struct Input {
  std::string path;
  Origin origin = Origin::Given;
};

/// A problem with the inputs themselves (an unreadable directory or @list): it is reported on
/// stderr, the run goes on and exits 2 as for an unreadable file.
struct InputProblem {
  std::string path;
  diag::Message message; ///< rendered in the run's language
};

/// The files of a run, kept compact (a batch keeps them to its end, and may have hundreds of
/// thousands): each path as its directory, interned, and its name, all names in one string; about
/// the name's length plus 8 bytes per file. Reads give an Input by value.
class InputList {
public:
  void push_back(const Input& input);
  [[nodiscard]] std::size_t size() const { return m_entries.size(); }
  [[nodiscard]] bool empty() const { return m_entries.empty(); }
  [[nodiscard]] Input operator[](std::size_t i) const;
  [[nodiscard]] Input front() const { return (*this)[0]; }
  /// Gives back the room kept for more files (once the list is complete).
  void shrink_to_fit();

  class const_iterator {
  public:
    const_iterator(const InputList& list, std::size_t i) : m_list(&list), m_i(i) {}
    Input operator*() const { return (*m_list)[m_i]; }
    const_iterator& operator++() {
      ++m_i;
      return *this;
    }
    bool operator==(const const_iterator& o) const { return m_i == o.m_i; }

  private:
    const InputList* m_list;
    std::size_t m_i;
  };
  [[nodiscard]] const_iterator begin() const { return {*this, 0}; }
  [[nodiscard]] const_iterator end() const { return {*this, size()}; }

private:
  struct Entry {
    std::uint32_t dir = 0;  ///< index in m_dirs; the top bit: Origin::Found
    std::uint32_t name = 0; ///< where its name starts in m_names (it ends where the next starts)
  };
  static constexpr std::uint32_t k_found = 1U << 31;
  std::vector<Entry> m_entries;
  std::string m_names;
  std::vector<std::string> m_dirs; ///< with their trailing '/'
  std::map<std::string, std::uint32_t, std::less<>> m_dir_ids;
};

struct Inputs {
  InputList files;                    ///< in a deterministic order
  int hidden_skipped = 0;             ///< hidden files and directories not walked
  int links_skipped = 0;              ///< directories already walked (symlink loops, aliases)
  int special_skipped = 0;            ///< neither files nor directories (sockets, broken links)
  std::vector<InputProblem> problems; ///< unreadable directories and @lists
  bool expanded = false;              ///< a directory or an @list was given (a batch run)
};

enum class Hidden { Skip, Include };

/// Expands the arguments: a file stays as given; a directory is walked recursively, entries
/// sorted by name, hidden ones skipped unless `hidden` is Include, each directory walked once
/// (by canonical path, so symlink loops end); "@FILE" reads one path per line (blank lines and
/// lines starting with '#' ignored; each line expanded again, except that '@' is literal there);
/// "-" is standard input.
Inputs collect_inputs(const std::vector<std::string>& arguments, Hidden hidden);

/// Whether a document read from a file found in a directory looks like an annual report: it
/// mentions 政府信息公开 (in any form, title or table). Other files are skipped, not reported.
bool looks_like_report(const document::Document& doc);

/// Whether a read error means "these bytes are not a report document at all" (binary data, an
/// empty file) rather than "a report document that is broken".
bool is_not_a_report(const util::Error& read_error);

/// The number of threads for `-j N`: N, or the number of cores when N <= 0.
unsigned job_count(int requested);

/// Called on the calling thread as tasks complete: (done, total).
using Progress = std::function<void(std::size_t, std::size_t)>;

/// How many tasks run_ordered() runs at most at once: task(i) starts only once every task before
/// i - ordered_window(jobs) has been consumed (so per-task slots can be reused modulo it).
std::size_t ordered_window(unsigned jobs);

/// Tasks 0 … count-1, run in order of their index on `jobs` threads (the owner's and jobs - 1
/// more) as the owner takes their results in order: wait(i) returns once task i is done, the
/// owner's thread running tasks itself meanwhile; consumed(i) says result i is taken, and tasks up
/// to i + ordered_window(jobs) may then start (so per-task slots can be reused modulo the window
/// and memory stays bounded). When `stop` (checked between tasks) returns true, no further task
/// starts. With jobs <= 1 no thread is started: wait(i) runs task i itself. The destructor stops
/// and joins the threads.
class OrderedTasks {
public:
  OrderedTasks(std::size_t count, unsigned jobs, std::function<void(std::size_t)> task,
               std::function<bool()> stop = {});
  ~OrderedTasks();
  OrderedTasks(const OrderedTasks&) = delete;
  OrderedTasks& operator=(const OrderedTasks&) = delete;

  /// True once task i is done (after every result before i has been consumed); false when the
  /// tasks were stopped or one of them failed (finish() rethrows its exception).
  bool wait(std::size_t i);
  /// Result i has been taken; `failure` (the owner's own exception while taking it) stops the
  /// tasks as a task's failure would.
  void consumed(std::size_t i, std::exception_ptr failure = nullptr);
  /// How many tasks are done (in any order).
  [[nodiscard]] std::size_t finished() const;
  /// No further task starts; joins the threads and rethrows the first failure, if any.
  void finish();

private:
  struct State;
  std::unique_ptr<State> m;
};

/// Runs task(0) … task(count-1) on `jobs` threads: the calling thread and jobs - 1 more (the
/// calling thread runs tasks while the next result is not there). `consume(i)` is called on the
/// calling thread for i = 0, 1, … in order, as soon as task(i) and every earlier task are done; a
/// task runs on any of the threads. At most a
/// window of tasks beyond the last consumed one runs ahead, so memory stays bounded when
/// consume() lets go of each result. When `stop` (checked between tasks) returns true, no further
/// task starts and no further result is handed on (an interrupted run).
void run_ordered(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& task,
                 const std::function<void(std::size_t)>& consume, const Progress& progress = {},
                 const std::function<bool()>& stop = {});

/// "12/340 · 25.3 份/s · ETA 13 s": one line of the progress display (no newline).
std::string progress_line(std::size_t done, std::size_t total, double seconds);

} // namespace xxgk::app
