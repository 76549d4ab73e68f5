// The shared pipeline (pipeline.hpp): reading an input (a file or standard input), detecting its
// template, extracting and checking it; and the batch run that does so for every input.

#include "pipeline.hpp"
#include "messages.hpp"

#include "options.hpp"
#include "report_data.hpp"

#include <xxgk/document/read.hpp>
#include <xxgk/extract/extract.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>
#include <xxgk/rules/engine.hpp>

#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <any>
#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>
#include <mutex>
#include <thread>

namespace xxgk::app {

namespace {

util::Expected<std::string> read_input(const std::string& path, std::size_t max_input) {
  if (path == "-") {
    std::string data;
    char buf[65536];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (data.size() > max_input) {
        return util::Error::of(util::ErrorKind::TooLarge, {&msg::k_stdin_too_large, {max_input}});
      }
    }
    return data;
  }
  return io::read_file(path, max_input);
}

/// The rules of its template on a report read from xxgk's own JSON or CSV.
void check_report_data(emit::ReportResult& r) {
  if (r.readable && r.tmpl != nullptr) {
    r.diagnostics = rules::check(r.report, *r.tmpl);
    diag::sort_diagnostics(r.diagnostics);
  }
}

} // namespace

std::vector<schema::Template> load_templates(const Options& o) {
  std::vector<schema::Template> out;
  if (!o.schema_file.empty()) {
    auto text = io::read_file(o.schema_file);
    if (!text) {
      throw UsageError{fmt::format("{}: {}", o.schema_file, text.error().text(message_lang(o)))};
    }
    auto t = schema::load_template(*text);
    if (!t) {
      throw UsageError{fmt::format("{}: {}", o.schema_file, t.error().text(message_lang(o)))};
    }
    out.push_back(std::move(*t));
  } else {
    out = schema::bundled_templates();
  }
  if (!o.template_id.empty()) {
    std::vector<schema::Template> picked;
    for (auto& t : out) {
      if (t.id == o.template_id) {
        picked.push_back(std::move(t));
      }
    }
    if (picked.empty()) {
      std::vector<std::string> ids;
      for (const auto& t : out) {
        ids.push_back(t.id);
      }
      throw UsageError{fmt::format("unknown template '{}' (--template){}; choose one of: {}",
                                   o.template_id, suggestion(o.template_id, ids),
                                   fmt::join(ids, ", "))};
    }
    out = std::move(picked);
  }
  return out;
}

std::optional<emit::ReportResult> process(const std::string& path,
                                          const std::vector<schema::Template>& templates,
                                          const Options& o, Origin origin,
                                          std::vector<emit::ReportResult>* rest) {
  auto bytes = read_input(path, o.read_limits.max_input);
  if (!bytes) {
    emit::ReportResult result;
    result.source = path == "-" ? "<stdin>" : path;
    result.readable = false;
    result.read_error = bytes.error().text(message_lang(o));
    return result;
  }
  return process_bytes(*bytes, path == "-" ? "<stdin>" : path, templates, o, origin, rest);
}

namespace {

/// Whether an extracted document shows anything of a report: a table or a section heading of its
/// template, or a year in its title. A file found in a directory without any of them is skipped as
/// not a report document even when it mentions 信息公开 (looks_like_report).
bool has_report_structure(const report::Report& r) {
  return !r.table_locations.empty() || !r.headings.empty() || r.year.has_value();
}

} // namespace

