// `xxgk aggregate`: the tables of many reports summed into one (district totals), written as a
// report, or with --compare / --expect checked against the district's own report and its list
// of units, the findings written as `check` writes them.

#include "commands.hpp"
#include "messages.hpp"
#include "options.hpp"
#include "pipeline.hpp"
#include "selection.hpp"
#include "tallies.hpp"
#include <xxgk/rules/catalog.hpp>

#include <xxgk/emit/convert.hpp>
#include <xxgk/emit/emitters.hpp>
#include <xxgk/emit/report_rows.hpp>
#include <xxgk/io/file.hpp>
#include <xxgk/io/signals.hpp>
#include <xxgk/rules/aggregate.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>

namespace xxgk::app {

namespace {

/// At most this many cell paths are named per report and kind of note on stderr.
constexpr std::size_t k_noted_paths = 5;

/// The notes of the sum on stderr, grouped per report and kind: "xxgk: note: a.txt: 12 blank
/// cells counted as 0: requests.granted.natural_person, … ".
void write_sum_notes(const std::vector<rules::aggregate::Note>& notes, diag::Lang lang,
                     std::ostream& err) {
  using Kind = rules::aggregate::Note::Kind;
  std::size_t i = 0;
  while (i < notes.size()) {
    std::size_t j = i;
    while (j < notes.size() && notes[j].source == notes[i].source &&
           notes[j].kind == notes[i].kind) {
      ++j;
    }
    const std::size_t n = j - i;
    std::vector<std::string> named;
    for (std::size_t k = i; k < j && named.size() < k_noted_paths; ++k) {
      named.push_back(notes[i].kind == Kind::NotANumber
                          ? fmt::format("{} “{}”", notes[k].path, notes[k].raw)
                          : notes[k].path);
    }
    const std::string more = n > named.size() ? ", …" : "";
    const std::string list = fmt::format("{}{}", fmt::join(named, ", "), more);
    const auto count = static_cast<long long>(n);
    switch (notes[i].kind) {
    case Kind::BlankAsZero:
      err << "xxgk: note: " << notes[i].source << ": "
          << msg::text(lang, msg::k_sum_blank,
                       {n, msg::counted(count, "单元格", "cell", "cells"), list})
          << "\n";
      break;
    case Kind::NotANumber:
      err << "xxgk: warning: " << notes[i].source << ": "
          << msg::text(lang, msg::k_sum_not_number,
                       {n, msg::counted(count, "单元格", "cell is", "cells are"), list})
          << "\n";
      break;
    case Kind::NotFound:
      err << "xxgk: warning: " << notes[i].source << ": "
          << msg::text(lang, msg::k_sum_not_found,
                       {n, msg::counted(count, "单元格", "cell", "cells"), list})
          << "\n";
      break;
    case Kind::Overflow:
      err << "xxgk: error: " << notes[i].source << ": "
          << msg::text(lang, msg::k_sum_overflow, {list}) << "\n";
      break;
    }
    i = j;
  }
}

/// Whether two paths name the same file (so that --compare's report is not summed too).
bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return a != "-" && b != "-" && std::filesystem::equivalent(a, b, ec) && !ec;
}

} // namespace

