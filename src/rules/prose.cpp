// Figures stated in the report's prose compared with its tables (format.md §6.5).

#include "checks.hpp"

#include <xxgk/report/fields.hpp>
#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>

namespace xxgk::rules::detail {

namespace {

/// Text as code points, for position arithmetic that is not byte arithmetic.
/// `s` decoded into `out` (cleared first; its capacity is reused from paragraph to paragraph).
void decode_into(std::string_view s, std::u32string& out) {
  out.clear();
  for (std::size_t pos = 0; pos < s.size();) {
    out.push_back(util::next_codepoint(s, pos));
  }
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  decode_into(s, out);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t cp : s) {
    util::append_utf8(out, cp);
  }
  return out;
}

bool contains(std::u32string_view hay, const std::u32string& needle) {
  return !needle.empty() && hay.find(needle) != std::u32string_view::npos;
}

/// Which code points (modulo 64) `s` has, one bit each: a text lacking one of a word's bits
/// cannot contain the word.
std::uint64_t code_point_bits(std::u32string_view s) {
  std::uint64_t bits = 0;
  for (const char32_t cp : s) {
    bits |= std::uint64_t{1} << (cp & 63U);
  }
  return bits;
}

/// A word to look for, decoded from UTF-8, with its code_point_bits.
struct Word {
  std::u32string text;
  std::uint64_t bits = 0;
  explicit Word(std::string_view utf8) : text(decode(utf8)), bits(code_point_bits(text)) {}
  /// contains(hay, text), for a `hay` whose code_point_bits are `hay_bits`.
  [[nodiscard]] bool in(std::u32string_view hay, std::uint64_t hay_bits) const {
    return (hay_bits & bits) == bits && contains(hay, text);
  }
};

/// A clause: a piece of a sentence between commas, with its offset in the paragraph.
struct Clause {
  std::u32string_view text; ///< a view of the paragraph's code points
  std::size_t offset = 0;
};

/// Sentences end at 。！？；; clauses at ，,. A sentence is cut at 其中 ("of which…": a subset).
std::vector<Clause> clauses_of(const std::u32string& p) {
  std::vector<Clause> out;
  std::size_t start = 0;
  bool subset = false;
  constexpr std::u32string_view k_subset = U"其中";
  for (std::size_t i = 0; i <= p.size(); ++i) {
    const bool end_sentence = i == p.size() || p[i] == U'。' || p[i] == U'！' || p[i] == U'？' ||
                              p[i] == U'；' || p[i] == U';' || p[i] == U'!' || p[i] == U'?' ||
                              p[i] == U'\n';
    const bool end_clause = end_sentence || p[i] == U'，' || p[i] == U',';
    if (!end_clause) {
      continue;
    }
    std::u32string_view piece = std::u32string_view(p).substr(start, i - start);
    if (!subset) {
      const auto cut = piece.find(k_subset);
      if (cut != std::u32string_view::npos) {
        piece = piece.substr(0, cut);
        subset = true;
      }
      if (!piece.empty()) {
        out.push_back({piece, start});
      }
    }
    if (end_sentence) {
      subset = false;
    }
    start = i + 1;
  }
  return out;
}

/// Years written as "YYYY年" in a clause.
std::vector<int> years_in(std::u32string_view c) {
  std::vector<int> out;
  for (std::size_t i = 0; i + 4 < c.size(); ++i) {
    bool digits = true;
    for (std::size_t k = 0; k < 4; ++k) {
      digits = digits && c[i + k] >= U'0' && c[i + k] <= U'9';
    }
    if (digits && c[i + 4] == U'年' && (i == 0 || c[i - 1] < U'0' || c[i - 1] > U'9')) {
      int y = 0;
      for (std::size_t k = 0; k < 4; ++k) {
        y = y * 10 + static_cast<int>(c[i + k] - U'0');
      }
      out.push_back(y);
    }
  }
  return out;
}

/// The number written right before position `end` (Arabic digits, optionally with thousands
/// separators, or Chinese numerals) and where it starts.
std::optional<std::pair<std::int64_t, std::size_t>> number_before(std::u32string_view c,
                                                                  std::size_t end) {
  std::size_t start = end;
  while (start > 0 && ((c[start - 1] >= U'0' && c[start - 1] <= U'9') || c[start - 1] == U',')) {
    --start;
  }
  if (start < end && c[start] != U',') {
    std::int64_t v = 0;
    for (std::size_t i = start; i < end; ++i) {
      if (c[i] == U',') {
        continue;
      }
      if (__builtin_mul_overflow(v, std::int64_t{10}, &v) ||
          __builtin_add_overflow(v, static_cast<std::int64_t>(c[i] - U'0'), &v)) {
        return std::nullopt;
      }
    }
    return std::make_pair(v, start);
  }
  start = end;
  while (start > 0 && util::is_chinese_numeral(c[start - 1])) {
    --start;
  }
  if (start == end) {
    return std::nullopt;
  }
  const auto v = util::parse_chinese_numeral(c.substr(start, end - start));
  if (!v) {
    return std::nullopt;
  }
  return std::make_pair(*v, start);
}

struct CellSum {
  util::Number value;
  /// Blank 总计 cells whose value was computed from the other cells of their row (format.md §7
  /// E1: SH19 leaves the 总计 column blank).
  std::vector<std::string> computed;
};

/// One cell of a pattern's alternative, resolved once per template: its index and, for a 总计
/// cell of a table with columns, the other cells of its row (a blank 总计 counts as their sum).
struct SumPart {
  const std::string* path;
  report::CellIndex cell;
  bool computable = false;              ///< a 总计 cell: `row` holds its row's other cells
  std::vector<report::CellIndex> row{}; ///< "<table>.<row>.<column>" for each other column
};

SumPart compile_part(const std::string& path, const schema::Template& t) {
  SumPart part{&path, report::field_index(path)};
  const auto first = path.find('.');
  const auto last = path.rfind('.');
  if (first == std::string::npos || last == first || path.substr(last + 1) != "total") {
    return part;
  }
  const schema::Table* table = t.table(path.substr(0, first));
  if (table == nullptr || table->columns.empty()) {
    return part;
  }
  const std::string row = path.substr(0, last + 1);
  part.computable = true;
  for (const auto& col : table->columns) {
    if (col.key != "total") {
      part.row.push_back(report::field_index(row + col.key));
    }
  }
  return part;
}

/// A blank 总计 cell's value from its row's other columns, or nullopt when it is no 总计 cell
/// or a part is unusable. Blank parts count as 0; an all-blank row gives nullopt.
std::optional<util::Number> computed_total(const SumPart& part, const report::Report& r) {
  if (!part.computable) {
    return std::nullopt;
  }
  util::Number total{};
  bool any = false;
  for (const report::CellIndex i : part.row) {
    const report::Cell* c = report::cell_at(r, i);
    if (c == nullptr || c->state == report::CellState::Absent ||
        c->state == report::CellState::Text) {
      return std::nullopt;
    }
    if (c->state == report::CellState::Number) {
      auto next = util::add(total, *c->value);
      if (!next) {
        return std::nullopt;
      }
      total = *next;
      any = true;
    }
  }
  return any ? std::optional<util::Number>(total) : std::nullopt;
}

/// The sum of cells, or nullopt when a cell is missing or not a number. A blank cell counts as 0,
/// except a blank 总计 cell, which counts as the sum of its row.
std::optional<CellSum> sum_of(const std::vector<SumPart>& parts, const report::Report& r) {
  CellSum total;
  for (const auto& part : parts) {
    const report::Cell* c = report::cell_at(r, part.cell);
    if (c == nullptr || c->state == report::CellState::Absent ||
        c->state == report::CellState::Text) {
      return std::nullopt;
    }
    std::optional<util::Number> v;
    if (c->state == report::CellState::Number) {
      v = c->value;
    } else if (auto computed = computed_total(part, r)) {
      v = computed;
      total.computed.push_back(*part.path);
    }
    if (v) {
      auto next = util::add(total.value, *v);
      if (!next) {
        return std::nullopt;
      }
      total.value = *next;
    }
  }
  return total;
}

constexpr std::size_t k_max_window = 24; // code points between a keyword and its number

namespace msg {
constexpr diag::MessageTemplate k_figure{
    "prose.figure", "{0}：正文「{1}」称{2}为 {3} 件，表格为 {4}（{5}）",
    "{0}: the prose 「{1}」 gives {3} for {2}, the tables {4} ({5})", true};
constexpr diag::MessageTemplate k_figure_computed{
    "prose.figure_computed",
    "{0}：正文「{1}」称{2}为 {3} 件，表格为 {4}（{5}）；{6}空白，按该行各栏之和计算",
    "{0}: the prose 「{1}」 gives {3} for {2}, the tables {4} ({5}; {6} blank, computed as the "
    "sum of its row)",
    true};
} // namespace msg

} // namespace

