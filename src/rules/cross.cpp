#include <xxgk/report/fields.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/util/number.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
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
std::vector<std::pair<int, std::string>> lines_of(std::string_view text,
                                                  const std::vector<int>& wanted) {
  std::vector<std::pair<int, std::string>> out;
  std::size_t next = 0;
  int number = 1;
  std::size_t start = 0;
  const auto take = [&](std::size_t end) {
    if (next < wanted.size() && wanted[next] == number) {
      out.emplace_back(number, std::string(text.substr(start, end - start)));
      ++next;
    }
    ++number;
  };
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

/// FNV-1a, 64 bits.
void hash_into(std::uint64_t& h, std::string_view s) {
  for (const char c : s) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 0x100000001b3ULL;
  }
}

/// The paragraphs of the narrative sections, normalized (width folded, whitespace removed).
std::vector<std::string> narrative(const report::Report& r) {
  std::vector<std::string> out;
  for (const auto key : k_narrative_sections) {
    const auto it = r.sections.find(std::string(key));
    if (it == r.sections.end()) {
      continue;
    }
    for (const auto& p : it->second.paragraphs) {
      std::string n = util::label_key(p.text);
      if (util::count_codepoints(n) >= 10) { // headings and one-liners say little
        out.push_back(std::move(n));
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
  std::vector<int> wanted; // the lines of the places, for excerpts
  for (std::size_t i = 0; i < Figures::k_count; ++i) {
    const std::string& path = Figures::paths()[i];
    if (const auto* c = report::find_cell(report, path)) {
      s.figures[path] = figure(*c);
      if (is_place(i)) {
        s.places.emplace_back(static_cast<std::uint8_t>(i), c->where);
        if (c->where.line > 0) {
          wanted.push_back(c->where.line);
        }
      }
    }
  }
  if (!wanted.empty() && !text.empty()) {
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    s.lines = lines_of(text, wanted);
  }
  s.fingerprint = 0xcbf29ce484222325ULL;
  for (const auto& f : report::fields()) {
    if (const auto* c = report::find_cell(report, f.path)) {
      hash_into(s.fingerprint, value_of(*c));
      hash_into(s.fingerprint, ";");
    }
  }
  const std::vector<std::string> paragraphs = narrative(report);
  s.paragraph_hashes.reserve(paragraphs.size()); // kept per report: no spare capacity
  s.paragraph_chars.reserve(paragraphs.size());
  for (const auto& p : paragraphs) {
    s.paragraph_hashes.push_back(static_cast<std::uint32_t>(std::hash<std::string>{}(p)));
    s.narrative_chars += util::count_codepoints(p);
    s.paragraph_chars.push_back(static_cast<std::uint32_t>(util::count_codepoints(p)));
  }
  return s;
}

std::string excerpt_text(const Summary& summary) {
  std::string text;
  int number = 1;
  for (const auto& [line, content] : summary.lines) {
    for (; number < line; ++number) {
      text += '\n';
    }
    text += content;
    text += '\n';
    ++number;
  }
  return text;
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
      for (std::size_t k = 1; k < reports.size(); ++k) {
        if (reports[k]->fingerprint != reports[0]->fingerprint) {
          out.push_back({reports[k]->index,
                         make("X-DUP", diag::Severity::Error,
                              {&msg::k_dup, {reports[k]->agency, year, reports[0]->source}}, {},
                              diag::SourceLocation{})});
        }
      }
      const auto prev = years.find(year - 1);
      if (prev == years.end()) {
        continue;
      }
      const Summary& before = *prev->second.front();
      for (const Summary* cur : reports) {
        check_carry(before, *cur, out);
        check_valid(before, *cur, out);
        check_text(before, *cur, out);
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.index, a.diagnostic.rule) < std::tie(b.index, b.diagnostic.rule);
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

// ---------------------------------------------------------------------------------- Collector

namespace {

/// FNV-1a of agency_key(agency): how the Collector groups reports before decoding them.
std::uint64_t agency_hash(std::string_view agency) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  hash_into(h, agency_key(agency));
  return h;
}

/// The byte encoding of a Summary: unsigned LEB128 varints, signed ones zigzagged, strings as
/// length and bytes, labels as the index of an interned string.
class Encoder {
public:
  explicit Encoder(std::string& out) : m_out(out) {}
  void u(std::uint64_t v) {
    while (v >= 0x80) {
      m_out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    m_out.push_back(static_cast<char>(v));
  }
  void i(std::int64_t v) {
    u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
  }
  void str(std::string_view v) {
    u(v.size());
    m_out.append(v);
  }
  void fixed32(std::uint32_t v) {
    for (int k = 0; k < 4; ++k) {
      m_out.push_back(static_cast<char>(v >> (8 * k) & 0xff));
    }
  }

private:
  std::string& m_out;
};

class Decoder {
public:
  explicit Decoder(std::string_view in) : m_in(in) {}
  std::uint64_t u() {
    std::uint64_t v = 0;
    for (int shift = 0; m_pos < m_in.size(); shift += 7) {
      const auto b = static_cast<std::uint8_t>(m_in[m_pos++]);
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    return v;
  }
  std::int64_t i() {
    const std::uint64_t z = u();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  std::uint32_t fixed32() {
    std::uint32_t v = 0;
    for (int k = 0; k < 4 && m_pos < m_in.size(); ++k) {
      v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(m_in[m_pos++])) << (8 * k);
    }
    return v;
  }
  std::string str() {
    const auto n = static_cast<std::size_t>(u());
    std::string v(m_in.substr(m_pos, n));
    m_pos += n;
    return v;
  }

private:
  std::string_view m_in;
  std::size_t m_pos = 0;
};

/// What the Collector keeps of a report outside its encoding: enough to group it.
struct Head {
  std::uint64_t agency = 0; ///< agency_hash
  std::uint32_t block = 0;  ///< which block of Store::blocks
  std::uint32_t offset = 0; ///< where its encoding starts in it
  std::uint32_t size = 0;
  std::int32_t year = 0;
  std::size_t index = 0;
};

/// Encoded summaries are appended to blocks of this size, never moved: a batch's memory grows by
/// one block at a time, not by doubling and copying one buffer.
constexpr std::size_t k_block = 256 * 1024;

} // namespace

struct Collector::Store {
  std::vector<Head> heads; ///< in batch order (index ascending)
  std::vector<std::string> blocks;
  std::vector<std::string> labels; ///< interned: template ids, forms, location names
  std::map<std::string, std::uint32_t, std::less<>> label_ids;
  std::string scratch; ///< one summary being encoded

  std::uint32_t intern(std::string_view s) {
    if (const auto it = label_ids.find(s); it != label_ids.end()) {
      return it->second;
    }
    const auto id = static_cast<std::uint32_t>(labels.size());
    labels.emplace_back(s);
    label_ids.emplace(std::string(s), id);
    return id;
  }

  /// The integer fields of a location, in encoding order (labels are their interned ids).
  static constexpr std::size_t k_place_fields = 14;
  using PlaceFields = std::array<std::int64_t, k_place_fields>;

  PlaceFields fields_of(const diag::SourceLocation& w) {
    return {w.line,
            w.column,
            w.paragraph,
            w.table,
            w.row,
            w.cell,
            w.xml_line,
            w.xml_offset,
            w.block,
            w.page,
            intern(w.part),
            intern(w.table_name),
            intern(w.row_label),
            intern(w.column_label)};
  }

  [[nodiscard]] diag::SourceLocation location_of_fields(const PlaceFields& f) const {
    diag::SourceLocation w;
    w.line = static_cast<int>(f[0]);
    w.column = static_cast<int>(f[1]);
    w.paragraph = static_cast<int>(f[2]);
    w.table = static_cast<int>(f[3]);
    w.row = static_cast<int>(f[4]);
    w.cell = static_cast<int>(f[5]);
    w.xml_line = static_cast<int>(f[6]);
    w.xml_offset = f[7];
    w.block = static_cast<int>(f[8]);
    w.page = static_cast<int>(f[9]);
    w.part = labels[static_cast<std::size_t>(f[10])];
    w.table_name = labels[static_cast<std::size_t>(f[11])];
    w.row_label = labels[static_cast<std::size_t>(f[12])];
    w.column_label = labels[static_cast<std::size_t>(f[13])];
    return w;
  }

  /// The fields a location is encoded against first: those of an empty diag::SourceLocation.
  PlaceFields first{};

  Store() { first = fields_of(diag::SourceLocation{}); }

  // The encoding: the source as its directory (interned: a batch's reports share a few) and
  // name; labels interned; each figure's line and each location's fields as the difference from
  // the previous one (a location only with the fields that differ: the cells of a row share most).
  void encode(const Summary& s, Encoder& e) {
    const auto slash = s.source.rfind('/');
    const std::string_view source(s.source);
    e.u(intern(slash == std::string::npos ? std::string_view() : source.substr(0, slash + 1)));
    e.str(slash == std::string::npos ? source : source.substr(slash + 1));
    e.u(intern(s.template_id));
    e.u(intern(s.format));
    e.u(intern(s.form));
    e.str(s.agency);
    e.u(s.fingerprint);
    std::int64_t line = 0;
    for (const auto& path : Figures::paths()) {
      const Figure& f = *s.figures.find(path);
      // The value as value() gives it (the only form Figure exposes), then its line.
      const std::string v = f.value();
      if (v.empty()) {
        e.u(0);
      } else if (v == "?") {
        e.u(1);
      } else {
        const util::ParsedValue p = util::parse_value(v);
        e.u(2 + static_cast<std::uint64_t>(p.number->scale));
        e.i(p.number->units);
      }
      e.i(f.line - line);
      line = f.line;
    }
    e.u(s.paragraph_hashes.size());
    for (std::size_t k = 0; k < s.paragraph_hashes.size(); ++k) {
      e.fixed32(s.paragraph_hashes[k]);
      e.u(s.paragraph_chars[k]);
    }
    e.u(s.narrative_chars);
    e.u(s.places.size());
    PlaceFields previous = first;
    for (const auto& [figure, w] : s.places) {
      e.u(figure);
      const PlaceFields f = fields_of(w);
      std::uint64_t changed = 0;
      for (std::size_t k = 0; k < k_place_fields; ++k) {
        changed |= f[k] != previous[k] ? 1ULL << k : 0;
      }
      e.u(changed);
      for (std::size_t k = 0; k < k_place_fields; ++k) {
        if ((changed >> k & 1) != 0) {
          e.i(f[k] - previous[k]);
        }
      }
      previous = f;
    }
    e.u(s.lines.size());
    line = 0;
    for (const auto& [number, text] : s.lines) {
      e.i(number - line);
      line = number;
      e.str(text);
    }
  }

  [[nodiscard]] Summary decode(const Head& h) const {
    Decoder d(std::string_view(blocks[h.block]).substr(h.offset, h.size));
    Summary s;
    s.index = h.index;
    s.year = h.year;
    s.source = labels[d.u()];
    s.source += d.str();
    s.template_id = labels[d.u()];
    s.format = labels[d.u()];
    s.form = labels[d.u()];
    s.agency = d.str();
    s.fingerprint = d.u();
    std::int64_t line = 0;
    for (const auto& path : Figures::paths()) {
      Figure& f = s.figures[path];
      const std::uint64_t kind = d.u();
      if (kind == 1) {
        f.set("?");
      } else if (kind >= 2) {
        const std::int64_t units = d.i();
        f.set(util::Number{units, static_cast<int>(kind - 2)}.to_string());
      }
      line += d.i();
      f.line = static_cast<int>(line);
    }
    const auto paragraphs = static_cast<std::size_t>(d.u());
    s.paragraph_hashes.reserve(paragraphs);
    s.paragraph_chars.reserve(paragraphs);
    for (std::size_t k = 0; k < paragraphs; ++k) {
      s.paragraph_hashes.push_back(d.fixed32());
      s.paragraph_chars.push_back(static_cast<std::uint32_t>(d.u()));
    }
    s.narrative_chars = static_cast<std::size_t>(d.u());
    const auto places = static_cast<std::size_t>(d.u());
    PlaceFields f = first;
    for (std::size_t k = 0; k < places; ++k) {
      const auto figure = static_cast<std::uint8_t>(d.u());
      const std::uint64_t changed = d.u();
      for (std::size_t j = 0; j < k_place_fields; ++j) {
        if ((changed >> j & 1) != 0) {
          f[j] += d.i();
        }
      }
      s.places.emplace_back(figure, location_of_fields(f));
    }
    const auto lines = static_cast<std::size_t>(d.u());
    line = 0;
    for (std::size_t k = 0; k < lines; ++k) {
      line += d.i();
      s.lines.emplace_back(static_cast<int>(line), d.str());
    }
    return s;
  }
};

Collector::Collector() : m_store(std::make_unique<Store>()) {}
Collector::~Collector() = default;

void Collector::reserve(std::size_t reports) {
  m_store->heads.reserve(reports);
}

void Collector::add(const Summary& summary) {
  Store& st = *m_store;
  st.scratch.clear();
  Encoder e(st.scratch);
  st.encode(summary, e);
  if (st.blocks.empty() || st.blocks.back().size() + st.scratch.size() > k_block) {
    st.blocks.emplace_back();
    st.blocks.back().reserve(std::max(k_block, st.scratch.size()));
  }
  std::string& block = st.blocks.back();
  Head h;
  h.agency = agency_hash(summary.agency);
  h.block = static_cast<std::uint32_t>(st.blocks.size() - 1);
  h.offset = static_cast<std::uint32_t>(block.size());
  h.size = static_cast<std::uint32_t>(st.scratch.size());
  h.year = summary.year;
  h.index = summary.index;
  block += st.scratch;
  st.heads.push_back(h);
}

std::size_t Collector::size() const {
  return m_store->heads.size();
}

std::size_t Collector::bytes() const {
  const Store& st = *m_store;
  std::size_t n = st.heads.capacity() * sizeof(Head) + st.scratch.capacity();
  for (const auto& b : st.blocks) {
    n += b.capacity();
  }
  for (const auto& l : st.labels) {
    n += 2 * (sizeof(std::string) + l.size()) + 32; // the label and its key in label_ids
  }
  return n;
}

std::vector<Finding> Collector::check() const {
  const Store& st = *m_store;
  // Agency hash → the reports, in batch order; only agencies with two reports of the same or
  // consecutive years can have findings, and only theirs are decoded.
  std::vector<std::uint32_t> order(st.heads.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    order[k] = static_cast<std::uint32_t>(k);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::tie(st.heads[a].agency, st.heads[a].year) <
           std::tie(st.heads[b].agency, st.heads[b].year);
  });
  std::vector<Finding> out;
  for (std::size_t first = 0; first < order.size();) {
    std::size_t last = first + 1;
    bool pairs = false;
    while (last < order.size() && st.heads[order[last]].agency == st.heads[order[first]].agency) {
      pairs = pairs || st.heads[order[last]].year - st.heads[order[last - 1]].year <= 1;
      ++last;
    }
    if (pairs) {
      std::vector<std::uint32_t> group(order.begin() + static_cast<std::ptrdiff_t>(first),
                                       order.begin() + static_cast<std::ptrdiff_t>(last));
      std::sort(group.begin(), group.end()); // batch order, as check() expects
      std::vector<Summary> summaries;
      summaries.reserve(group.size());
      for (const auto k : group) {
        summaries.push_back(st.decode(st.heads[k]));
      }
      for (auto& f : rules::cross::check(summaries)) {
        out.push_back(std::move(f));
      }
    }
    first = last;
  }
  // The order of check() over the whole batch: by report, then rule.
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.index, a.diagnostic.rule) < std::tie(b.index, b.diagnostic.rule);
  });
  return out;
}

std::optional<Summary> Collector::summary(std::size_t index) const {
  const Store& st = *m_store;
  const auto it = std::lower_bound(st.heads.begin(), st.heads.end(), index,
                                   [](const Head& h, std::size_t i) { return h.index < i; });
  if (it == st.heads.end() || it->index != index) {
    return std::nullopt;
  }
  return st.decode(*it);
}

} // namespace xxgk::rules::cross
