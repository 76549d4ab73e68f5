// `xxgk check`: every input read, checked and written as soon as it is checked; then the
// cross-document checks of a batch, the baseline, the closing summary and the exit code.

#include "baseline.hpp"
#include "commands.hpp"
#include "messages.hpp"
#include "options.hpp"
#include "pipeline.hpp"
#include "selection.hpp"
#include "tallies.hpp"
#include <xxgk/rules/catalog.hpp>

#include <xxgk/emit/emitters.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/rules/cross.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <tuple>

namespace xxgk::app {

namespace {

/// Appends the Markdown job summary to $GITHUB_STEP_SUMMARY (read, extend, replace atomically:
/// io/ has no append, and a reader never sees half a summary).
void append_step_summary(const std::string& path, const std::string& summary, diag::Lang lang,
                         std::ostream& err) {
  std::string text;
  if (auto old = io::read_file(path)) {
    text = std::move(*old);
  }
  if (!text.empty() && !text.ends_with('\n')) {
    text += '\n';
  }
  text += summary;
  if (auto w = io::write_file_atomic(path, text); !w) {
    err << "xxgk: warning: " << path << ": "
        << msg::text(lang, msg::k_step_summary, {diag::nested(w.error().msg)}) << "\n";
  }
}

/// The late findings of a batch: the cross-document checks over the summaries taken while the
/// batch was read (nothing is read again), as selected, by the report they belong to. Neither the
/// findings nor the reports' results are held: settling checks each report's findings from its
/// agency's summaries (rules::cross::Collector::check(index)) and keeps only which reports have
/// any; its result (its identity and the lines of its excerpts, from its summary; about 40 KB: the
/// typed report's cells are inline) is built again when it is written, a window of reports at a
/// time. Both passes run on the -j threads, results taken in input order. With a baseline (read
/// or written) what is left of each report's findings after settling is kept instead: which
/// findings a baseline takes depends on the reports before.
class CrossFindings {
public:
  using Hide = std::function<void(emit::ReportResult&)>;

  /// `count`: the reports of the batch (indices 0 … count-1); `hide` is what settling does to
  /// the findings besides the baseline (--quiet); `keep` whether a baseline is read or written.
  CrossFindings(const rules::cross::Collector& cross, std::size_t count, unsigned jobs,
                const RuleSelection& selection, const std::vector<emit::RuleInfo>& catalog,
                const std::vector<schema::Template>& templates, Hide hide, bool keep)
      : m_cross(cross), m_count(count), m_jobs(jobs), m_selection(selection), m_catalog(catalog),
        m_templates(templates), m_hide(std::move(hide)), m_keep(keep) {}

  /// Calls settle(result, index) on each report's late findings in order (--severity overrides
  /// applied, sorted), for the reports that have any. False when interrupted.
  template <typename Settle> bool settle(Settle&& fn) {
    m_reports.clear();
    m_kept.clear();
    std::vector<std::unique_ptr<emit::LateFindings>> slots(ordered_window(m_jobs));
    OrderedTasks tasks(
        m_count, m_jobs, [&](std::size_t index) { slots[index % slots.size()] = checked(index); },
        [] { return io::interrupted(); });
    for (std::size_t index = 0; index < m_count; ++index) {
      if (!tasks.wait(index)) {
        tasks.finish(); // a task's exception
        return false;   // run() stops with 130 or 143
      }
      const std::unique_ptr<emit::LateFindings> l = std::move(slots[index % slots.size()]);
      tasks.consumed(index);
      if (!l) {
        continue;
      }
      m_reports.push_back(index);
      fn(l->result, index);
      if (m_keep) {
        m_kept.push_back(std::move(l->result.diagnostics));
      }
    }
    tasks.finish();
    return true;
  }

  /// The settled late findings, each report's result built when the emitter asks for it.
  class Sequence : public emit::LateSequence {
  public:
    explicit Sequence(const CrossFindings& owner)
        : m_owner(owner), m_slots(ordered_window(owner.m_jobs)),
          m_tasks(owner.m_reports.size(), owner.m_jobs,
                  [this](std::size_t k) { m_slots[k % m_slots.size()] = m_owner.result(k); }) {}
    const emit::LateFindings* next() override {
      m_current.reset(); // a window at a time
      if (m_next == m_owner.m_reports.size()) {
        m_tasks.finish();
        return nullptr;
      }
      const std::size_t k = m_next++;
      if (!m_tasks.wait(k)) {
        m_tasks.finish(); // rethrows the task's exception
        return nullptr;
      }
      m_current = std::move(m_slots[k % m_slots.size()]);
      m_tasks.consumed(k);
      if (!m_owner.m_keep) {
        m_owner.m_hide(m_current->result);
      }
      return m_current.get();
    }