const std::vector<const diag::MessageTemplate*>& prose_messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {&msg::k_figure,
                                                                  &msg::k_figure_computed};
  return k_all;
}

namespace {

/// The rule's words decoded once per template; the report's paragraphs are scanned per report.
class CompiledProseFigures final : public Compiled {
public:
  CompiledProseFigures(const schema::Rule& rule, const schema::Template& t)
      : m_rule(rule), m_tmpl(t) {
    for (const auto& e : rule.exclude) {
      m_exclude.emplace_back(e);
    }
    for (const auto& p : rule.patterns) {
      Pattern q{&p, {}, {}, {}, {}};
      for (const auto& alt : p.alternatives) {
        auto& parts = q.alternatives.emplace_back();
        for (const auto& cell : alt) {
          parts.push_back(compile_part(cell, t));
        }
      }
      for (const auto& k : p.keywords) {
        q.keywords.emplace_back(k);
      }
      for (const auto& k : p.requires_words) {
        q.requires_words.push_back(decode(k));
      }
      for (const auto& k : p.forbid) {
        q.forbid.push_back(decode(k));
      }
      m_patterns.push_back(std::move(q));
    }
    for (const auto& s : t.sections) {
      if (rule.sections.empty() ||
          std::find(rule.sections.begin(), rule.sections.end(), s.key) != rule.sections.end()) {
        m_sections.push_back(&s.key);
      }
    }
  }

