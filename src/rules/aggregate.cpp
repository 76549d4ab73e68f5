#include <xxgk/report/fields.hpp>
#include <xxgk/rules/aggregate.hpp>
#include <xxgk/rules/cross.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace xxgk::rules::aggregate {

Accumulator::Accumulator(const schema::Template& tmpl) : m_tmpl(&tmpl) {
  for (auto& path : tmpl.cell_paths()) {
    m_totals.push_back({std::move(path), std::nullopt, false, false});
  }
}

std::vector<Note> Accumulator::add(const report::Report& r, std::string_view source) {
  ++m_count;
  if (r.year) {
    if (!m_year) {
      m_year = r.year;
    } else if (*m_year != *r.year) {
      m_mixed_years = true;
    }
  } else {
    m_mixed_years = true;
  }
  std::vector<Note> notes; // this report's, ordered by kind below
  for (auto& t : m_totals) {
    const report::Cell* c = report::find_cell(r, t.path);
    const auto note = [&](Note::Kind kind) {
      notes.push_back({kind, std::string(source), t.path, c != nullptr ? c->raw : ""});
    };
    util::Number value;
    switch (c == nullptr ? report::CellState::Absent : c->state) {
    case report::CellState::Absent:
      note(Note::Kind::NotFound);
      continue;
    case report::CellState::Text:
      note(Note::Kind::NotANumber);
      continue;
    case report::CellState::Blank:
    case report::CellState::Placeholder:
      note(Note::Kind::BlankAsZero);
      break; // counts as 0
    case report::CellState::Number:
      if (!c->value) {
        note(Note::Kind::NotANumber);
        continue;
      }
      value = *c->value;
      break;
    }
    const bool first = !t.any;
    t.any = true;
    if (t.overflowed) {
      continue;
    }
    if (first) {
      t.value = value;
      continue;
    }
    t.value = util::add(*t.value, value);
    if (!t.value) {
      t.overflowed = true;
      m_overflowed = true;
      note(Note::Kind::Overflow);
    }
  }
  std::stable_sort(notes.begin(), notes.end(),
                   [](const Note& a, const Note& b) { return a.kind < b.kind; });
  return notes;
}

report::Report Accumulator::total() const {
  report::Report out;
  out.template_id = m_tmpl->id;
  out.format = "aggregate";
  if (m_year && !m_mixed_years) {
    out.year = m_year;
  }
  out.title =
      out.year ? fmt::format("{}年政府信息公开工作年度报告汇总（{}份报告合计）", *out.year, m_count)
               : fmt::format("政府信息公开工作年度报告汇总（{}份报告合计）", m_count);
  out.source = fmt::format("{} reports", m_count);
  for (const auto& t : m_totals) {
    report::Cell* c = report::find_cell(out, t.path);
    if (c == nullptr || !t.any || t.overflowed || !t.value) {
      continue; // stays Absent: null in the output
    }
    c->state = report::CellState::Number;
    c->value = t.value;
    c->raw = t.value->to_string();
  }
  return out;
}

namespace msg {
constexpr diag::MessageTemplate k_differs{"aggregate.differs",
                                          "{0}: 报告 {1}，下级单位合计 {2}（{3} 份报告）",
                                          "{0}: reported {1}, the sub-units add up to {2} ({3} "
                                          "reports)"};
constexpr diag::MessageTemplate k_blank{"aggregate.blank", "空白（按 0 计）",
                                        "blank (counted as 0)"};
constexpr diag::MessageTemplate k_placeholder{"aggregate.placeholder", "“{0}”（按 0 计）",
                                              "“{0}” (counted as 0)"};
constexpr diag::MessageTemplate k_missing{"aggregate.missing", "{0} 列出的单位「{1}」没有报告",
                                          "the unit 「{1}」 listed in {0} has no report"};
constexpr diag::MessageTemplate k_unlisted{"aggregate.unlisted",
                                           "单位「{0}」（{1}）有报告，但不在 {2} 中",
                                           "the unit 「{0}」 ({1}) has a report but is not in {2}"};
} // namespace msg

const std::vector<const diag::MessageTemplate*>& messages() {
  static const std::vector<const diag::MessageTemplate*> k_all = {
      &msg::k_differs, &msg::k_blank, &msg::k_placeholder, &msg::k_missing, &msg::k_unlisted};
  return k_all;
}

