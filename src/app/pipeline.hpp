#pragma once
// The shared pipeline of every command: one input read, extracted and checked (process), and a
// whole batch of inputs run through it on -j threads with results in input order (read_batch).

#include <xxgk/app/app.hpp>
#include <xxgk/app/batch.hpp>
#include <xxgk/emit/results.hpp>
#include <xxgk/schema/schema.hpp>

#include <any>
#include <cstddef>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace xxgk::app {

/// The templates a run may use: the bundled ones, or the one in --schema; only --template's
/// when it is given. A UsageError when the schema cannot be read or the template is unknown.
std::vector<schema::Template> load_templates(const Options& o);

/// Reads, extracts and checks one input. nullopt: a file found in a directory that is not a
/// report document (skipped and counted, not reported). Report data with several reports (CSV
/// rows, JSON lines) gives the first; `rest`, when given, receives the others.
std::optional<emit::ReportResult> process(const std::string& path,
                                          const std::vector<schema::Template>& templates,
                                          const Options& o, Origin origin = Origin::Given,
                                          std::vector<emit::ReportResult>* rest = nullptr);

/// The same for bytes already in memory; `source` names them in the result ("<stdin>" for
/// standard input).
std::optional<emit::ReportResult> process_bytes(std::string_view bytes, const std::string& source,
                                                const std::vector<schema::Template>& templates,
                                                const Options& o, Origin origin = Origin::Given,
                                                std::vector<emit::ReportResult>* rest = nullptr);

/// Inputs of a run and how many were passed over; see batch.hpp.
struct BatchInputs {
  Inputs inputs;
  int not_reports = 0; ///< files found in directories that are not report documents
  std::vector<std::string> not_report_paths; ///< their paths, named in the summary
};

/// Expands the arguments and reads, extracts and checks every input on -j threads; `each` sees
/// the results in input order (on this thread). `planned` is told the number of inputs first.
/// Problems with the inputs go to `err` at once.
BatchInputs read_batch(const Options& o, const std::vector<schema::Template>& templates,
                       std::ostream& err, const std::function<void(emit::ReportResult&&)>& each,
                       const std::function<void(std::size_t)>& planned = {});

/// What a batch's consumer takes from each result on the thread that built it, while the result
/// is still in that core's cache (read_batch below); empty when it takes nothing.
using Prepare = std::function<std::any(const emit::ReportResult&)>;

/// read_batch, with `prepare` run on each result (report data's several reports each) on the
/// thread that read it; `each` receives the result and what `prepare` returned for it.
BatchInputs read_batch(const Options& o, const std::vector<schema::Template>& templates,
                       std::ostream& err, const Prepare& prepare,
                       const std::function<void(emit::ReportResult&&, std::any&&)>& each,
                       const std::function<void(std::size_t)>& planned = {});

/// The tables of a read report that extraction could not read at all (EXTRACT-TABLE or
/// EXTRACT-LAYOUT errors), by name.
std::vector<std::string> unread_tables(const emit::ReportResult& r);

} // namespace xxgk::app