std::optional<emit::ReportResult> process_bytes(std::string_view bytes, const std::string& source,
                                                const std::vector<schema::Template>& templates,
                                                const Options& o, Origin origin,
                                                std::vector<emit::ReportResult>* rest) {
  // Every return returns `out`, so that the result is built where the caller wants it (a report
  // is large: moving one costs as much as checking its sums).
  std::optional<emit::ReportResult> out(std::in_place);
  emit::ReportResult& result = *out;
  result.source = source;
  if (o.input_format.empty()) {
    // xxgk's own normalized JSON and CSV rows: the report is read as it is, then checked.
    if (auto data = read_report_data(result.source, bytes, templates, message_lang(o));
        data && !data->empty()) {
      for (auto& r : *data) {
        check_report_data(r);
      }
      if (rest != nullptr) {
        std::move(data->begin() + 1, data->end(), std::back_inserter(*rest));
      }
      result = std::move(data->front());
      return out;
    }
  }
  document::ReadOptions ro;
  static_cast<document::Limits&>(ro) = o.read_limits;
  ro.input_format = o.input_format;
  ro.encoding = o.encoding;
  ro.file_name = result.source;
  auto doc = document::read(bytes, ro);
  if (origin == Origin::Found && (doc ? !looks_like_report(*doc) : is_not_a_report(doc.error()))) {
    out.reset();
    return out;
  }
  if (!doc) {
    result.readable = false;
    result.read_error = doc.error().text(message_lang(o));
    return out;
  }
  std::vector<const schema::Template*> candidates;
  for (const auto& t : templates) {
    candidates.push_back(&t);
  }
  // Extracted where the result keeps it (no move of the large report).
  report::Report& report = result.report;
  std::vector<diag::Diagnostic> extract_findings;
  const schema::Template& tmpl =
      extract::detect_and_extract(*doc, candidates, report, extract_findings);
  if (origin == Origin::Found && !has_report_structure(report)) {
    out.reset(); // a README, a guide, a list of links: it mentions 信息公开, but is no report
    return out;
  }
  report.source = result.source;
  // --year / --agency: for a report whose title gives none (a page saved without its title).
  if (o.year != 0 && !report.year) {
    report.year = o.year;
  }
  if (!o.agency.empty() && !report.agency) {
    report.agency = o.agency;
  }
  if (report.year && report.agency) {
    std::erase_if(extract_findings,
                  [](const diag::Diagnostic& d) { return d.rule == "EXTRACT-TITLE"; });
  }
  result.diagnostics = std::move(doc->diagnostics);
  for (auto& d : extract_findings) {
    result.diagnostics.push_back(std::move(d));
  }
  for (auto& d : rules::check(report, tmpl)) {
    result.diagnostics.push_back(std::move(d));
  }
  diag::sort_diagnostics(result.diagnostics);
  result.tmpl = &tmpl;
  result.form = doc->format;
  if (doc->format.rfind("text", 0) == 0 || doc->format == "markdown" || doc->format == "html") {
    // Text forms and HTML pages: keep the decoded text for source excerpts.
    result.text = std::move(doc->source_text); // the document is not read again
  }
  return out;
}

/// Batches at least this large show progress on a terminal.
constexpr std::size_t k_progress_min_inputs = 20;

/// How often a batch hands freed memory back to the system (see release_free_memory). Not often:
/// each trim gives back the free pages every thread's heap will reuse for the next reports, which
/// then fault in again (every 32 reports, that was 9 page faults and 0.04 ms of system time per
/// text report; what a batch keeps per report is reserved up front, so the resident size stays
/// flat between trims).
constexpr std::size_t k_trim_every = 1024;

