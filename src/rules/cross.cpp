#include <xxgk/report/fields.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/util/hash.hpp>
#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

namespace xxgk::rules::cross {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 7> k_applicant_columns = {{
    {"natural_person", "自然人"},
    {"commercial", "商业企业"},
    {"research", "科研机构"},
    {"social_welfare", "社会公益组织"},
    {"legal_service", "法律服务机构"},
    {"other", "其他"},
    {"total", "总计"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 2> k_document_rows = {{
    {"regulations", "规章"},
    {"normative_documents", "行政规范性文件"},
}};

/// The narrative sections X-TEXT compares (the tables' sections hold mostly figures).
constexpr std::array<std::string_view, 4> k_narrative_sections = {"overview", "active", "problems",
                                                                  "other"};

/// A cell's value for comparison: "" when absent, "0" when blank or a placeholder (as the
/// template's rules count blanks), the number otherwise; "?" for text.
std::string value_of(const report::Cell& c) {
  std::string value;
  switch (c.state) {
  case report::CellState::Absent:
    break;
  case report::CellState::Blank:
  // push_back rather than assigning a literal: GCC 12 at -O3 reports a false -Wrestrict for
  // std::string::operator=(const char*) here.
  case report::CellState::Placeholder:
    value.push_back('0');
    break;
  case report::CellState::Number:
    if (c.value) {
      value = c.value->to_string();
    } else {
      value.push_back('?');
    }
    break;
  case report::CellState::Text:
    value.push_back('?');
    break;
  }
  return value;
}

/// fnv1a of value_of(c) after `h`; an integer is written into a buffer on the stack, not a
/// string (every cell of every report goes through here, for the X-DUP fingerprint).
std::uint64_t hash_value(const report::Cell& c, std::uint64_t h) {
  if (c.state == report::CellState::Number && c.value && c.value->scale <= 0) {
    // Number::to_string of a scale ≤ 0: the units in decimal, '-' before a negative one.
    char buf[24];
    const auto end = std::to_chars(std::begin(buf), std::end(buf), c.value->units).ptr;
    return util::fnv1a(std::string_view(buf, static_cast<std::size_t>(end - buf)), h);
  }
  return util::fnv1a(value_of(c), h);
}

/// The figure of a cell: its value_of() and where it is.
Figure figure(const report::Cell& c) {
  Figure f;
  f.line = c.where.line;
  f.set(value_of(c));
  return f;
}

std::string where_text(const std::string& source, const Figure& f) {
  if (f.line > 0) {
    return fmt::format("{}:{}", source, f.line);
  }
  return source;
}

/// Where a finding on figure `path` of `s` points: the cell's full location when the summary
/// kept it, else its line (column 1) in a text form.
diag::SourceLocation location_of(const Summary& s, std::string_view path, const Figure& f) {
  const auto& p = Figures::paths();
  const auto at = static_cast<std::size_t>(std::find(p.begin(), p.end(), path) - p.begin());
  for (const auto& [figure, where] : s.places) {
    if (figure == at) {
      return where;
    }
  }
  diag::SourceLocation w;
  w.line = f.line;
  w.column = f.line > 0 ? 1 : 0;
  return w;
}

/// Whether the figure at `i` of Figures::paths() is one a finding points at: the report's own
/// 上年结转 (X-CARRY) and 现行有效件数 (X-VALID).
bool is_place(std::size_t i) {
  const std::string& path = Figures::paths()[i];
  return path.starts_with("requests.carried_over.") || path.ends_with(".in_force");
}

/// The lines numbered `wanted` (sorted, distinct, 1-based) of `text`, split as util::split_lines
/// splits (LF, CRLF or a lone CR), in one pass that stops after the last one.
std::vector<std::pair<int, std::string_view>> lines_of(std::string_view text,
                                                       const std::vector<int>& wanted) {
  std::vector<std::pair<int, std::string_view>> out;
  std::size_t next = 0;
  int number = 1;
  std::size_t start = 0;
  const auto take = [&](std::size_t end) {
    if (next < wanted.size() && wanted[next] == number) {
      out.emplace_back(number, text.substr(start, end - start));
      ++next;
    }
    ++number;
  };
  if (text.find('\r') == std::string_view::npos) {
    // Lines end at '\n' only (nearly every text): from one to the next by memchr.
    for (std::size_t nl = text.find('\n'); nl != std::string_view::npos && next < wanted.size();
         nl = text.find('\n', start)) {
      take(nl);
      start = nl + 1;
    }
    if (start < text.size() && next < wanted.size()) {
      take(text.size());
    }
    return out;
  }
  for (std::size_t i = 0; i < text.size() && next < wanted.size(); ++i) {
    if (text[i] == '\n') {
      take(i > start && text[i - 1] == '\r' ? i - 1 : i);
      start = i + 1;
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      take(i);
      start = i + 1;
    }
  }
  if (start < text.size() && next < wanted.size()) {
    take(text.size());
  }
  return out;
}

/// A narrative paragraph, normalized, and its length in code points.
struct NarrativeParagraph {
  std::string text;
  std::size_t chars = 0;
};

/// The paragraphs of the narrative sections, normalized (width folded, whitespace removed).
std::vector<NarrativeParagraph> narrative(const report::Report& r) {
  std::vector<NarrativeParagraph> out;
  for (const auto key : k_narrative_sections) {
    const auto it = r.sections.find(std::string(key));
    if (it == r.sections.end()) {
      continue;
    }
    for (const auto& p : it->second.paragraphs) {
      std::string n = util::label_key(p.text);
      const std::size_t chars = util::count_codepoints(n);
      if (chars >= 10) { // headings and one-liners say little
        out.push_back({std::move(n), chars});
      }
    }
  }
  return out;
}

} // namespace

std::string Figure::value() const {
  switch (m_state) {
  case State::Absent:
    return "";
  case State::Text:
    return "?";
  case State::Number:
    break;
  }
  return util::Number{m_units, m_scale}.to_string();
}

void Figure::set(std::string_view value) {
  m_units = 0;
  m_scale = 0;
  if (value.empty()) {
    m_state = State::Absent;
    return;
  }
  const util::ParsedValue v = util::parse_value(value);
  if (v.kind != util::ValueKind::Number || !v.number || v.number->scale < 0 ||
      v.number->scale > 18) {
    m_state = State::Text;
    return;
  }
  m_state = State::Number;
  m_units = v.number->units;
  m_scale = static_cast<std::int8_t>(v.number->scale);
}

const std::array<std::string, Figures::k_count>& Figures::paths() {
  static const std::array<std::string, k_count> k_paths = [] {
    std::array<std::string, k_count> out;
    std::size_t i = 0;
    for (const auto row : {"carried_over", "carried_forward"}) {
      for (const auto& [col, label] : k_applicant_columns) {
        out[i++] = fmt::format("requests.{}.{}", row, col);
      }
    }
    for (const auto& [row, label] : k_document_rows) {
      for (const auto col : {"issued", "repealed", "in_force"}) {
        out[i++] = fmt::format("active.{}.{}", row, col);
      }
    }
    return out;
  }();
  return k_paths;
}

Figure& Figures::operator[](std::string_view path) {
  const auto& p = paths();
  const auto it = std::find(p.begin(), p.end(), path);
  if (it == p.end()) {
    throw std::out_of_range(fmt::format("not a cross-document figure: {}", path));
  }
  return m_figures[static_cast<std::size_t>(it - p.begin())];
}

const Figure* Figures::find(std::string_view path) const {
  const auto& p = paths();
  const auto it = std::find(p.begin(), p.end(), path);
  return it == p.end() ? nullptr : &m_figures[static_cast<std::size_t>(it - p.begin())];
}

std::string agency_key(std::string_view agency) {
  return util::label_key(agency);
}

std::optional<Summary> summarize(const report::Report& report, std::size_t index,
                                 std::string_view text, std::string_view form) {
  if (!report.year || !report.agency || report.agency->empty()) {
    return std::nullopt;
  }
  Summary s;
  s.index = index;
  s.source = report.source;
  s.template_id = report.template_id;
  s.format = report.format;
  s.form = form;
  s.year = *report.year;
  s.agency = *report.agency;
  // The figures' cells, resolved once (report::field_index) and read by index.
  static const auto k_cells = [] {
    std::array<report::CellIndex, Figures::k_count> cells{};
    for (std::size_t i = 0; i < Figures::k_count; ++i) {
      cells[i] = report::field_index(Figures::paths()[i]);
    }
    return cells;
  }();
  std::vector<std::pair<int, int>> carets; // where the places are, for excerpts
  for (std::size_t i = 0; i < Figures::k_count; ++i) {
    const std::string& path = Figures::paths()[i];
    if (const auto* c = report::cell_at(report, k_cells[i])) {
      s.figures[path] = figure(*c);
      if (is_place(i)) {
        s.places.emplace_back(static_cast<std::uint8_t>(i), c->where);
        if (c->where.line > 0) {
          carets.emplace_back(c->where.line, c->where.column);
        }
      }
    }
  }
  if (!carets.empty() && !text.empty()) {
    std::sort(carets.begin(), carets.end());
    carets.erase(std::unique(carets.begin(), carets.end()), carets.end());
    s.windows = source_windows(text, carets);
  }
  s.fingerprint = util::k_fnv1a_offset;
  const std::size_t cells = report::fields().size();
  for (std::size_t i = 0; i < cells; ++i) {
    if (const auto* c = report::cell_at(report, static_cast<report::CellIndex>(i))) {
      s.fingerprint = util::fnv1a(";", hash_value(*c, s.fingerprint));
    }
  }
  const std::vector<NarrativeParagraph> paragraphs = narrative(report);
  s.paragraph_hashes.reserve(paragraphs.size()); // kept per report: no spare capacity
  s.paragraph_chars.reserve(paragraphs.size());
  for (const auto& p : paragraphs) {
    s.paragraph_hashes.push_back(static_cast<std::uint32_t>(std::hash<std::string>{}(p.text)));
    s.narrative_chars += p.chars;
    s.paragraph_chars.push_back(static_cast<std::uint32_t>(p.chars));
  }
  return s;
}

std::vector<diag::SourceWindow> source_windows(std::string_view text,
                                               const std::vector<std::pair<int, int>>& places) {
  std::vector<int> wanted;
  for (const auto& [line, column] : places) {
    if (wanted.empty() || wanted.back() != line) {
      wanted.push_back(line);
    }
  }
  std::vector<diag::SourceWindow> out;
  std::size_t p = 0;
  for (const auto& [number, line] : lines_of(text, wanted)) {
    while (p < places.size() && places[p].first < number) {
      ++p;
    }
    // The line walked once, code point by code point (as the excerpt counts columns), through
    // the carets' ranges, merged where they overlap or touch.
    std::size_t pos = 0;
    int col = 1;
    while (p < places.size() && places[p].first == number) {
      const int lo = std::max(1, places[p].second - diag::k_excerpt_reach);
      int hi = places[p].second + diag::k_excerpt_reach; // inclusive: whether more follows
      for (++p; p < places.size() && places[p].first == number &&
                places[p].second - diag::k_excerpt_reach <= hi + 1;
           ++p) {
        hi = std::max(hi, places[p].second + diag::k_excerpt_reach);
      }
      for (; pos < line.size() && col < lo; ++col) {
        util::next_codepoint(line, pos);
      }
      const std::size_t start = pos;
      const int first_column = col;
      for (; pos < line.size() && col <= hi; ++col) {
        util::next_codepoint(line, pos);
      }
      out.push_back({number, first_column, std::string(line.substr(start, pos - start))});
    }
  }
  return out;
}

namespace {

const Figure* get(const Summary& s, const std::string& path) {
  const Figure* f = s.figures.find(path);
  return f == nullptr || !f->present() ? nullptr : f;
}

namespace msg {
constexpr diag::MessageTemplate k_carry{
    "cross.carry",
    "表三 二、上年结转·{0}: 报告 {1}，但 {2} 年度报告（{3}）四、结转下年度继续办理·{0} 为 {4}",
    "table 3 「二、上年结转」·{0}: reported {1}, but the {2} report ({3}) gives {4} for "
    "「四、结转下年度继续办理」·{0}"};
constexpr diag::MessageTemplate k_valid{
    "cross.valid",
    "表二 {0}·现行有效件数: 报告 {1}，计算 {2}（{3} 年度报告（{4}）现行有效 {5} + 本年制发 {6} − "
    "本年废止 {7}）",
    "table 2 {0}·现行有效件数: reported {1}, computed {2} (the {3} report ({4}): in force {5} + "
    "made {6} − repealed {7})"};
constexpr diag::MessageTemplate k_text{"cross.text", "正文 {0}% 与 {1} 年度报告（{2}）相同",
                                       "{0}% of the prose is the same as the {1} report ({2})"};
constexpr diag::MessageTemplate k_dup{"cross.duplicate",
                                      "{0} {1} 年度报告出现两次，数字不同: 另见 {2}",
                                      "the {1} report of {0} appears twice with different "
                                      "figures: see also {2}"};
} // namespace msg

} // namespace

const std::vector<const diag::MessageTemplate*>& messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {&msg::k_carry, &msg::k_valid,
                                                                  &msg::k_text, &msg::k_dup};
  return k_all;
}

namespace {

diag::Diagnostic make(std::string_view rule, diag::Severity severity, diag::Message message,
                      std::vector<std::string> cells, const diag::SourceLocation& where) {
  diag::Diagnostic d = diag::make(std::string(rule), severity, std::move(message), where);
  d.cells = std::move(cells);
  return d;
}

void check_carry(const Summary& prev, const Summary& cur, std::vector<Finding>& out) {
  for (const auto& [col, label] : k_applicant_columns) {
    const std::string now_path = fmt::format("requests.carried_over.{}", col);
    const std::string then_path = fmt::format("requests.carried_forward.{}", col);
    const Figure* now = get(cur, now_path);
    const Figure* then = get(prev, then_path);
    if (now == nullptr || then == nullptr || now->value() == then->value()) {
      continue;
    }
    out.push_back({cur.index, make("X-CARRY", diag::Severity::Error,
                                   {&msg::k_carry,
                                    {label, now->value(), prev.year, where_text(prev.source, *then),
                                     then->value()}},
                                   {now_path, then_path}, location_of(cur, now_path, *now))});
  }
}

void check_valid(const Summary& prev, const Summary& cur, std::vector<Finding>& out) {
  if (prev.template_id != "2021" || cur.template_id != "2021") {
    return;
  }
  for (const auto& [row, label] : k_document_rows) {
    // An init-capture: clang before 16 cannot capture a structured binding.
    const auto path = [&r = row](const char* col) { return fmt::format("active.{}.{}", r, col); };
    const Figure* before = get(prev, path("in_force"));
    const Figure* issued = get(cur, path("issued"));
    const Figure* repealed = get(cur, path("repealed"));
    const Figure* now = get(cur, path("in_force"));
    if (before == nullptr || issued == nullptr || repealed == nullptr || now == nullptr) {
      continue;
    }
    const auto parse = [](const std::string& v) -> std::optional<long long> {
      try {
        std::size_t used = 0;
        const long long n = std::stoll(v, &used);
        return used == v.size() ? std::optional<long long>(n) : std::nullopt;
      } catch (...) {
        return std::nullopt;
      }
    };
    const auto b = parse(before->value());
    const auto i = parse(issued->value());
    const auto r = parse(repealed->value());
    const auto n = parse(now->value());
    if (!b || !i || !r || !n || *b + *i - *r == *n) {
      continue;
    }
    out.push_back({cur.index, make("X-VALID", diag::Severity::Warning,
                                   {&msg::k_valid,
                                    {label, *n, *b + *i - *r, prev.year,
                                     where_text(prev.source, *before), *b, *i, *r}},
                                   {path("in_force"), path("issued"), path("repealed")},
                                   location_of(cur, path("in_force"), *now))});
  }
}

void check_text(const Summary& prev, const Summary& cur, std::vector<Finding>& out) {
  if (cur.narrative_chars == 0) {
    return;
  }
  const std::set<std::uint32_t> before(prev.paragraph_hashes.begin(), prev.paragraph_hashes.end());
  std::size_t same = 0;
  for (std::size_t i = 0; i < cur.paragraph_hashes.size(); ++i) {
    if (before.contains(cur.paragraph_hashes[i])) {
      same += cur.paragraph_chars[i];
    }
  }
  if (same * 2 <= cur.narrative_chars) {
    return;
  }
  out.push_back(
      {cur.index, make("X-TEXT", diag::Severity::Warning,
                       {&msg::k_text, {same * 100 / cur.narrative_chars, prev.year, prev.source}},
                       {}, diag::SourceLocation{})});
}

} // namespace

std::vector<Finding> check(const std::vector<Summary>& summaries) {
  // agency → year → the reports, in batch order.
  std::map<std::string, std::map<int, std::vector<const Summary*>>> groups;
  for (const auto& s : summaries) {
    groups[agency_key(s.agency)][s.year].push_back(&s);
  }
  std::vector<Finding> out;
  for (const auto& [agency, years] : groups) {
    for (const auto& [year, reports] : years) {
      const auto prev = years.find(year - 1);
      const Summary* before = prev == years.end() ? nullptr : prev->second.front();
      for (const Summary* cur : reports) {
        for (auto& f :
             check_report(*cur, cur == reports.front() ? nullptr : reports.front(), before)) {
          out.push_back(std::move(f));
        }
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.index, a.diagnostic.rule) < std::tie(b.index, b.diagnostic.rule);
  });
  return out;
}

std::vector<Finding> check_report(const Summary& report, const Summary* first,
                                  const Summary* before) {
  std::vector<Finding> out;
  if (first != nullptr && report.fingerprint != first->fingerprint) {
    out.push_back({report.index, make("X-DUP", diag::Severity::Error,
                                      {&msg::k_dup, {report.agency, report.year, first->source}},
                                      {}, diag::SourceLocation{})});
  }
  if (before != nullptr) {
    check_carry(*before, report, out);
    check_valid(*before, report, out);
    check_text(*before, report, out);
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return a.diagnostic.rule < b.diagnostic.rule;
  });
  return out;
}

const std::vector<RuleMeta>& rule_metas() {
  static const std::vector<RuleMeta> k_rules = {
      {"X-CARRY", diag::Severity::Error, "上年结转与上一年度的结转下年度不一致",
       "Carried over differs from last year's carried forward",
       "本年度表三“二、上年结转政府信息公开申请数量”应逐列等于同一机关上一年度报告表三“四、结转"
       "下年度继续办理”。",
       "二、上年结转政府信息公开申请数量 … 四、结转下年度继续办理",
       "核对两年报告，改正错误的一方。"},
      {"X-DUP", diag::Severity::Error, "同一机关同一年度的报告出现两次且数字不同",
       "The same agency and year twice, with different figures",
       "一批报告中同一机关（规范化名称）同一年度有两份报告，表格数字不同；至少一份是旧稿或错稿。",
       "", "删除旧稿，只保留正式发布的报告。"},
      {"X-TEXT", diag::Severity::Warning, "正文与上一年度报告大半相同",
       "Narrative mostly identical to last year's",
       "总体情况、主动公开、存在的主要问题及改进情况、其他需要报告的事项等段落中，超过一半的文字"
       "与同一机关上一年度报告相同。",
       "", "按本年度实际情况重写。"},
      {"X-VALID", diag::Severity::Warning, "现行有效件数与上一年度不衔接",
       "Documents in force do not follow from last year's",
       "2021 年版模板表二：现行有效件数应等于上一年度现行有效件数 + 本年制发件数 − 本年废止件数"
       "（规章、行政规范性文件）。",
       "本年制发件数 本年废止件数 现行有效件数", "核对现行有效件数或制发、废止件数。"},
  };
  return k_rules;
}

} // namespace xxgk::rules::cross