  void run(const report::Report& r, Out& out) const override;

private:
  struct Pattern {
    const schema::ProsePattern* def;
    std::vector<Word> keywords;
    std::vector<std::u32string> requires_words, forbid;
    std::vector<std::vector<SumPart>> alternatives; ///< def->alternatives, resolved
  };
  const schema::Rule& m_rule;
  const schema::Template& m_tmpl;
  std::vector<Word> m_exclude;
  std::vector<Pattern> m_patterns;
  std::vector<const std::string*> m_sections; ///< the template's sections the rule reads, in order
};

void CompiledProseFigures::run(const report::Report& r, Out& out) const {
  const schema::Rule& rule = m_rule;
  const schema::Template& t = m_tmpl;
  const auto& exclude = m_exclude;
  const auto& patterns = m_patterns;
  std::u32string text; // each paragraph's code points, one buffer for the report
  for (const std::string* key : m_sections) {
    const auto it = r.sections.find(*key);
    if (it == r.sections.end()) {
      continue;
    }
    for (const auto& para : it->second.paragraphs) {
      // A figure is a number followed by 件 in its clause: a paragraph without 件 states none
      // (no other character folds to 件 under NFKC).
      if (para.text.find("件") == std::string::npos) {
        continue;
      }
      decode_into(util::nfkc(para.text), text);
      for (const auto& clause : clauses_of(text)) {
        const std::u32string_view c = clause.text;
        if (c.find(U'件') == std::u32string_view::npos) {
          continue;
        }
        // Which code points (modulo 64) the clause has: a word lacking one of them is not
        // looked for.
        const std::uint64_t present = code_point_bits(c);
        if (std::any_of(exclude.begin(), exclude.end(),
                        [&](const Word& e) { return e.in(c, present); })) {
          continue;
        }
        const auto years = years_in(c);
        if (r.year &&
            std::any_of(years.begin(), years.end(), [&](int y) { return y != *r.year; })) {
          continue; // about another year (a comparison, or a wrong year: see the year rule)
        }
        std::vector<std::pair<std::size_t, std::size_t>> used; // matched spans
        for (const auto& pat : patterns) {
          for (const Word& word : pat.keywords) {
            if ((present & word.bits) != word.bits) {
              continue;
            }
            const std::u32string& kw = word.text;
            for (std::size_t k = c.find(kw); k != std::u32string::npos; k = c.find(kw, k + 1)) {
              const std::size_t after = k + kw.size();
              const bool overlaps = std::any_of(used.begin(), used.end(), [&](const auto& span) {
                return k < span.second && after > span.first;
              });
              if (overlaps) {
                continue;
              }
              const std::size_t unit = c.find(U'件', after);
              if (unit == std::u32string::npos) {
                continue;
              }
              const auto num = number_before(c, unit);
              if (!num || num->second < after || num->second - after > k_max_window) {
                continue;
              }
              const std::u32string_view window(c.data() + after, num->second - after);
              const bool has_required =
                  std::all_of(pat.requires_words.begin(), pat.requires_words.end(),
                              [&](const auto& w) { return contains(window, w); });
              const bool has_forbidden =
                  std::any_of(pat.forbid.begin(), pat.forbid.end(),
                              [&](const auto& w) { return contains(window, w); });
              if (!has_required || has_forbidden) {
                continue;
              }
              used.emplace_back(k, unit + 1);
              const util::Number stated{num->first, 0};
              bool any_usable = false;
              bool agrees = false;
              std::optional<CellSum> first_sum;
              for (const auto& alt : pat.alternatives) {
                auto sum = sum_of(alt, r);
                if (!sum) {
                  continue;
                }
                any_usable = true;
                agrees = agrees || util::compare(sum->value, stated) == 0;
                if (!first_sum) {
                  first_sum = std::move(sum);
                }
              }
              if (!any_usable || agrees) {
                continue;
              }
              const auto& cells = pat.def->alternatives.front();
              std::vector<std::string> labels;
              for (const auto& p : cells) {
                labels.push_back(t.cell_label(p));
              }
              auto d = make(rule);
              std::vector<diag::Arg> args = {
                  title_arg(rule),
                  encode(c),
                  pat.def->name,
                  num->first,
                  first_sum->value.to_string(),
                  diag::Arg::cell(fmt::format("{}", fmt::join(labels, " + ")))};
              if (first_sum->computed.empty()) {
                d.say({&msg::k_figure, std::move(args)});
              } else {
                std::vector<std::string> blank;
                for (const auto& p : first_sum->computed) {
                  blank.push_back(t.cell_label(p));
                }
                args.push_back(diag::Arg::cell(fmt::format("{}", fmt::join(blank, "、"))));
                d.say({&msg::k_figure_computed, std::move(args)});
              }
              d.cells = cells;
              d.location = shifted(para.where, clause.offset + num->second);
              out.push_back(std::move(d));
            }
          }
        }
      }
    }
  }
}

} // namespace

CompiledRule compile_prose_figures(const schema::Rule& rule, const schema::Template& t) {
  return std::make_unique<CompiledProseFigures>(rule, t);
}

} // namespace xxgk::rules::detail
