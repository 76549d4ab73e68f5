// Reading xxgk's normalized JSON and CSV report rows back into reports (report/input.hpp): cells
// from their text as a spreadsheet or JSON holds it, headers as model paths or Chinese names.

#include "messages.hpp"

#include <xxgk/report/fields.hpp>
#include <xxgk/report/headers.hpp>
#include <xxgk/report/input.hpp>
#include <xxgk/util/number.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace xxgk::report {

namespace {

/// A cell from its text as a spreadsheet or JSON string holds it: "" → Blank, else as read.
report::Cell cell_from_text(const std::string& text) {
  report::Cell c;
  c.raw = text;
  const util::ParsedValue v = util::parse_value(text);
  switch (v.kind) {
  case util::ValueKind::Blank:
    c.state = report::CellState::Blank;
    break;
  case util::ValueKind::Placeholder:
    c.state = report::CellState::Placeholder;
    break;
  case util::ValueKind::Number:
    c.state = report::CellState::Number;
    c.value = v.number;
    break;
  case util::ValueKind::Text:
    c.state = report::CellState::Text;
    break;
  }
  return c;
}

std::string_view skip_bom_and_space(std::string_view s) {
  if (s.starts_with("\xEF\xBB\xBF")) {
    s.remove_prefix(3);
  }
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

/// RFC 4180 records (quoted fields may hold commas, quotes and newlines). `lines`, when given,
/// receives the line each record starts on (1-based, counted in `s`).
std::vector<std::vector<std::string>> csv_records(std::string_view s,
                                                  std::vector<int>* lines = nullptr) {
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool any = false;
  int line = 1;
  int record_line = 1;
  auto finish_record = [&] {
    record.push_back(std::move(field));
    out.push_back(std::move(record));
    if (lines != nullptr) {
      lines->push_back(record_line);
    }
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n') {
      ++line;
    }
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') {
        ++i;
        ++line;
      }
      if (any || !field.empty()) {
        finish_record();
      }
      record.clear();
      field.clear();
      any = false;
      record_line = line;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    finish_record();
  }
  return out;
}

/// Whether a CSV header names a model path, as the path or its Chinese header.
bool is_model_path(std::string_view column) {
  const auto key = report::header_key(column);
  report::Report probe;
  return key && report::find_cell(probe, *key) != nullptr;
}

void set_section_text(report::Section& s, const std::string& text) {
  s.text = text;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    s.paragraphs.push_back({line, {}});
  }
}

} // namespace

bool looks_like_report_json(std::string_view bytes) {
  const std::string_view s = skip_bom_and_space(bytes);
  if (!s.starts_with("{")) {
    return false;
  }
  const auto j = nlohmann::json::parse(s, nullptr, false);
  return j.is_object() && j.contains("template") && j.contains("requests");
}

bool looks_like_report_jsonl(std::string_view bytes) {
  const std::string_view s = skip_bom_and_space(bytes);
  const auto end = s.find('\n');
  return end != std::string_view::npos && looks_like_report_json(s.substr(0, end));
}

bool looks_like_report_csv(std::string_view bytes) {
  const std::string_view s = skip_bom_and_space(bytes);
  const auto end = s.find('\n');
  const auto records = csv_records(s.substr(0, end));
  // A report's CSV header has a template column and a cell path column: one field is neither
  // (the first line of every other text, which need not be normalized to tell).
  if (records.empty() || records.front().size() < 2) {
    return false;
  }
  bool has_template = false;
  bool has_path = false;
  for (const auto& c : records.front()) {
    has_template = has_template || report::header_key(c) == "template";
    has_path = has_path || is_model_path(c);
  }
  return has_template && has_path;
}

const std::vector<const diag::MessageTemplate*>& error_messages() {
  static const std::vector<const diag::MessageTemplate*> list{&msg::k_not_object, &msg::k_bad_value,
                                                              &msg::k_empty_csv, &msg::k_bad_year,
                                                              &msg::k_no_template};
  return list;
}

