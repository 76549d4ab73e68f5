// SARIF 2.1.0 (OASIS). tests/sarif_validate.py checks the output against the official schema
// (tests/data/sarif-schema-2.1.0.json).

#include "shared.hpp"

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>

#include <map>
#include <ostream>
#include <set>

namespace xxgk::emit {

using nlohmann::ordered_json;

namespace {

const char* level_of(diag::Severity s) {
  return severity_name(s, {"error", "warning", "note"});
}

/// A file path as a URI reference: relative paths stay relative (resolved against the checkout
/// by GitHub code scanning), absolute ones become file:// URIs; bytes outside the unreserved set
/// (Chinese file names, spaces) are percent-encoded.
std::string path_uri(std::string_view path) {
  std::string out = path.starts_with('/') ? "file://" : "";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                            c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

ordered_json artifact_location(const ReportResult& r, int index) {
  ordered_json a = {{"uri", path_uri(r.source)}};
  if (!r.source.starts_with('/')) {
    a["uriBaseId"] = "%SRCROOT%";
  }
  a["index"] = index;
  return a;
}

ordered_json rule_json(const RuleInfo& rule, Lang lang) {
  ordered_json j;
  j["id"] = rule.id;
  j["shortDescription"] = {{"text", rule_title(rule, lang)}};
  if (!rule.description.empty()) {
    j["fullDescription"] = {{"text", rule.description}};
  }
  std::string help = rule.description;
  std::string markdown = rule.description;
  if (!rule.template_text.empty()) {
    help += "\nTemplate text: " + rule.template_text;
    markdown += "\n\n**Template text:** " + rule.template_text;
  }
  if (!rule.fix.empty()) {
    help += "\nHow to fix: " + rule.fix;
    markdown += "\n\n**How to fix:** " + rule.fix;
  }
  if (!help.empty()) {
    j["help"] = {{"text", help}, {"markdown", markdown}};
  }
  j["defaultConfiguration"] = {{"level", level_of(rule.severity)}};
  ordered_json props;
  props["kind"] = rule.kind;
  props["templates"] = rule.templates;
  if (lang == Lang::Zh && !rule.title_en.empty()) {
    props["title_en"] = rule.title_en;
  }
  j["properties"] = props;
  return j;
}

} // namespace

void write_sarif(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  ordered_json driver;
  driver["name"] = k_tool_name;
  driver["version"] = k_tool_version;
  driver["semanticVersion"] = k_tool_version;
  driver["rules"] = ordered_json::array();
  // The rules that ran (after --select/--ignore) and any other rule that reported.
  std::set<std::string> ran;
  for (const auto& r : batch.reports) {
    ran.insert(r.rules_checked.begin(), r.rules_checked.end());
    for (const auto& d : r.diagnostics) {
      ran.insert(d.rule);
    }
  }
  std::map<std::string, int> rule_index;
  for (const auto& rule : batch.rules) {
    if (ran.count(rule.id) > 0) {
      rule_index[rule.id] = static_cast<int>(driver["rules"].size());
      driver["rules"].push_back(rule_json(rule, options.lang));
    }
  }

  ordered_json artifacts = ordered_json::array();
  ordered_json results = ordered_json::array();
  ordered_json notifications = ordered_json::array();
  int index = 0;
  for (const auto& r : batch.reports) {
    ordered_json artifact = {{"location", artifact_location(r, index)}};
    artifact["location"].erase("index");
    if (r.readable) {
      ordered_json props;
      props["format"] = r.report.format;
      props["template"] = r.report.template_id;
      props["agency"] = r.report.agency ? ordered_json(*r.report.agency) : ordered_json(nullptr);
      props["year"] = r.report.year ? ordered_json(*r.report.year) : ordered_json(nullptr);
      artifact["properties"] = props;
    }
    artifacts.push_back(artifact);
    if (!r.readable) {
      ordered_json physical;
      physical["artifactLocation"] = artifact_location(r, index);
      ordered_json location;
      location["physicalLocation"] = physical;
      ordered_json note;
      note["level"] = "error";
      note["message"] = {{"text", r.read_error}};
      note["locations"] = ordered_json::array({location});
      note["descriptor"] = {{"id", "READ"}};
      notifications.push_back(std::move(note));
    }
    for (const auto& d : r.diagnostics) {
      ordered_json result;
      result["ruleId"] = d.rule;
      if (const auto it = rule_index.find(d.rule); it != rule_index.end()) {
        result["ruleIndex"] = it->second;
      }
      result["level"] = level_of(d.severity);
      result["message"] = {{"text", localized_message(d, batch.rule(d.rule), options.lang)}};
      const auto& w = d.location;
      ordered_json physical = {{"artifactLocation", artifact_location(r, index)}};
      if (w.has_line()) {
        physical["region"] = {{"startLine", w.line}, {"startColumn", std::max(w.column, 1)}};
      } else if (w.page > 0) {
        // SARIF regions are lines and characters of text; a PDF page goes in the property bag.
        physical["properties"] = {{"page", w.page}};
      }
      ordered_json location = {{"physicalLocation", physical}};
      const std::string name = cell_name(w, options.lang);
      if (!name.empty() || !d.cells.empty()) {
        ordered_json logical;
        logical["name"] = name.empty() ? d.cells.front() : name;
        logical["fullyQualifiedName"] = d.cells.empty() ? name : d.cells.front();
        logical["kind"] = "element";
        location["logicalLocations"] = ordered_json::array({logical});
      }
      result["locations"] = ordered_json::array({location});
      result["partialFingerprints"] = {{"xxgk/v1", fingerprint(r, d)}};
      ordered_json props;
      props["cells"] = d.cells;
      props["location"] = location_json(w);
      result["properties"] = props;
      results.push_back(std::move(result));
    }
    ++index;
  }

  ordered_json run;
  run["tool"] = {{"driver", driver}};
  ordered_json invocation = {{"executionSuccessful", notifications.empty()}};
  if (!notifications.empty()) {
    invocation["toolExecutionNotifications"] = notifications;
  }
  run["invocations"] = ordered_json::array({invocation});
  run["artifacts"] = artifacts;
  run["results"] = results;
  run["columnKind"] = "unicodeCodePoints";
  if (batch.baselined > 0) {
    run["properties"] = {{"baselined", batch.baselined}};
  }

  ordered_json doc;
  doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  doc["version"] = "2.1.0";
  doc["runs"] = ordered_json::array({run});
  out << doc.dump(2) << "\n";
}

} // namespace xxgk::emit
