// Structure and metadata rules: sections, headings, table placement, years, statements, agency.

#include "checks.hpp"

#include <xxgk/report/fields.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace xxgk::rules::detail {

diag::Diagnostic make(const schema::Rule& rule) {
  diag::Diagnostic d;
  d.rule = rule.id;
  d.severity = rule.severity;
  return d;
}

diag::SourceLocation shifted(diag::SourceLocation where, std::size_t offset) {
  if (where.has_line()) {
    where.column += static_cast<int>(offset);
  }
  return where;
}

namespace {

std::vector<const schema::Section*> sections_of(const schema::Rule& rule,
                                                const schema::Template& t) {
  std::vector<const schema::Section*> out;
  for (const auto& s : t.sections) {
    if (rule.sections.empty() ||
        std::find(rule.sections.begin(), rule.sections.end(), s.key) != rule.sections.end()) {
      out.push_back(&s);
    }
  }
  return out;
}

/// "2023年" at `pos` (byte offset) of `text`: the year, or 0.
int year_at(std::string_view text, std::size_t pos) {
  if (pos + 7 > text.size()) {
    return 0;
  }
  for (std::size_t i = 0; i < 4; ++i) {
    if (text[pos + i] < '0' || text[pos + i] > '9') {
      return 0;
    }
  }
  if (pos > 0 && text[pos - 1] >= '0' && text[pos - 1] <= '9') {
    return 0;
  }
  if (text.compare(pos + 4, 3, "年") != 0) {
    return 0;
  }
  return std::stoi(std::string(text.substr(pos, 4)));
}

namespace msg {
constexpr diag::MessageTemplate k_repeated{"structure.section_repeated", "章节「{0}」重复出现",
                                           "section 「{0}」 appears more than once"};
constexpr diag::MessageTemplate k_missing{"structure.section_missing", "缺少第{0}部分「{1}」",
                                          "section 「{1}」 is missing"};
constexpr diag::MessageTemplate k_order{
    "structure.section_order", "章节「{0}」的位置不对：应在第{1}部分之前",
    "section 「{0}」 is out of order: it belongs before section {1}"};
constexpr diag::MessageTemplate k_wording{
    "structure.section_wording", "章节标题「{0}」与模板「{1}」措辞不同（已按该部分识别）",
    "section heading 「{0}」 is worded differently from the template's 「{1}」 (read as that "
    "section)"};
constexpr diag::MessageTemplate k_placement{
    "structure.table_placement", "表{0}（{1}）应在「{2}」部分，实际在{3}",
    "table {0} ({1}) belongs in section 「{2}」 but is in {3}"};
constexpr diag::MessageTemplate k_in_section{"structure.in_section", "第{0}部分", "section {0}"};
constexpr diag::MessageTemplate k_in_opening{"structure.in_opening", "正文开头",
                                             "the opening text"};
constexpr diag::MessageTemplate k_empty{"structure.section_empty", "第{0}部分「{1}」没有内容",
                                        "section 「{1}」 has no content"};
constexpr diag::MessageTemplate k_period{"structure.period_year",
                                         "统计期限写的是{0}，但本报告是{1}年度报告",
                                         "the statistics period says {0}, but this is the report "
                                         "for {1}"};
constexpr diag::MessageTemplate k_sentence_year{
    "structure.sentence_year",
    "这一句以「{0}」开头，但本报告是{1}年度报告（可能沿用了其他年度的文字）",
    "this sentence begins with 「{0}」, but this is the report for {1} (text from another year?)"};
constexpr diag::MessageTemplate k_paragraph_year{
    "structure.paragraph_year",
    "这一段以「{0}」开头，但本报告是{1}年度报告（可能沿用了其他年度的文字）",
    "this paragraph begins with 「{0}」, but this is the report for {1} (text from another "
    "year?)"};
constexpr diag::MessageTemplate k_statement{"structure.statement", "{0}：「{1}」中没有提到{2}",
                                            "{0}: 「{1}」 says nothing about {2}", true};
constexpr diag::MessageTemplate k_agency_cannot{
    "structure.agency_cannot", "{0}：「{1}」没有制定规章的权限，表二却填了 {2}",
    "{0}: 「{1}」 cannot make regulations, yet table 2 reports {2}", true};
} // namespace msg

} // namespace