/// Returns the free pages of the heap to the system. A batch keeps a few small objects per report
/// (tallies, cross-document summaries) scattered among the freed memory of the reports it dropped;
/// glibc keeps those pages resident, so without this the resident size grows with the batch even
/// though the live heap does not (measured: 1.1 MB live, +1.8 KB resident per report). With
/// mimalloc linked this does nothing: mimalloc keeps freed pages for reuse on its own (giving
/// them back at once cost every .docx more than it saved: docs/performance.md).
void release_free_memory() {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

/// Results handed back by the consumer of a batch to the worker thread that built them, which frees
/// them before its next task (see read_batch).
/// A result as process() returns it (nullopt: not a report), built in place on the heap.
using Slot = std::unique_ptr<std::optional<emit::ReportResult>>;

class Returned {
public:
  void give_back(std::thread::id owner, Slot r) {
    std::lock_guard lock(m_mutex);
    m_held.push_back({owner, std::move(r)});
  }
  /// Frees, on this thread, the results this thread built.
  void free_own() {
    std::vector<Slot> mine;
    {
      std::lock_guard lock(m_mutex);
      const auto self = std::this_thread::get_id();
      for (auto it = m_held.begin(); it != m_held.end();) {
        if (it->owner == self) {
          mine.push_back(std::move(it->result));
          it = m_held.erase(it);
        } else {
          ++it;
        }
      }
    }
  } // `mine` freed here, outside the lock
private:
  struct Held {
    std::thread::id owner;
    Slot result;
  };
  std::mutex m_mutex;
  std::vector<Held> m_held; // at most the threads' window of results
};

/// Expands the arguments and reads, extracts and checks every input on -j threads; `each` sees
/// the results in input order (on this thread). `planned` is told the number of inputs first.
/// Problems with the inputs go to `err` at once.
BatchInputs read_batch(const Options& o, const std::vector<schema::Template>& templates,
                       std::ostream& err, const std::function<void(emit::ReportResult&&)>& each,
                       const std::function<void(std::size_t)>& planned) {
  return read_batch(
      o, templates, err, Prepare{}, [&](emit::ReportResult&& r, std::any&&) { each(std::move(r)); },
      planned);
}

BatchInputs read_batch(const Options& o, const std::vector<schema::Template>& templates,
                       std::ostream& err, const Prepare& prepare,
                       const std::function<void(emit::ReportResult&&, std::any&&)>& each,
                       const std::function<void(std::size_t)>& planned) {
  BatchInputs b;
  b.inputs = collect_inputs(o.paths, o.hidden ? Hidden::Include : Hidden::Skip);
  for (const auto& p : b.inputs.problems) {
    err << fmt::format("xxgk: error: {}: {}\n", p.path, p.message.render(message_lang(o)));
  }
  const auto& files = b.inputs.files;
  if (planned) {
    planned(files.size());
  }
  const unsigned jobs = job_count(o.jobs);
  // Only the results between the last one handed on and the threads' window are held here, in
  // one slot per task that can run at once (task i in slot i modulo the window: nothing is kept
  // per input). (Pointers: a slot must not cost a whole ReportResult before its turn.)
  const std::size_t slots = std::min(std::max<std::size_t>(files.size(), 1), ordered_window(jobs));
  std::vector<Slot> pending(slots);
  std::vector<std::vector<emit::ReportResult>> more(slots); // CSV rows, JSON lines
  // What `prepare` took from the slot's results (the first, then `more`'s), on the reading thread.
  std::vector<std::vector<std::any>> prepared(slots);
  const bool show_progress = o.stderr_is_tty && !o.quiet && files.size() >= k_progress_min_inputs;
  const auto start = std::chrono::steady_clock::now();
  auto last_shown = start;
  Progress progress;
  if (show_progress) {
    progress = [&](std::size_t done, std::size_t total) {
      const auto now = std::chrono::steady_clock::now();
      if (done < total && now - last_shown < std::chrono::milliseconds(100)) {
        return;
      }
      last_shown = now;
      const double seconds = std::chrono::duration<double>(now - start).count();
      err << "\r" << progress_line(done, total, seconds) << "\x1b[K" << std::flush;
    };
  }
  if (jobs > 1 && files.size() > 1) {
    // libxml2 must be initialised on one thread before several use it (the HTML reader calls
    // xmlInitParser on each read): one tiny page read here does that.
    document::ReadOptions html;
    html.input_format = "html";
    (void)document::read("<html><body></body></html>", html);
  }
  // With several threads, a result is freed by the worker that built it, before its next task:
  // freed on this thread, its many small blocks went back to the worker's heap under that heap's
  // lock while the worker allocated from it (glibc), which cost -j 2 a tenth of its CPU time.
  const bool several = jobs > 1 && files.size() > 1;
  std::vector<std::thread::id> built_by(slots);
  Returned returned;
  run_ordered(
      files.size(), jobs,
      [&](std::size_t i) {
        if (several) {
          returned.free_own();
          built_by[i % slots] = std::this_thread::get_id();
        }
        const Input input = files[i];
        // Initialised from the returned value itself: the report is never moved (make_unique
        // would move it).
        Slot& slot = pending[i % slots];
        slot = Slot(new std::optional<emit::ReportResult>(
            process(input.path, templates, o, input.origin, &more[i % slots])));
        if (prepare && slot->has_value()) {
          std::vector<std::any>& p = prepared[i % slots];
          p.push_back(prepare(**slot));
          for (const auto& m : more[i % slots]) {
            p.push_back(prepare(m));
          }
        }
      },
      [&](std::size_t i) {
        Slot r = std::move(pending[i % slots]);
        if (r && r->has_value()) {
          std::vector<std::any> p = std::move(prepared[i % slots]);
          prepared[i % slots].clear();          // a moved-from vector is valid but unspecified
          p.resize(1 + more[i % slots].size()); // empty where nothing was prepared
          each(std::move(**r), std::move(p[0]));
          for (std::size_t k = 0; k < more[i % slots].size(); ++k) {
            each(std::move(more[i % slots][k]), std::move(p[k + 1]));
          }
          more[i % slots] = {};
        } else {
          ++b.not_reports; // not a report document
          b.not_report_paths.push_back(files[i].path);
        }
        // A result this thread built (it runs tasks too) is freed here, below.
        if (several && r && built_by[i % slots] != std::this_thread::get_id()) {
          returned.give_back(built_by[i % slots], std::move(r));
        }
        r.reset();
        if ((i + 1) % k_trim_every == 0) {
          release_free_memory();
        }
      },
      progress, [] { return io::interrupted(); });
  if (show_progress) {
    err << "\r\x1b[K" << std::flush;
  }
  return b;
}

/// The tables of a read report that extraction could not read at all (EXTRACT-TABLE or
/// EXTRACT-LAYOUT errors), by name.
std::vector<std::string> unread_tables(const emit::ReportResult& r) {
  std::vector<std::string> names;
  for (const auto& d : r.diagnostics) {
    if ((d.rule == "EXTRACT-TABLE" || d.rule == "EXTRACT-LAYOUT") &&
        d.severity == diag::Severity::Error) {
      names.push_back("表" + d.location.table_name);
    }
  }
  return names;
}

} // namespace xxgk::app
