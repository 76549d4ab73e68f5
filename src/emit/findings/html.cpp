// One self-contained HTML page (no scripts, no network, no external files): a summary of the
// batch, then each report's findings and its tables laid out like the template, with the cells in
// error or warning highlighted and their messages on hover (title attribute).
//
// The page is built as an XHTML-compatible tree with pugixml, which does all escaping; every
// non-void element gets a (possibly empty) text child so that no element is written as `<td />`,
// which an HTML parser would not close.

#include "html_page.hpp"
#include "shared.hpp"

#include <xxgk/emit/emitters.hpp>
#include <xxgk/report/fields.hpp>

#include <fmt/format.h>
#include <pugixml.hpp>

#include <map>
#include <ostream>

namespace xxgk::emit {

namespace {

using html::attr;
using html::box;
using html::el;
using html::severity_word;
using html::Words;
using html::words;

constexpr const char* k_style = R"(
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
       margin: 1.5em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1.05em; margin-top: 1.5em; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 0.2em 0.5em; }
th { background: #f3f3f3; font-weight: normal; text-align: left; }
table.template td { text-align: right; min-width: 3em; font-variant-numeric: tabular-nums; }
table.summary td.n { text-align: right; }
tr.caption th { background: #e6e6e6; font-weight: bold; }
td.error, span.error { background: #f8c4c4; outline: 2px solid #c00; }
td.warning, span.warning { background: #fbe7b5; outline: 2px solid #c80; }
td.info { background: #d6eaf8; }
td.involved, span.involved { background: #fdeaea; }
td.unread, span.unread { background: repeating-linear-gradient(45deg, #fff, #fff 3px, #e8a0a0 3px, #e8a0a0 5px); }
td.na, span.na { background: repeating-linear-gradient(-45deg, #fff, #fff 4px, #ccc 4px, #ccc 6px); }
td[title], li[title] { cursor: help; }
.sev-error { color: #b00; font-weight: bold; } .sev-warning { color: #a60; font-weight: bold; }
.sev-info { color: #06c; } .unreadable { color: #b00; }
ul.findings { padding-left: 1.2em; } ul.findings li { margin: 0.2em 0; }
code { font-family: monospace; } .where { color: #555; }
.legend span { display: inline-block; padding: 0 0.5em; margin-right: 0.5em; border: 1px solid #999; }
footer { margin-top: 3em; color: #777; font-size: 0.9em; }
)";

std::string report_heading(const ReportResult& r, Lang lang) {
  std::string out;
  if (r.readable && r.report.agency) {
    out += *r.report.agency;
  }
  if (r.readable && r.report.year) {
    out +=
        lang == Lang::En ? fmt::format(" {}", *r.report.year) : fmt::format("{}年", *r.report.year);
  }
  return out.empty() ? r.source : fmt::format("{} — {}", out, r.source);
}

void write_summary(pugi::xml_node body, const Batch& batch, Lang lang) {
  const Words& w = words(lang);
  const Summary s = summarize(batch.reports);
  const std::string totals =
      lang == Lang::En
          ? fmt::format("{} reports checked: {} clean, {} with errors, {} with warnings, {} "
                        "unreadable; {} errors, {} warnings, {} infos in all.",
                        s.reports, s.clean, s.reports_with_errors, s.reports_with_warnings,
                        s.unreadable, s.errors, s.warnings, s.infos)
          : fmt::format("共检查 {} 份报告：{} 份无问题，{} 份有错误，{} 份有警告，{} 份无法读取；"
                        "合计 {} 个错误，{} 个警告，{} 个提示。",
                        s.reports, s.clean, s.reports_with_errors, s.reports_with_warnings,
                        s.unreadable, s.errors, s.warnings, s.infos);
  auto section = box(body, "section");
  attr(section, "id", "summary");
  el(section, "p", totals);
  if (batch.baselined > 0) {
    el(section, "p",
       lang == Lang::En ? fmt::format("{} findings in the baseline are not shown.", batch.baselined)
                        : fmt::format("基线中的 {} 项问题未列出。", batch.baselined));
  }
  auto table = box(section, "table");
  attr(table, "class", "summary");
  auto head = box(box(table, "thead"), "tr");
  for (const char* h : {w.report, w.agency, w.year, w.template_, w.errors, w.warnings, w.infos}) {
    el(head, "th", h);
  }
  auto tbody = box(table, "tbody");
  int index = 0;
  for (const auto& r : batch.reports) {
    ++index;
    auto tr = box(tbody, "tr");
    auto link = el(box(tr, "td"), "a", r.source);
    attr(link, "href", fmt::format("#report-{}", index));
    if (!r.readable) {
      auto td = el(tr, "td", fmt::format("{}: {}", w.unreadable, r.read_error));
      attr(td, "class", "unreadable");
      attr(td, "colspan", "6");
      continue;
    }
    el(tr, "td", r.report.agency.value_or(""));
    el(tr, "td", r.report.year ? std::to_string(*r.report.year) : "");
    el(tr, "td", r.report.template_id);
    for (const auto s_ : {diag::Severity::Error, diag::Severity::Warning, diag::Severity::Info}) {
      const int n = r.count(s_);
      auto td = el(tr, "td", std::to_string(n));
      attr(td, "class", n > 0 ? fmt::format("n sev-{}", diag::to_string(s_)) : "n");
    }
  }
  auto legend = el(section, "p");
  attr(legend, "class", "legend");
  for (const auto& [cls, text] :
       {std::pair{"error", w.legend_error}, std::pair{"warning", w.legend_warning},
        std::pair{"involved", w.legend_involved}, std::pair{"unread", w.legend_unread},
        std::pair{"na", w.legend_na}}) {
    auto span = el(legend, "span", text);
    attr(span, "class", cls);
  }
}

} // namespace

void write_html(const Batch& batch, const OutputOptions& options, std::ostream& out) {
  const Lang lang = options.lang;
  const Words& w = words(lang);
  pugi::xml_document doc;
  doc.append_child(pugi::node_doctype).set_value("html");
  auto html = box(doc, "html");
  attr(html, "xmlns", "http://www.w3.org/1999/xhtml");
  attr(html, "lang", lang == Lang::En ? "en" : "zh-CN");
  auto head = box(html, "head");
  head.append_child("meta").append_attribute("charset") = "utf-8";
  auto viewport = head.append_child("meta");
  attr(viewport, "name", "viewport");
  attr(viewport, "content", "width=device-width, initial-scale=1");
  const Summary s = summarize(batch.reports);
  el(head, "title",
     fmt::format("xxgk: {} {}, {} {}, {} {}", s.reports, w.report, s.errors, w.errors, s.warnings,
                 w.warnings));
  el(head, "style", k_style);

  auto body = box(html, "body");
  el(body, "h1", w.heading);
  write_summary(body, batch, lang);

  int index = 0;
  for (const auto& r : batch.reports) {
    ++index;
    auto section = box(body, "section");
    attr(section, "class", "report");
    attr(section, "id", fmt::format("report-{}", index));
    el(section, "h2", report_heading(r, lang));
    if (!r.readable) {
      auto p = el(section, "p", fmt::format("{}: {}", w.unreadable, r.read_error));
      attr(p, "class", "unreadable");
      continue;
    }
    el(section, "p",
       fmt::format("{} {} · {} · {} {}, {} {}, {} {}", w.template_, r.report.template_id,
                   r.report.format, r.count(diag::Severity::Error), w.errors,
                   r.count(diag::Severity::Warning), w.warnings, r.count(diag::Severity::Info),
                   w.infos));
    if (r.diagnostics.empty()) {
      el(section, "p", w.no_findings);
    } else {
      auto list = box(section, "ul");
      attr(list, "class", "findings");
      for (const auto& d : r.diagnostics) {
        auto li = el(list, "li");
        auto sev = el(li, "span", severity_word(d.severity, lang));
        attr(sev, "class", fmt::format("sev-{}", diag::to_string(d.severity)));
        li.append_child(pugi::node_pcdata).set_value(" ");
        el(li, "code", d.rule);
        li.append_child(pugi::node_pcdata).set_value(" ");
        const auto& loc = d.location;
        auto where = el(li, "span", line_or_logical(loc, lang));
        attr(where, "class", "where");
        // Appended rather than " " + message: GCC 12 at -O3 reports a false -Wrestrict for
        // operator+(const char*, std::string&&).
        std::string text(" ");
        text += localized_message(d, batch.rule(d.rule), lang);
        li.append_child(pugi::node_pcdata).set_value(text.c_str());
      }
    }
    if (r.tmpl == nullptr) {
      continue;
    }
    html::write_tables(section, batch, r, lang);
  }
  el(body, "footer", fmt::format("{} {}", k_tool_name, k_tool_version));
  doc.save(out, "  ", pugi::format_indent | pugi::format_no_declaration, pugi::encoding_utf8);
}

} // namespace xxgk::emit