const std::vector<const diag::MessageTemplate*>& structure_messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {
      &msg::k_repeated,     &msg::k_missing,       &msg::k_order,          &msg::k_wording,
      &msg::k_placement,    &msg::k_in_section,    &msg::k_in_opening,     &msg::k_empty,
      &msg::k_period,       &msg::k_sentence_year, &msg::k_paragraph_year, &msg::k_statement,
      &msg::k_agency_cannot};
  return k_all;
}

void check_sections(const schema::Rule& rule, const report::Report& r, const schema::Template& t,
                    Out& out) {
  std::map<std::string, int> seen;
  for (const auto& h : r.headings) {
    if (++seen[h.section] == 2) {
      auto d = make(rule);
      d.say({&msg::k_repeated, {h.text}});
      d.location = h.where;
      out.push_back(std::move(d));
    }
  }
  // Missing sections, located at the next heading that is present.
  for (std::size_t i = 0; i < t.sections.size(); ++i) {
    const auto& s = t.sections[i];
    if (seen.count(s.key) != 0) {
      continue;
    }
    auto d = make(rule);
    d.say({&msg::k_missing, {s.number, s.label.text}});
    for (std::size_t j = i + 1; j < t.sections.size(); ++j) {
      const auto it = r.sections.find(t.sections[j].key);
      if (it != r.sections.end() && it->second.found) {
        d.location = it->second.where;
        break;
      }
    }
    out.push_back(std::move(d));
  }
  // Order of first occurrences.
  std::map<std::string, std::size_t> rank;
  for (std::size_t i = 0; i < t.sections.size(); ++i) {
    rank[t.sections[i].key] = i;
  }
  std::size_t last = 0;
  std::map<std::string, bool> first_seen;
  for (const auto& h : r.headings) {
    if (first_seen[h.section]) {
      continue;
    }
    first_seen[h.section] = true;
    const std::size_t k = rank[h.section];
    if (k < last) {
      auto d = make(rule);
      d.say({&msg::k_order, {h.text, t.sections[last].number}});
      d.location = h.where;
      out.push_back(std::move(d));
    }
    last = std::max(last, k);
  }
}

void check_section_wording(const schema::Rule& rule, const report::Report& r,
                           const schema::Template& t, Out& out) {
  for (const auto& h : r.headings) {
    if (!h.variant) {
      continue;
    }
    std::string canonical;
    for (const auto& s : t.sections) {
      if (s.key == h.section) {
        canonical = s.label.text;
      }
    }
    auto d = make(rule);
    d.say({&msg::k_wording, {h.text, canonical}});
    d.location = h.where;
    out.push_back(std::move(d));
  }
}

void check_table_placement(const schema::Rule& rule, const report::Report& r,
                           const schema::Template& t, Out& out) {
  for (const auto& table : t.tables) {
    const auto it = r.table_sections.find(table.key);
    if (it == r.table_sections.end() || it->second == table.section) {
      continue;
    }
    const auto sec = r.sections.find(table.section);
    if (sec == r.sections.end() || !sec->second.found) {
      continue; // the missing heading is reported by the sections rule
    }
    diag::Arg where_found = diag::nested({&msg::k_in_opening, {}});
    for (const auto& s : t.sections) {
      if (s.key == it->second) {
        where_found = diag::nested({&msg::k_in_section, {s.number}});
      }
    }
    auto d = make(rule);
    d.say({&msg::k_placement,
           {diag::Arg::table(table.name), table.title, sec->second.heading, where_found}});
    const auto loc = r.table_locations.find(table.key);
    if (loc != r.table_locations.end()) {
      d.location = loc->second;
    }
    out.push_back(std::move(d));
  }
}

void check_section_not_empty(const schema::Rule& rule, const report::Report& r,
                             const schema::Template& t, Out& out) {
  for (const auto* s : sections_of(rule, t)) {
    const auto it = r.sections.find(s->key);
    if (it == r.sections.end() || !it->second.found) {
      continue;
    }
    // Not empty when a code point is not a space (what util::trim keeps), found from the start.
    const std::string& text = it->second.text;
    bool has_text = false;
    for (std::size_t pos = 0; pos < text.size() && !has_text;) {
      has_text = !util::is_space(util::next_codepoint(text, pos));
    }
    if (has_text) {
      continue;
    }
    auto d = make(rule);
    d.say({&msg::k_empty, {s->number, it->second.heading}});
    d.location = it->second.where;
    out.push_back(std::move(d));
  }
}