  private:
    const CrossFindings& m_owner;
    std::size_t m_next = 0;
    std::unique_ptr<emit::LateFindings> m_current;
    std::vector<std::unique_ptr<emit::LateFindings>> m_slots;
    OrderedTasks m_tasks; // last: its threads stop before the slots go
  };

private:
  /// The result of the k-th report with late findings, to be written (on any thread).
  [[nodiscard]] std::unique_ptr<emit::LateFindings> result(std::size_t k) const {
    const std::size_t index = m_reports[k];
    if (m_keep) {
      auto l = build(index, m_kept[k]);
      m_selection.apply(l->result, m_catalog); // its rules checked
      return l;
    }
    return checked(index);
  }

  /// The report's late findings as found: selected, --severity overrides applied, sorted; null
  /// when it has none (on any thread).
  [[nodiscard]] std::unique_ptr<emit::LateFindings> checked(std::size_t index) const {
    std::vector<diag::Diagnostic> diagnostics;
    for (auto& f : m_cross.check(index)) {
      if (m_selection.enabled(f.diagnostic.rule)) {
        diagnostics.push_back(std::move(f.diagnostic));
      }
    }
    if (diagnostics.empty()) {
      return nullptr;
    }
    auto l = build(index, std::move(diagnostics));
    m_selection.apply(l->result, m_catalog); // --severity overrides
    diag::sort_diagnostics(l->result.diagnostics);
    return l;
  }

  /// The result of the report at `index` with these findings: its identity from its summary.
  [[nodiscard]] std::unique_ptr<emit::LateFindings>
  build(std::size_t index, std::vector<diag::Diagnostic> diagnostics) const {
    auto l = std::make_unique<emit::LateFindings>();
    l->index = index;
    if (std::optional<rules::cross::Summary> s = m_cross.summary(index)) {
      l->result.source = s->source;
      l->result.form = s->form;
      l->result.windows = std::move(s->windows);
      for (const auto& t : m_templates) {
        if (t.id == s->template_id) {
          l->result.tmpl = &t;
        }
      }
      report::Report& r = l->result.report;
      r.source = s->source;
      r.format = s->format;
      r.template_id = s->template_id;
      r.year = s->year;
      r.agency = s->agency;
    }
    l->result.diagnostics = std::move(diagnostics);
    return l;
  }

