// JUnit XML as Jenkins (junit plugin) and GitLab (artifacts:reports:junit) read it: a
// testsuite per report, a testcase per rule checked; a rule with errors or warnings fails with
// one <failure> listing its findings, infos go to <system-out>. Written with pugixml.

#include <xxgk/emit/emitters.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <algorithm>
#include <ostream>

namespace xxgk::emit {

namespace {

void set(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(value.c_str());
}
void set(pugi::xml_node node, const char* name, int value) {
  node.append_attribute(name).set_value(value);
}

void property(pugi::xml_node props, const char* name, const std::string& value) {
  auto p = props.append_child("property");
  set(p, "name", name);
  set(p, "value", value);
}

} // namespace

void write_junit(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  auto suites = doc.append_child("testsuites");
  set(suites, "name", std::string(k_tool_name));
  int all_tests = 0;
  int all_failures = 0;
  int all_errors = 0;

  for (const auto& r : batch.reports) {
    auto suite = suites.append_child("testsuite");
    set(suite, "name", r.source);
    if (!r.readable) {
      set(suite, "tests", 1);
      set(suite, "failures", 0);
      set(suite, "errors", 1);
      set(suite, "skipped", 0);
      auto tc = suite.append_child("testcase");
      set(tc, "name", "READ");
      set(tc, "classname", r.source);
      set(tc, "file", r.source);
      auto e = tc.append_child("error");
      set(e, "type", "READ");
      set(e, "message", r.read_error);
      e.text().set(fmt::format("{}: {}", r.source, r.read_error).c_str());
      ++all_tests;
      ++all_errors;
      continue;
    }
    auto props = suite.append_child("properties");
    property(props, "format", r.report.format);
    property(props, "template", r.report.template_id);
    property(props, "agency", r.report.agency.value_or(""));
    property(props, "year", r.report.year ? std::to_string(*r.report.year) : "");

    // Every rule checked, then any other rule that reported (e.g. a reader finding).
    std::vector<std::string> ids = r.rules_checked;
    for (const auto& d : r.diagnostics) {
      if (std::find(ids.begin(), ids.end(), d.rule) == ids.end()) {
        ids.push_back(d.rule);
      }
    }
    int failures = 0;
    for (const auto& id : ids) {
      auto tc = suite.append_child("testcase");
      const RuleInfo* info = batch.rule(id);
      set(tc, "name", info != nullptr ? id + " " + rule_title(*info, options.lang) : id);
      set(tc, "classname", r.source);
      set(tc, "file", r.source);
      std::vector<const diag::Diagnostic*> found;
      for (const auto& d : r.diagnostics) {
        if (d.rule == id) {
          found.push_back(&d);
        }
      }
      if (found.empty()) {
        continue;
      }
      std::string failed;
      std::string notes;
      int failing = 0;
      diag::Severity worst = diag::Severity::Info;
      std::string first_message;
      for (const auto* d : found) {
        const std::string line = fmt::format(
            "{}: {}: {}\n", where_text(r, *d, options.lang), diag::to_string(d->severity),
            localized_message(*d, batch.rule(d->rule), options.lang));
        if (d->severity == diag::Severity::Info) {
          notes += line;
          continue;
        }
        if (failing++ == 0) {
          first_message = localized_message(*d, batch.rule(d->rule), options.lang);
        }
        worst = std::max(worst, d->severity);
        failed += line;
      }
      if (failing > 0) {
        auto f = tc.append_child("failure");
        set(f, "type", std::string(diag::to_string(worst)));
        set(f, "message",
            failing == 1 ? first_message
                         : fmt::format("{} findings; the first: {}", failing, first_message));
        f.text().set(failed.c_str());
        ++failures;
      }
      if (!notes.empty()) {
        tc.append_child("system-out").text().set(notes.c_str());
      }
    }
    set(suite, "tests", static_cast<int>(ids.size()));
    set(suite, "failures", failures);
    set(suite, "errors", 0);
    set(suite, "skipped", 0);
    all_tests += static_cast<int>(ids.size());
    all_failures += failures;
  }
  set(suites, "tests", all_tests);
  set(suites, "failures", all_failures);
  set(suites, "errors", all_errors);
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
}

} // namespace xxgk::emit
