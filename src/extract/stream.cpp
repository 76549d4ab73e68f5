// The stream of cells the layouts read: each cell with its parsed value or its label keys, and
// the helpers that turn a cell into a finding or a report cell.

#include "detail.hpp"

#include <xxgk/util/text_facts.hpp>

namespace xxgk::extract::detail {

util::ParsedValue value_of(std::string_view text) {
  if (text.size() > k_max_label_bytes) {
    util::ParsedValue prose;
    prose.kind = util::ValueKind::Text;
    return prose;
  }
  return util::parse_value(text);
}

TextKeys label_keys_of(std::string_view text) {
  return text.size() > k_max_label_bytes ? TextKeys{} : keys_of(text);
}

namespace {

/// A number followed by a bracketed note in one cell (format.md §7 item 16): the number's text and
/// the note, or nullopt. "22（其中修订16件）", "3 (含转办2件)". `nfkc` is util::nfkc(text).
std::optional<std::pair<std::string, std::string>> split_note(std::string_view text,
                                                              std::string_view nfkc) {
  if (text.size() > 200 || nfkc.find('(') == std::string_view::npos) {
    return std::nullopt; // long, or no bracket (nearly every label): nothing to trim
  }
  const std::string_view folded = util::trim_view(nfkc); // NFKC folds （） to ()
  if (folded.empty()) {
    return std::nullopt;
  }
  const auto open = folded.find('(');
  if (open == std::string::npos || open == 0 || folded.back() != ')') {
    return std::nullopt;
  }
  std::string number = util::trim(folded.substr(0, open));
  std::string note = util::trim(folded.substr(open + 1, folded.size() - open - 2));
  if (number.empty() || note.empty() || util::parse_value(number).kind != util::ValueKind::Number) {
    return std::nullopt;
  }
  return std::make_pair(std::move(number), std::move(note));
}

} // namespace

void facts_of(const document::Cell& c, CellFacts& f) {
  f.cell.cell = &c;
  f.cell.set_keys(&f.keys);
  if (c.text.size() > k_max_label_bytes) {
    f.cell.value = value_of(c.text); // prose: no keys
    return;
  }
  if (util::is_plain_digits(c.text)) {
    f.cell.value = util::parse_value(c.text); // a number: no keys (its own fast path)
    return;
  }
  // value_of and label_keys_of of a short text, memoized (most label texts recur in every report)
  const util::TextFacts& t = util::text_facts(c.text);
  f.cell.value = t.value;
  if (f.cell.value.kind == util::ValueKind::Text) {
    f.serial = t.serial;
    f.keys.key = t.keys.key;
    f.keys.core = t.keys.core;
    if (auto noted = split_note(c.text, t.folded)) {
      f.noted.emplace(util::parse_value(noted->first), std::move(noted->second));
    }
  }
}

DocFacts::DocFacts(const document::Document& doc) : title(find_title(doc)) {
  std::size_t n = 0;
  for (const auto& block : doc.blocks) {
    if (const auto* t = std::get_if<document::Table>(&block)) {
      tables.emplace_back(t, n);
      for (const auto& row : t->rows) {
        n += row.cells.size();
      }
    }
  }
  facts = std::vector<CellFacts>(n); // in place: each cell's StreamCell points to its keys
  std::size_t i = 0;
  for (const auto& [t, first] : tables) {
    for (const auto& row : t->rows) {
      for (const auto& c : row.cells) {
        CellFacts& f = facts[i];
        facts_of(c, f);
        f.cell.facts = i++;
      }
    }
  }
}

void Extractor::index_cells() {
  std::size_t slots = 0;
  for (auto& f : m_facts) {
    f.slot = CellFacts::k_no_slot;
    if (f.cell.value.kind == util::ValueKind::Text && !f.keys.key.empty()) {
      f.slot = slots;
      slots += m_tmpl.tables.size() * 2;
    }
  }
  m_hits.resize(slots);
  m_hit_known.assign(slots, 0);
}

std::size_t Extractor::first_fact(const document::Table& t) const {
  for (const auto& [table, first] : m_table_facts) {
    if (table == &t) {
      return first;
    }
  }
  return m_facts.size(); // not a table of m_doc: unreachable
}

std::vector<StreamCell>
Extractor::flatten(const std::vector<const document::Table*>& tables) const {
  std::vector<StreamCell> out;
  std::size_t n = 0;
  for (const auto* t : tables) {
    for (const auto& row : t->rows) {
      n += row.cells.size();
    }
  }
  out.reserve(n);
  long row_id = 0;
  std::size_t segment = 0;
  for (const auto* t : tables) {
    ++segment;
    std::size_t at = first_fact(*t);
    for (const auto& row : t->rows) {
      ++row_id;
      for (const auto& c : row.cells) {
        const std::size_t i = at++;
        if (c.merged_continuation) {
          continue; // the merged cell above holds the text; its continuations are not values
        }
        const CellFacts& f = m_facts[i];
        StreamCell s;
        if (f.noted) {
          s.cell = &c;
          s.value = f.noted->first;
          s.note = f.noted->second;
        } else {
          s = f.cell;
        }
        s.segment = segment;
        s.row = t->structure == document::RowStructure::Reliable ? row_id : -1;
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

Diagnostic make_diag(std::string_view rule, diag::Message message, const diag::SourceLocation& at,
                     std::vector<std::string> cells) {
  Severity severity = Severity::Warning;
  for (const auto& b : builtin_rules()) {
    if (b.id == rule) {
      severity = b.severity;
    }
  }
  Diagnostic d = diag::make(std::string(rule), severity, std::move(message), at);
  d.cells = std::move(cells);
  return d;
}

report::CellState state_of(const util::ParsedValue& v) {
  switch (v.kind) {
  case util::ValueKind::Blank:
    return report::CellState::Blank;
  case util::ValueKind::Placeholder:
    return report::CellState::Placeholder;
  case util::ValueKind::Number:
    return report::CellState::Number;
  case util::ValueKind::Text:
    return report::CellState::Text;
  }
  return report::CellState::Text;
}

} // namespace xxgk::extract::detail