void check_period_year(const schema::Rule& rule, const report::Report& r, Out& out) {
  if (!r.year) {
    return;
  }
  for (const auto& [key, section] : r.sections) {
    for (const auto& p : section.paragraphs) {
      const std::string& text = p.text;
      if (text.find("统计") == std::string::npos) {
        continue;
      }
      bool reported = false; // one finding per paragraph
      for (const std::string_view date : {"1月1日", "12月31日"}) {
        if (reported) {
          break;
        }
        for (std::size_t pos = text.find(date); pos != std::string::npos;
             pos = text.find(date, pos + 1)) {
          if (pos < 7) {
            continue;
          }
          const int y = year_at(text, pos - 7);
          if (y == 0 || y == *r.year) {
            continue;
          }
          auto d = make(rule);
          d.say({&msg::k_period, {fmt::format("{}年{}", y, date), *r.year}});
          d.location = shifted(p.where, util::count_codepoints(text.substr(0, pos - 7)));
          out.push_back(std::move(d));
          reported = true;
          break;
        }
      }
    }
  }
}

namespace {

/// A sentence inside a paragraph that opens with another year and a comma ("……。2022年，共制定
/// 规范性文件0件", format.md §7 E2) and does not name the report year anywhere (a comparison
/// such as "2023年，受理10件；2024年受理17件" names both).
void check_sentence_years(const schema::Rule& rule, std::string_view folded, int year,
                          const diag::SourceLocation& where, Out& out) {
  const std::string own = fmt::format("{}年", year);
  static constexpr std::string_view k_ends[] = {"。", "；", "！", "？", ";"};
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.size();
    std::size_t end_len = 0;
    for (auto e : k_ends) {
      const auto at = folded.find(e, start);
      if (at != std::string_view::npos && at < end) {
        end = at;
        end_len = e.size();
      }
    }
    const std::string_view sentence = folded.substr(start, end - start);
    if (start > 0) {
      std::size_t pos = 0;
      while (pos < sentence.size() && (sentence[pos] == ' ' || sentence[pos] == '\t')) {
        ++pos;
      }
      const int y = year_at(sentence, pos);
      // The next year is a plan ("2025年，我们将…"), wherever the 五 heading went.
      if (y != 0 && y != year && y != year + 1 && sentence.find(own) == std::string_view::npos) {
        std::size_t after = pos + 7;
        if (sentence.substr(after).starts_with("度")) {
          after += 3;
        }
        const std::string_view rest = sentence.substr(std::min(after, sentence.size()));
        if (rest.starts_with("，") || rest.starts_with(",")) {
          auto d = make(rule);
          d.say({&msg::k_sentence_year, {fmt::format("{}年", y), year}});
          d.location = shifted(where, util::count_codepoints(folded.substr(0, start + pos)));
          out.push_back(std::move(d));
        }
      }
    }
    if (end == folded.size()) {
      break;
    }
    start = end + end_len;
  }
}

} // namespace

void check_prose_year(const schema::Rule& rule, const report::Report& r, Out& out) {
  if (!r.year) {
    return;
  }
  for (const auto& key : rule.sections) {
    const auto it = r.sections.find(key);
    if (it == r.sections.end()) {
      continue;
    }
    for (const auto& p : it->second.paragraphs) {
      // Every finding names a year "YYYY年": a paragraph without 年 (or U+F98E, the one other
      // character NFKC folds to 年) has none, and is not folded.
      if (p.text.find("年") == std::string::npos && p.text.find("\uF98E") == std::string::npos) {
        continue;
      }
      // Skip a leading item number such as "（一）" or "1."; then look for "YYYY年".
      const std::string folded = util::nfkc(p.text);
      std::size_t pos = 0;
      std::size_t skipped_cp = 0;
      while (pos < folded.size()) {
        std::size_t next = pos;
        const char32_t cp = util::next_codepoint(folded, next);
        const bool numbering = cp == '(' || cp == ')' || cp == '.' || cp == U'、' ||
                               util::is_space(cp) || util::is_chinese_numeral(cp);
        if (!numbering || (cp >= '0' && cp <= '9')) {
          break;
        }
        pos = next;
        ++skipped_cp;
      }
      const int y = year_at(folded, pos);
      if (y != 0 && y != *r.year) {
        auto d = make(rule);
        d.say({&msg::k_paragraph_year, {fmt::format("{}年", y), *r.year}});
        d.location = shifted(p.where, skipped_cp);
        out.push_back(std::move(d));
        continue;
      }
      check_sentence_years(rule, folded, *r.year, p.where, out);
    }
  }
}

