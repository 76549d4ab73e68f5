#pragma once
// The parts of the HTML findings page (html.cpp): its words in both languages, element helpers
// over pugixml, and each report's tables laid out like the template with the cells the findings
// name highlighted.

#include <xxgk/emit/emitters.hpp>

#include <pugixml.hpp>

#include <cstddef>
#include <string>

namespace xxgk::emit::html {

/// Words of the page in both languages.
struct Words {
  const char* heading;
  const char* report;
  const char* agency;
  const char* year;
  const char* template_;
  const char* errors;
  const char* warnings;
  const char* infos;
  const char* unreadable;
  const char* no_findings;
  const char* findings;
  const char* legend_error;
  const char* legend_warning;
  const char* legend_involved;
  const char* legend_unread;
  const char* unread_cell;
  const char* legend_na;
  const char* na;
  const char* table;
};

const Words& words(Lang lang);

/// An element with text (never written self-closed).
pugi::xml_node el(pugi::xml_node parent, const char* name, const std::string& text = "");

/// An element that holds other elements only.
pugi::xml_node box(pugi::xml_node parent, const char* name);

void attr(pugi::xml_node n, const char* name, const std::string& value);

/// A colspan/rowspan attribute, written only when it spans more than one.
void span_attr(pugi::xml_node n, const char* name, std::size_t value);

const char* severity_word(diag::Severity s, Lang lang);

/// Each table of the report's template under `section`: a heading and the table laid out like the
/// template, its cells highlighted by the report's findings (messages on hover).
void write_tables(pugi::xml_node section, const Batch& batch, const ReportResult& r, Lang lang);

} // namespace xxgk::emit::html
