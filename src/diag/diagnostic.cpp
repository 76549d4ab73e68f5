#include <xxgk/diag/diagnostic.hpp>

#include <algorithm>
#include <tuple>
#include <utility>

namespace xxgk::diag {

std::string_view to_string(Severity s) {
  switch (s) {
  case Severity::Info:
    return "info";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "error";
}

void Diagnostic::say(Message m) {
  message = m.render(Lang::Zh);
  msg = std::move(m);
}

std::string Diagnostic::text(Lang lang) const {
  return msg.empty() ? message : msg.render(lang);
}

Diagnostic make(std::string rule, Severity severity, Message m, SourceLocation at) {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.say(std::move(m));
  d.location = std::move(at);
  return d;
}

bool parse_severity(std::string_view s, Severity& out) {
  if (s == "info") {
    out = Severity::Info;
  } else if (s == "warning") {
    out = Severity::Warning;
  } else if (s == "error") {
    out = Severity::Error;
  } else {
    return false;
  }
  return true;
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto& x = a.location;
    const auto& y = b.location;
    return std::tie(x.line, x.column, x.block, x.table, x.row, x.cell, x.paragraph, a.rule,
                    a.message) < std::tie(y.line, y.column, y.block, y.table, y.row, y.cell,
                                          y.paragraph, b.rule, b.message);
  });
}

} // namespace xxgk::diag
