// The stream of cells the layouts read: each cell with its parsed value or its label keys, and
// the helpers that turn a cell into a finding or a report cell.

#include "detail.hpp"

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
/// the note, or nullopt. "22（其中修订16件）", "3 (含转办2件)".
std::optional<std::pair<std::string, std::string>> split_note(std::string_view text) {
  if (text.size() > 200) {
    return std::nullopt;
  }
  const std::string folded = util::trim(util::nfkc(text)); // NFKC folds （） to ()
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

CellFacts facts_of(const document::Cell& c) {
  CellFacts f;
  f.cell.cell = &c;
  f.cell.value = value_of(c.text);
  if (f.cell.value.kind == util::ValueKind::Text) {
    f.cell.keys = label_keys_of(c.text);
    if (auto noted = split_note(c.text)) {
      f.noted.emplace(util::parse_value(noted->first), std::move(noted->second));
    }
  }
  return f;
}

const CellFacts& Extractor::facts(const document::Cell& c) const {
  auto it = m_facts.find(&c);
  if (it == m_facts.end()) {
    it = m_facts.emplace(&c, facts_of(c)).first;
  }
  return it->second;
}

std::vector<StreamCell>
Extractor::flatten(const std::vector<const document::Table*>& tables) const {
  std::vector<StreamCell> out;
  long row_id = 0;
  std::size_t segment = 0;
  for (const auto* t : tables) {
    ++segment;
    for (const auto& row : t->rows) {
      ++row_id;
      for (const auto& c : row.cells) {
        if (c.merged_continuation) {
          continue; // the merged cell above holds the text; its continuations are not values
        }
        const CellFacts& f = facts(c);
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