void check_statement(const schema::Rule& rule, const report::Report& r, const schema::Template& t,
                     Out& out) {
  if (!r.year || *r.year < rule.min_year) {
    return;
  }
  std::string text;
  diag::SourceLocation where = r.title_where;
  std::string heading;
  for (const auto* s : sections_of(rule, t)) {
    const auto it = r.sections.find(s->key);
    if (it == r.sections.end() || !it->second.found) {
      continue;
    }
    text += it->second.text;
    where = it->second.where;
    heading = it->second.heading;
  }
  if (heading.empty()) {
    return; // the missing section is reported by the sections rule
  }
  for (const auto& k : rule.keywords) {
    if (text.find(k) != std::string::npos) {
      return;
    }
  }
  auto d = make(rule);
  std::string keywords = fmt::format("{}", fmt::join(rule.keywords, "或"));
  std::string keywords_en = rule.keywords_en.empty() ? keywords : rule.keywords_en;
  d.say({&msg::k_statement,
         {title_arg(rule), heading, diag::Arg::both(std::move(keywords), std::move(keywords_en))}});
  d.location = where;
  out.push_back(std::move(d));
}

std::vector<std::string> matching_paths(const std::vector<std::string>& patterns,
                                        const schema::Template& tmpl) {
  auto glob = [](std::string_view pattern, std::string_view path) {
    std::size_t pi = 0;
    std::size_t si = 0;
    while (pi < pattern.size()) {
      if (pattern[pi] == '*') {
        const auto dot = path.find('.', si);
        si = dot == std::string_view::npos ? path.size() : dot;
        ++pi;
        continue;
      }
      if (si >= path.size() || pattern[pi] != path[si]) {
        return false;
      }
      ++pi;
      ++si;
    }
    return si == path.size();
  };
  std::vector<std::string> out;
  for (const auto& p : tmpl.cell_paths()) {
    for (const auto& pattern : patterns) {
      if (glob(pattern, p)) {
        out.push_back(p);
        break;
      }
    }
  }
  return out;
}

void check_agency_cannot(const schema::Rule& rule, const report::Report& r,
                         const schema::Template& t, Out& out) {
  if (!r.agency) {
    return;
  }
  const std::string& agency = *r.agency;
  auto contains = [&](const std::string& s) { return agency.find(s) != std::string::npos; };
  if (std::none_of(rule.agency_patterns.begin(), rule.agency_patterns.end(), contains) ||
      std::any_of(rule.agency_exclude.begin(), rule.agency_exclude.end(), contains)) {
    return;
  }
  std::vector<std::string> cells;
  std::vector<std::string> shown;
  const report::Cell* first = nullptr;
  for (const auto& p : matching_paths(rule.cells, t)) {
    const report::Cell* c = report::find_cell(r, p);
    if (c == nullptr || c->state != report::CellState::Number || c->value->units <= 0) {
      continue;
    }
    if (first == nullptr) {
      first = c;
    }
    cells.push_back(p);
    const auto [row, col] = t.row_column_labels(p);
    shown.push_back(fmt::format("{}{} {}", row, col, c->value->to_string()));
  }
  if (cells.empty()) {
    return;
  }
  auto d = make(rule);
  std::string figures = fmt::format("{}", fmt::join(shown, "、"));
  std::string figures_en = diag::english_table_numbers(figures);
  d.say({&msg::k_agency_cannot,
         {title_arg(rule), agency, diag::Arg::both(std::move(figures), std::move(figures_en))}});
  d.cells = std::move(cells);
  d.location = first->where;
  out.push_back(std::move(d));
}

} // namespace xxgk::rules::detail