int run_aggregate(const Options& o, std::ostream& out, std::ostream& err) {
  const bool diagnostics = !o.compare.empty() || !o.expect.empty();
  choose<std::string>("aggregate target (--to)", o.to,
                      {{"json", "json"}, {"csv", "csv"}, {"text", "text"}});
  headers_of(o);
  const Emission emission = emission_of(o);
  const diag::Lang lang = message_lang(o);
  const auto templates = load_templates(o);
  const auto catalog = rules::catalog(templates);
  const RuleSelection selection(o, catalog);

  // The units list and the district's own report are read first: a problem there is exit 2
  // before any work.
  std::vector<rules::aggregate::Unit> units;
  std::string units_text;
  if (!o.expect.empty()) {
    auto text = io::read_file(o.expect);
    if (!text) {
      throw UsageError{fmt::format("{}: {}", o.expect, text.error().text(lang))};
    }
    units_text = std::move(*text);
    units = rules::aggregate::parse_units(units_text);
  }
  std::optional<emit::ReportResult> own;
  if (!o.compare.empty()) {
    own = process(o.compare, templates, o);
    if (!own || !own->readable) {
      throw UsageError{fmt::format("{}: {}", o.compare,
                                   own ? own->read_error : msg::text(lang, msg::k_not_a_report))};
    }
  }

  // One running total per template; the reports themselves are dropped as they are added.
  std::map<std::string, rules::aggregate::Accumulator> sums;
  std::vector<std::pair<std::string, std::string>> sources; // source, template, in input order
  std::vector<rules::aggregate::Present> present;
  std::vector<std::string> unreadable;
  std::vector<std::string> not_read; // read, but with a table extraction could not read
  const BatchInputs inputs = read_batch(o, templates, err, [&](emit::ReportResult&& r) {
    if (!r.readable) {
      err << fmt::format("xxgk: error: {}: {}\n", r.source, r.read_error);
      unreadable.push_back(r.source);
      return;
    }
    if (own && same_file(r.source, o.compare)) {
      err << "xxgk: note: " << r.source << ": " << msg::text(lang, msg::k_sum_compare_skipped)
          << "\n";
      return;
    }
    if (const auto missing = unread_tables(r); !missing.empty()) {
      // Summing a report without its tables would count its cells as zeros.
      err << "xxgk: warning: " << r.source << ": "
          << msg::text(lang, msg::k_sum_tables_unread,
                       {fmt::format("{}", fmt::join(missing, "、"))})
          << "\n";
      not_read.push_back(r.source);
      return;
    }
    auto it = sums.find(r.tmpl->id);
    if (it == sums.end()) {
      it = sums.emplace(r.tmpl->id, rules::aggregate::Accumulator(*r.tmpl)).first;
    }
    auto notes = it->second.add(r.report, r.source);
    if (o.quiet) {
      std::erase_if(notes, [](const rules::aggregate::Note& n) {
        return n.kind != rules::aggregate::Note::Kind::Overflow;
      });
    }
    write_sum_notes(notes, lang, err);
    sources.emplace_back(r.source, r.tmpl->id);
    if (r.report.agency && !r.report.agency->empty()) {
      present.push_back({*r.report.agency, r.source});
    }
  });
  if (io::interrupted()) {
    return k_exit_usage; // run() turns it into 130/143
  }

  // The template of the sum: --template, else the district report's, else the one most reports
  // have (the first report's on a tie).
  std::string chosen = o.template_id;
  if (chosen.empty() && own) {
    chosen = own->tmpl->id;
  }
  if (chosen.empty() && !sources.empty()) {
    chosen = sources.front().second;
    for (const auto& [id, acc] : sums) {
      if (acc.count() > sums.at(chosen).count()) {
        chosen = id;
      }
    }
  }
  const auto picked = sums.find(chosen);
  int excluded = 0;
  for (const auto& [source, id] : sources) {
    if (id != chosen) {
      ++excluded;
      if (o.quiet) {
        continue;
      }
      err << "xxgk: warning: " << source << ": "
          << msg::text(lang, msg::k_sum_other_template, {id, chosen}) << "\n";
    }
  }
  const int summed = picked == sums.end() ? 0 : picked->second.count();
  if (!o.quiet) {
    err << "xxgk: "
        << msg::text(lang, msg::k_summed,
                     {summed, msg::counted(summed, "份报告", "report", "reports"),
                      chosen.empty() ? diag::nested({&msg::k_summed_no_template, {}})
                                     : diag::nested({&msg::k_summed_template, {chosen}}),
                      excluded, unreadable.size(),
                      not_read.empty()
                          ? diag::Arg(std::string())
                          : diag::nested({&msg::k_summed_tables_unread, {not_read.size()}})})
        << "\n";
  }
  excluded += static_cast<int>(not_read.size());
  const bool broken = !inputs.inputs.problems.empty() || !unreadable.empty() ||
                      (picked != sums.end() && picked->second.overflowed());
  if (inputs.inputs.expanded && !o.quiet) {
    write_not_reports(inputs, lang, err);
  }
  if (summed == 0) {
    if (o.allow_empty && !broken && excluded == 0) {
      err << "xxgk: note: " << msg::text(lang, msg::k_nothing_to_sum_allowed) << "\n";
      return k_exit_clean;
    }
    err << "xxgk: error: "
        << msg::text(lang, msg::k_nothing_to_sum,
                     {fmt::format("{}", fmt::join(o.paths, ", ")),
                      o.allow_empty ? diag::Arg(std::string())
                                    : diag::nested({&msg::k_allow_empty_hint, {}})})
        << "\n";
    return k_exit_usage;
  }
  const rules::aggregate::Accumulator& acc = picked->second;
  const report::Report total = acc.total();

  if (!diagnostics) {
    if (o.to == "json") {
      out << emit::report_json(total, acc.tmpl()).dump(2) << "\n";
    } else if (o.to == "csv") {
      emit::ReportResult r;
      r.source = total.source;
      r.report = total;
      r.tmpl = &acc.tmpl();
      emit::write_report_csv_header(out, headers_of(o));
      emit::write_report_csv_row(r, out);
    } else {
      emit::write_text_report(total, acc.tmpl(), out);
    }
    return broken ? k_exit_usage : excluded > 0 ? k_exit_findings : k_exit_clean;
  }

  // --compare / --expect: findings, written like those of `check`.
  emit::Batch batch;
  batch.rules = catalog;
  if (own) {
    if (own->tmpl->id != acc.tmpl().id) {
      throw UsageError{
          fmt::format("{}: {}", own->source,
                      msg::text(lang, msg::k_compare_template, {own->tmpl->id, acc.tmpl().id}))};
    }
    own->diagnostics = rules::aggregate::compare(own->report, total, acc.count(), acc.tmpl());
    selection.apply(*own, batch.rules);
    own->rules_checked.clear();
    batch.reports.push_back(std::move(*own));
  }
  if (!o.expect.empty()) {
    emit::ReportResult list;
    list.source = o.expect;
    list.tmpl = &acc.tmpl();
    list.report.format = "units-list";
    list.report.template_id = acc.tmpl().id;
    list.text = std::move(units_text);
    list.diagnostics = rules::aggregate::check_units(units, present, o.expect);
    selection.apply(list, batch.rules);
    list.rules_checked.clear();
    diag::sort_diagnostics(list.diagnostics);
    batch.reports.push_back(std::move(list));
  }
  emission.format->write(batch, emission.oo, out);
  if (broken) {
    return k_exit_usage;
  }
  return exit_code(batch.reports, o, emission.fail_on, err);
}

} // namespace xxgk::app