std::vector<diag::Diagnostic> compare(const report::Report& own, const report::Report& total,
                                      int count, const schema::Template& tmpl) {
  std::vector<diag::Diagnostic> out;
  for (const auto& path : tmpl.cell_paths()) {
    const report::Cell* mine = report::find_cell(own, path);
    const report::Cell* sum = report::find_cell(total, path);
    if (mine == nullptr || sum == nullptr || sum->state != report::CellState::Number ||
        !sum->value) {
      continue;
    }
    util::Number value;
    diag::Arg shown("");
    switch (mine->state) {
    case report::CellState::Absent:
    case report::CellState::Text:
      continue; // the district report's own check names these
    case report::CellState::Blank:
      shown = diag::nested({&msg::k_blank, {}});
      break;
    case report::CellState::Placeholder:
      shown = diag::nested({&msg::k_placeholder, {mine->raw}});
      break;
    case report::CellState::Number:
      if (!mine->value) {
        continue;
      }
      value = *mine->value;
      shown = diag::Arg(value.to_string());
      break;
    }
    if (util::compare(value, *sum->value) == 0) {
      continue;
    }
    diag::Diagnostic d;
    d.rule = "X-AGG";
    d.severity = diag::Severity::Error;
    d.say({&msg::k_differs,
           {diag::Arg::cell(tmpl.cell_label(path)), shown, sum->value->to_string(), count}});
    d.cells = {path};
    d.location = mine->where;
    out.push_back(std::move(d));
  }
  diag::sort_diagnostics(out);
  return out;
}

std::vector<Unit> parse_units(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  std::vector<Unit> out;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    ++line;
    std::string_view s = text.substr(start, end - start);
    start = end + 1;
    while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) {
      s.remove_suffix(1);
    }
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
      s.remove_prefix(1);
    }
    if (!s.empty() && s.front() != '#') {
      out.push_back({std::string(s), line});
    }
    if (end == text.size()) {
      break;
    }
  }
  return out;
}

std::vector<diag::Diagnostic> check_units(const std::vector<Unit>& expected,
                                          const std::vector<Present>& present,
                                          std::string_view list_name) {
  std::set<std::string> listed;
  for (const auto& u : expected) {
    listed.insert(cross::agency_key(u.name));
  }
  std::map<std::string, const Present*> seen;
  for (const auto& p : present) {
    seen.emplace(cross::agency_key(p.agency), &p);
  }
  std::vector<diag::Diagnostic> out;
  std::set<std::string> reported;
  for (const auto& u : expected) {
    const std::string key = cross::agency_key(u.name);
    if (seen.contains(key) || !reported.insert(key).second) {
      continue;
    }
    diag::Diagnostic d;
    d.rule = "X-MISSING";
    d.severity = diag::Severity::Error;
    d.say({&msg::k_missing, {list_name, u.name}});
    d.location.line = u.line;
    d.location.column = 1;
    out.push_back(std::move(d));
  }
  std::set<std::string> noted;
  for (const auto& p : present) {
    const std::string key = cross::agency_key(p.agency);
    if (listed.contains(key) || !noted.insert(key).second) {
      continue;
    }
    diag::Diagnostic d;
    d.rule = "X-UNLISTED";
    d.severity = diag::Severity::Info;
    d.say({&msg::k_unlisted, {p.agency, p.source, list_name}});
    out.push_back(std::move(d));
  }
  return out;
}

const std::vector<RuleMeta>& rule_metas() {
  static const std::vector<RuleMeta> k_rules = {
      {"X-AGG", diag::Severity::Error, "本级汇总报告与下级单位报告合计不符",
       "The district's report differs from the sum of its units' reports",
       "xxgk aggregate --compare：本级（全区、全县）报告表二、表三、表四的每个单元格应等于各下级"
       "单位报告同一单元格之和（空白按 0 计；非数字单元格不参与合计）。",
       "", "核对汇总口径：是否漏报、重报了某个单位，或汇总时抄错了数字。"},
      {"X-MISSING", diag::Severity::Error, "应报告的单位没有报告",
       "A unit that should have reported did not",
       "xxgk aggregate --expect：单位名单中列出的单位（按机关名称规范化后比较）在所给报告中没有"
       "对应的报告（以标题中的机关名称为准）。",
       "", "补齐该单位的报告，或核对报告标题中的机关名称与名单是否一致。"},
      {"X-UNLISTED", diag::Severity::Info, "报告的单位不在名单中",
       "A report from a unit that is not in the list",
       "xxgk aggregate --expect：所给报告中有单位（标题中的机关名称）不在单位名单中；它仍计入合"
       "计。",
       "", "核对单位名单，或确认该报告应否计入本级合计。"},
  };
  return k_rules;
}

} // namespace xxgk::rules::aggregate
