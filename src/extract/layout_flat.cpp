// The flat layout (表四): the 15 figures of 行政复议 and 行政诉讼 read in order after the header,
// however the document splits them into rows.

#include "detail.hpp"

#include <algorithm>

namespace xxgk::extract::detail {

void Extractor::extract_flat(const schema::Table& t, const std::vector<StreamCell>& s) {
  const std::size_t want = t.rows.size() * t.columns.size();
  struct Value {
    const document::Cell* cell;
    util::ParsedValue value;
    std::string text;
    std::string note;
  };
  // The values of stream cells [from, to): the cells after the last header label, with empty
  // cells around them (corner cells, trailing paragraphs) dropped while more than `keep` remain.
  auto collect = [&](std::size_t from, std::size_t to, std::size_t keep) {
    std::size_t start = from;
    for (std::size_t i = from; i < to; ++i) {
      if (classify(s[i], t, false).kind != Kind::None) {
        start = i + 1;
      }
    }
    std::vector<Value> values;
    for (std::size_t i = start; i < to; ++i) {
      const auto& c = s[i];
      // A whole row typed into one cell ("0 0 0 …" or "| 1 | 2 |"): split it into its numbers.
      if (c.value.kind != util::ValueKind::Blank && c.cell->text.size() <= k_max_label_bytes) {
        std::string folded = util::nfkc(c.cell->text);
        std::vector<std::string> tokens;
        std::string tok;
        for (char ch : folded + " ") {
          if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '|') {
            if (!tok.empty()) {
              tokens.push_back(tok);
              tok.clear();
            }
          } else {
            tok.push_back(ch);
          }
        }
        const bool all_numbers =
            tokens.size() > 1 && std::all_of(tokens.begin(), tokens.end(), [](const auto& x) {
              return util::parse_value(x).kind == util::ValueKind::Number;
            });
        if (all_numbers) {
          for (const auto& x : tokens) {
            values.push_back({c.cell, util::parse_value(x), x, {}});
          }
          continue;
        }
      }
      values.push_back({c.cell, c.value, c.cell->text, c.note});
    }
    while (values.size() > keep && values.back().value.kind == util::ValueKind::Blank) {
      values.pop_back();
    }
    std::size_t first = 0;
    while (values.size() - first > keep && values[first].value.kind == util::ValueKind::Blank) {
      ++first;
    }
    values.erase(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(first));
    return values;
  };
  std::vector<Value> values = collect(0, s.size(), want);
  // A table emitted as several small tables (表四 as three blocks of five, each with its own
  // header): the values of each, in order.
  if (values.size() != want && !s.empty() && s.back().segment > s.front().segment) {
    std::vector<Value> joined;
    for (std::size_t from = 0; from < s.size();) {
      std::size_t to = from;
      while (to < s.size() && s[to].segment == s[from].segment) {
        ++to;
      }
      auto part = collect(from, to, t.columns.size());
      if (std::any_of(part.begin(), part.end(),
                      [](const Value& v) { return v.value.kind != util::ValueKind::Blank; })) {
        joined.insert(joined.end(), part.begin(), part.end());
      }
      from = to;
    }
    if (joined.size() == want) {
      values = std::move(joined);
    }
  }
  const std::size_t first = 0;
  const std::size_t n = values.size() - first;
  if (n != want) {
    std::vector<std::string> cells;
    for (const auto& r : t.rows) {
      for (const auto& col : t.columns) {
        cells.push_back(t.key + "." + r.key + "." + col.key);
      }
    }
    diag::SourceLocation at = s.empty() ? diag::SourceLocation{} : s.front().cell->where;
    at.table_name = t.name;
    m_diagnostics.push_back(make_diag(
        "EXTRACT-LAYOUT", diag::Message{&msg::k_layout, {diag::Arg::table(t.name), want, n}}, at,
        std::move(cells)));
    return;
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    for (std::size_t k = 0; k < t.columns.size(); ++k) {
      const Value& v = values[first + r * t.columns.size() + k];
      StreamCell sc;
      sc.cell = v.cell;
      sc.value = v.value;
      sc.note = v.note;
      if (report::Cell* cell = assign(t, t.rows[r].key, t.columns[k].key, sc)) {
        cell->raw = v.text;
      }
    }
  }
}

} // namespace xxgk::extract::detail