  const rules::cross::Collector& m_cross;
  std::size_t m_count;
  unsigned m_jobs;
  const RuleSelection& m_selection;
  const std::vector<emit::RuleInfo>& m_catalog;
  const std::vector<schema::Template>& m_templates;
  Hide m_hide;
  bool m_keep;
  std::vector<std::size_t> m_reports;                ///< those with late findings, in input order
  std::vector<std::vector<diag::Diagnostic>> m_kept; ///< with m_keep: their settled findings
};

} // namespace

int run_check(const Options& o, std::ostream& out, std::ostream& err) {
  // Every option is checked before any input is read or output written.
  const Emission emission = emission_of(o);
  const emit::OutputOptions& oo = emission.oo;
  if (o.statistics && o.format != "text" && o.format != "json") {
    throw UsageError{"--statistics works with --format text or json"};
  }
  const auto templates = load_templates(o);
  const std::vector<emit::RuleInfo> catalog = rules::catalog(templates);
  const RuleSelection selection(o, catalog);
  const bool writing_baseline = !o.write_baseline.empty();
  Baseline baseline = !o.baseline.empty() && !writing_baseline
                          ? read_baseline(o.baseline, message_lang(o))
                          : Baseline{};

  // Each report is written as soon as it is checked and then dropped: the run keeps
  // only its tally, the few figures of the cross-document checks and, for formats that need the
  // whole batch first (SARIF, JUnit, HTML) or for the GitHub job summary, the results.
  const std::unique_ptr<emit::Stream> stream =
      o.statistics ? emit::statistics_stream(o.format == "json", catalog, oo, out)
                   : emit::make_stream(*emission.format, catalog, oo, out);
  const bool step_summary = o.format == "github" && !o.github_step_summary.empty();
  // The job summary needs the whole batch: it is kept as the formats that do are (make_stream),
  // which also merges the late findings into their reports.
  std::ostringstream summary_text;
  const emit::Format summary_format{"github-summary", "", emit::write_github_summary};
  const std::unique_ptr<emit::Stream> summary =
      step_summary ? emit::make_stream(summary_format, catalog, oo, summary_text) : nullptr;
  BaselineWriter recorder;
  Tally tally;
  tally.quiet = o.quiet;
  rules::cross::Collector cross; // every report that can take part in them, encoded

  // --quiet: what it leaves out of a report's findings, and how many.
  auto hide = [&](emit::ReportResult& r) {
    return o.quiet ? static_cast<int>(std::erase_if(r.diagnostics,
                                                    [](const diag::Diagnostic& d) {
                                                      return d.severity != diag::Severity::Error;
                                                    }))
                   : 0;
  };
  // Baseline, tally and --quiet, for a report as read and for the late findings alike.
  auto settle = [&](emit::ReportResult& r, std::size_t index) {
    if (writing_baseline) {
      recorder.take(r);
    } else if (!o.baseline.empty()) {
      tally.baselined += apply_baseline(r, baseline);
    }
    tally.add(index, r);
    for (const auto& d : r.diagnostics) {
      ++tally.per_rule[d.rule];
    }
    tally.hidden += hide(r);
  };

  std::size_t count = 0;
  const BatchInputs inputs = read_batch(
      o, templates, err,
      // A report's cross-document summary is taken on the thread that read it, where the report
      // still is in that core's cache; its index is its place among those handed on.
      [](const emit::ReportResult& r) -> std::any {
        if (!r.readable) {
          return {};
        }
        return rules::cross::summarize(r.report, 0, r.text, r.form);
      },
      [&](emit::ReportResult&& r, std::any&& prepared) {
        const std::size_t index = count++;
        if (r.readable) {
          if (auto* s = std::any_cast<std::optional<rules::cross::Summary>>(&prepared);
              s != nullptr && s->has_value()) {
            (*s)->index = index;
            cross.add(**s);
          }
          selection.apply(r, catalog);
        } else {
          tally.unreadable.emplace_back(r.source, r.read_error);
        }
        settle(r, index);
        stream->report(r);
        if (summary) {
          summary->report(r);
        }
      },
      [&](std::size_t planned) {
        // What is kept per report is allocated once, up front, not among the freed memory of the
        // reports (that would pin pages: see release_free_memory).
        cross.reserve(planned);
        tally.found.reserve(planned);
      });
  if (io::interrupted()) {
    return k_exit_usage; // run() says so and exits 130 or 143; what was written stays
  }
  std::optional<CrossFindings> late;
  if (inputs.inputs.expanded) {
    // Only a batch (a directory or an @list) is one district's reports: files named one by one
    // are often drafts and variants of the same report.
    late.emplace(
        cross, count, job_count(o.jobs), selection, catalog, templates,
        [&](emit::ReportResult& r) { hide(r); }, writing_baseline || !o.baseline.empty());
    if (io::interrupted() || !late->settle(settle)) {
      return k_exit_usage; // run() says so and exits 130 or 143
    }
  }
  if (writing_baseline) {
    // The findings just recorded are the baseline of this run: it reports nothing new.
    if (auto w = io::write_file_atomic(o.write_baseline, recorder.text()); !w) {
      throw UsageError{fmt::format("{}: {}", o.write_baseline, w.error().text(message_lang(o)))};
    }
    tally.baselined = recorder.recorded();
    err << "xxgk: "
        << msg::text(message_lang(o), msg::k_baseline_written,
                     {recorder.recorded(),
                      msg::counted(recorder.recorded(), "条发现", "finding", "findings"),
                      o.write_baseline})
        << "\n";
  }
  for (const auto& [source, reason] : tally.unreadable) {
    err << fmt::format("xxgk: error: {}: {}\n", source, reason);
  }
  int code =
      inputs.inputs.problems.empty() ? exit_code(tally, o, emission.fail_on, err) : k_exit_usage;
  if (inputs.inputs.expanded && !o.quiet) {
    write_batch_summary(inputs, tally, message_lang(o), err);
  }
  if (inputs.inputs.problems.empty() && !check_not_empty(tally.found.size(), inputs, o, err)) {
    code = k_exit_usage;
  }
  const std::vector<emit::LateFindings> none;
  auto finish = [&](emit::Stream& s) {
    if (late) {
      CrossFindings::Sequence sequence(*late);
      s.finish(sequence, tally.totals());
    } else {
      s.finish(none, tally.totals());
    }
  };
  finish(*stream);
  if (summary) {
    finish(*summary);
    append_step_summary(o.github_step_summary, summary_text.str(), message_lang(o), err);
  }
  return code;
}

} // namespace xxgk::app
