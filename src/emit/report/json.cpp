// The normalized report of spec/model.md as JSON (`convert --to json`, each line of `--to jsonl`):
// blank and placeholder cells are null, numbers exact, decimals as written.

#include <xxgk/emit/emitters.hpp>
#include <xxgk/report/fields.hpp>

#include <string>

namespace xxgk::emit {

using nlohmann::ordered_json;

namespace {

ordered_json value_json(const report::Cell& c) {
  if (c.state != report::CellState::Number || !c.value) {
    return nullptr;
  }
  const util::Number& v = *c.value;
  if (v.scale == 0) {
    return v.units;
  }
  // Decimals as written: the shortest double that prints back as the same digits.
  return std::stod(v.to_string());
}

} // namespace

ordered_json report_json(const report::Report& r, const schema::Template& tmpl) {
  ordered_json j;
  j["source"] = r.source;
  j["format"] = r.format;
  j["template"] = r.template_id;
  j["year"] = r.year ? ordered_json(*r.year) : ordered_json(nullptr);
  j["agency"] = r.agency ? ordered_json(*r.agency) : ordered_json(nullptr);
  j["title"] = r.title;
  ordered_json sections = ordered_json::object();
  for (const auto& s : tmpl.sections) {
    const auto it = r.sections.find(s.key);
    if (it == r.sections.end() || !it->second.found) {
      sections[s.key] = nullptr;
      continue;
    }
    sections[s.key] = {{"heading", it->second.heading}, {"text", it->second.text}};
  }
  j["sections"] = sections;
  for (const auto& t : tmpl.tables) {
    j[t.key] = ordered_json::object();
  }
  ordered_json recovered = ordered_json::object();
  for (const auto& path : tmpl.cell_paths()) {
    const auto [table, row, col] = report::path_keys(path);
    const report::Cell* c = report::find_cell(r, path);
    j[table][row][col] = c != nullptr ? value_json(*c) : ordered_json(nullptr);
    if (c != nullptr && !c->recovered.empty() && c->state == report::CellState::Number) {
      recovered[path] = c->recovered;
    }
  }
  if (!recovered.empty()) {
    j["recovered"] = recovered; // only reports read from digit runs have it
  }
  return j;
}

} // namespace xxgk::emit