util::Expected<report::Report> report_from_json(std::string_view bytes,
                                                const schema::Template& tmpl) {
  const auto j = nlohmann::json::parse(skip_bom_and_space(bytes), nullptr, false);
  if (!j.is_object()) {
    return util::Error::of(util::ErrorKind::Malformed, {&msg::k_not_object, {}});
  }
  report::Report r;
  auto str = [&](const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string{};
  };
  r.source = str("source");
  r.format = "json";
  r.template_id = tmpl.id;
  r.title = str("title");
  if (j.contains("year") && j["year"].is_number_integer()) {
    r.year = j["year"].get<int>();
  }
  if (j.contains("agency") && j["agency"].is_string()) {
    r.agency = j["agency"].get<std::string>();
  }
  if (j.contains("sections") && j["sections"].is_object()) {
    for (const auto& s : tmpl.sections) {
      const auto it = j["sections"].find(s.key);
      if (it == j["sections"].end() || !it->is_object()) {
        continue;
      }
      report::Section& sec = r.sections[s.key];
      sec.found = true;
      sec.heading = it->value("heading", s.label.text);
      set_section_text(sec, it->value("text", std::string{}));
    }
  }
  for (const auto& path : tmpl.cell_paths()) {
    const auto [table, row, col] = report::path_keys(path);
    report::Cell* cell = report::find_cell(r, path);
    if (cell == nullptr || !j.contains(table) || !j[table].is_object() || !j[table].contains(row) ||
        !j[table][row].is_object() || !j[table][row].contains(col)) {
      continue; // not given: stays Absent
    }
    const auto& v = j[table][row][col];
    diag::SourceLocation where;
    where.part = fmt::format("/{}/{}/{}", table, row, col); // a JSON pointer to the value
    if (v.is_null()) {
      cell->state = report::CellState::Blank;
    } else if (v.is_number_integer()) {
      *cell = cell_from_text(v.dump());
    } else if (v.is_number_float()) {
      // The writer prints a decimal as the shortest double that reads back as its digits, so
      // the same shortest form gives the digits back exactly.
      *cell = cell_from_text(v.dump());
    } else if (v.is_string()) {
      *cell = cell_from_text(v.get<std::string>());
    } else {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_bad_value, {path}});
    }
    cell->where = std::move(where);
  }
  return r;
}

util::Expected<std::vector<report::Report>> reports_from_csv(std::string_view bytes) {
  std::string_view text = bytes;
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::vector<int> lines;
  const auto records = csv_records(text, &lines);
  if (records.empty()) {
    return util::Error::of(util::ErrorKind::Empty, {&msg::k_empty_csv, {}});
  }
  // Headers are model paths or their Chinese names (convert --headers zh|keys).
  std::vector<std::string> header;
  for (const auto& h : records.front()) {
    header.push_back(report::header_key(h).value_or(h));
  }
  std::vector<report::Report> out;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto& rec = records[i];
    report::Report r;
    r.format = "csv";
    for (std::size_t c = 0; c < header.size(); ++c) {
      const std::string value = c < rec.size() ? rec[c] : std::string{};
      const std::string& name = header[c];
      if (name == "source") {
        r.source = value;
      } else if (name == "template") {
        r.template_id = value;
      } else if (name == "year") {
        if (!value.empty()) {
          const util::ParsedValue v = util::parse_value(value);
          if (v.kind != util::ValueKind::Number || !v.number || !v.number->is_integer()) {
            return util::Error::of(util::ErrorKind::Malformed, {&msg::k_bad_year, {i + 1, value}});
          }
          r.year = static_cast<int>(v.number->units);
        }
      } else if (name == "agency") {
        if (!value.empty()) {
          r.agency = value;
        }
      } else if (name == "title") {
        r.title = value;
      } else if (report::Cell* cell = report::find_cell(r, name); cell != nullptr) {
        *cell = cell_from_text(value);
        cell->where.line = lines[i]; // the row's line and the field's column, 1-based
        cell->where.column = static_cast<int>(c) + 1;
      }
    }
    if (r.template_id.empty()) {
      return util::Error::of(util::ErrorKind::Malformed, {&msg::k_no_template, {i + 1}});
    }
    out.push_back(std::move(r));
  }
  return out;
}

} // namespace xxgk::report
