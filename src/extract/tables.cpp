// The Extractor's run: title and sections, then tables 二/三/四 found — each document table goes
// to the template table whose labels it shows most (a table continued across pages joins the one
// before it) — and read in their layout.

#include "detail.hpp"

#include <algorithm>

namespace xxgk::extract::detail {

int Extractor::score(const document::Table& dt, std::size_t first, const schema::Table& t) const {
  // The labels seen, each once: a table has a few dozen, so a small vector, not a set.
  std::vector<const schema::Label*> seen;
  std::size_t at = first;
  for (const auto& row : dt.rows) {
    for (const auto& c : row.cells) {
      const CellFacts& f = m_facts[at++];
      if (c.text.empty() || f.slot == CellFacts::k_no_slot) {
        continue; // empty, a value, or no label key: classify finds nothing
      }
      const Hit h = classify(f.cell, t, false);
      if (h.kind != Kind::None && std::find(seen.begin(), seen.end(), h.label) == seen.end()) {
        seen.push_back(h.label);
      }
    }
  }
  return static_cast<int>(seen.size());
}

void Extractor::run() {
  report::Report& r = m_report;
  r.format = m_doc.format;
  r.template_id = m_tmpl.id;
  const TitleInfo& title = m_title;
  r.title = title.title;
  r.title_where = title.where;
  r.agency = title.agency;
  r.year = title.year;
  if (!title.year || !title.agency) {
    m_diagnostics.push_back(make_diag(
        "EXTRACT-TITLE",
        title.title.empty()
            ? diag::Message{&msg::k_no_title, {"“<机关名称><年份>年政府信息公开工作年度报告”"}}
            : diag::Message{!title.year ? &msg::k_title_no_year : &msg::k_title_no_agency,
                            {title.title}},
        title.where));
  }
  find_sections();
  index_cells();

  // Assign each document table to the template table whose labels it shows most.
  // A table without labels right after an assigned one (no section heading between) is the
  // rest of it split across pages; any other unplaced table with numbers is reported.
  std::map<std::string, std::vector<const document::Table*>> assigned;
  const schema::Table* previous = nullptr;
  for (std::size_t i = 0; i < m_doc.blocks.size(); ++i) {
    const auto& block = m_doc.blocks[i];
    if (std::holds_alternative<document::Paragraph>(block)) {
      if (m_exact_heading[i]) {
        previous = nullptr;
      }
      continue;
    }
    const auto* dt = std::get_if<document::Table>(&block);
    const std::size_t first = first_fact(*dt);
    const schema::Table* best = nullptr;
    int best_score = 0;
    for (const auto& t : m_tmpl.tables) {
      int sc = score(*dt, first, t) * 2;
      if (sc > 0 && m_table_section[dt] == t.section) {
        sc += 1; // a table inside its own section wins a tie
      }
      if (sc > best_score) {
        best_score = sc;
        best = &t;
      }
    }
    if (best != nullptr && best_score >= 4) {
      assigned[best->key].push_back(dt);
      previous = best;
      continue;
    }
    if (previous != nullptr) {
      assigned[previous->key].push_back(dt);
      continue;
    }
    std::size_t at = first;
    bool number = false;
    for (const auto& row : dt->rows) {
      for (std::size_t k = 0; k < row.cells.size(); ++k) {
        number = number || m_facts[at + k].cell.value.kind == util::ValueKind::Number;
      }
      at += row.cells.size();
    }
    if (number) {
      m_diagnostics.push_back(
          make_diag("EXTRACT-UNKNOWN", diag::Message{&msg::k_unknown_table, {}}, dt->where));
    }
  }
  for (const auto& t : m_tmpl.tables) {
    auto it = assigned.find(t.key);
    if (it == assigned.end()) {
      diag::SourceLocation at;
      at.table_name = t.name;
      if (auto sec = r.sections.find(t.section); sec != r.sections.end() && sec->second.found) {
        at = sec->second.where;
        at.table_name = t.name;
      }
      std::vector<std::string> cells;
      m_diagnostics.push_back(
          make_diag("EXTRACT-TABLE",
                    diag::Message{&msg::k_table_missing, {diag::Arg::table(t.name), t.title}}, at));
      continue;
    }
    r.table_sections[t.key] = m_table_section[it->second.front()];
    r.table_locations[t.key] = it->second.front()->where;
    if (r.table_locations[t.key].table < 0 && !r.table_locations[t.key].has_line() &&
        !it->second.front()->rows.empty() && !it->second.front()->rows.front().cells.empty()) {
      r.table_locations[t.key] = it->second.front()->rows.front().cells.front().where;
    }
    const auto stream = flatten(it->second);
    switch (t.layout) {
    case schema::Layout::Rows:
      extract_rows(t, stream);
      derive_rows(t);
      break;
    case schema::Layout::Blocks:
      extract_blocks(t, stream);
      break;
    case schema::Layout::Flat:
      extract_flat(t, stream);
      break;
    }
  }
  verify_extras();
}

} // namespace xxgk::extract::detail
