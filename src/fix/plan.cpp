#include <xxgk/fix/plan.hpp>
#include <xxgk/report/fields.hpp>
#include <xxgk/rules/engine.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace xxgk::fix {

namespace {

using report::CellState;
using util::Number;

/// A cell as the fixer sees it: usable in arithmetic or not, known (a number) or blank.
struct Slot {
  const report::Cell* cell = nullptr;
  bool usable = false; ///< found and a number, blank or placeholder
  bool known = false;  ///< a number (read, or decided by a fix)
  Number value;
  schema::ValueType type = schema::ValueType::Count;
};

class Solver {
public:
  Solver(const report::Report& r, const schema::Template& tmpl)
      : m_tmpl(tmpl), m_ids(rules::identities(tmpl)) {
    for (std::size_t i = 0; i < m_ids.size(); ++i) {
      for (const auto* side : {&m_ids[i].lhs, &m_ids[i].rhs}) {
        for (const auto& p : *side) {
          auto [it, fresh] = m_slots.try_emplace(p);
          m_of[p].push_back(i);
          if (!fresh) {
            continue;
          }
          Slot& s = it->second;
          s.cell = report::find_cell(r, p);
          if (const auto* col = tmpl.column_of(p)) {
            s.type = col->type;
          }
          if (s.cell == nullptr) {
            continue;
          }
          switch (s.cell->state) {
          case CellState::Number:
            s.usable = s.cell->value.has_value();
            s.known = s.usable;
            s.value = s.cell->value.value_or(Number{});
            break;
          case CellState::Blank:
          case CellState::Placeholder:
            s.usable = true;
            break;
          case CellState::Absent:
          case CellState::Text:
            break;
          }
        }
      }
    }
  }

  Plan run(bool unsafe) {
    Plan plan;
    safe_rounds(plan);
    disputed_totals(plan, unsafe);
    if (unsafe) {
      safe_rounds(plan);
    }
    // Template cell order, so the output reads like the tables.
    std::map<std::string_view, std::size_t> order;
    for (std::size_t i = 0; i < m_tmpl.cell_paths().size(); ++i) {
      order.emplace(m_tmpl.cell_paths()[i], i);
    }
    auto rank = [&](const std::string& p) {
      auto it = order.find(p);
      return it == order.end() ? order.size() : it->second;
    };
    std::stable_sort(plan.changes.begin(), plan.changes.end(),
                     [&](const Change& a, const Change& b) { return rank(a.path) < rank(b.path); });
    std::stable_sort(
        plan.refused.begin(), plan.refused.end(),
        [&](const Refusal& a, const Refusal& b) { return rank(a.path) < rank(b.path); });
    return plan;
  }

private:
  [[nodiscard]] bool usable(const rules::Identity& id) const {
    auto ok = [&](const std::vector<std::string>& side) {
      return std::all_of(side.begin(), side.end(),
                         [&](const std::string& p) { return m_slots.at(p).usable; });
    };
    return ok(id.lhs) && ok(id.rhs);
  }

  /// Σ of the known cells of a side (blank cells count as 0); nullopt on overflow.
  [[nodiscard]] std::optional<Number> sum(const std::vector<std::string>& side) const {
    Number total{};
    for (const auto& p : side) {
      const Slot& s = m_slots.at(p);
      if (!s.known) {
        continue;
      }
      auto next = util::add(total, s.value);
      if (!next) {
        return std::nullopt;
      }
      total = *next;
    }
    return total;
  }

  [[nodiscard]] bool holds(const rules::Identity& id) const {
    const auto l = sum(id.lhs);
    const auto r = sum(id.rhs);
    return l && r && util::compare(*l, *r) == 0;
  }

  [[nodiscard]] bool fits(const Slot& s, const Number& v) const {
    switch (s.type) {
    case schema::ValueType::Count:
      return v.is_integer() && !v.is_negative();
    case schema::ValueType::Amount:
      return !v.is_negative();
    case schema::ValueType::SignedCount:
      return true;
    }
    return false;
  }

  static std::optional<Number> minus(const Number& a, const Number& b) {
    auto nb = util::negate(b);
    return nb ? util::add(a, *nb) : std::nullopt;
  }

  /// Every identity `path` is in holds (or cannot be evaluated).
  [[nodiscard]] bool consistent(const std::string& path, const rules::Identity* except) const {
    for (std::size_t i : m_of.at(path)) {
      const auto& id = m_ids[i];
      if (&id != except && usable(id) && !holds(id)) {
        return false;
      }
    }
    return true;
  }

  [[nodiscard]] std::string failing(const std::string& path, const rules::Identity* except) const {
    std::set<std::string> rules;
    for (std::size_t i : m_of.at(path)) {
      const auto& id = m_ids[i];
      if (&id != except && usable(id) && !holds(id)) {
        rules.insert(id.rule);
      }
    }
    return fmt::format("{}", fmt::join(rules, "、"));
  }

  struct Candidate {
    Number value;
    std::string rule;
  };

  void propose(std::map<std::string, Candidate>& cand, std::set<std::string>& conflicted,
               const std::string& path, const Number& v, const std::string& rule) {
    if (!fits(m_slots.at(path), v)) {
      conflicted.insert(path); // the arithmetic gives an impossible value: not decided
      return;
    }
    auto [it, fresh] = cand.try_emplace(path, Candidate{v, rule});
    if (!fresh && util::compare(it->second.value, v) != 0) {
      conflicted.insert(path);
    }
  }

  /// Candidates of one round: blank cells an identity decides.
  void candidates(std::map<std::string, Candidate>& cand, std::set<std::string>& conflicted) {
    for (const auto& id : m_ids) {
      if (!usable(id)) {
        continue;
      }
      std::vector<const std::string*> blank_l;
      std::vector<const std::string*> blank_r;
      for (const auto& p : id.lhs) {
        if (!m_slots.at(p).known) {
          blank_l.push_back(&p);
        }
      }
      for (const auto& p : id.rhs) {
        if (!m_slots.at(p).known) {
          blank_r.push_back(&p);
        }
      }
      if (blank_l.empty() && blank_r.empty()) {
        continue;
      }
      const auto l = sum(id.lhs);
      const auto r = sum(id.rhs);
      if (!l || !r) {
        continue;
      }
      if (blank_l.size() + blank_r.size() == 1) {
        // The one blank cell is what the rest of the identity leaves for it.
        const bool left = blank_l.size() == 1;
        const auto v = left ? minus(*r, *l) : minus(*l, *r);
        if (v) {
          propose(cand, conflicted, left ? *blank_l.front() : *blank_r.front(), *v, id.rule);
        }
        continue;
      }
      // Several blanks on one side whose filled cells already make the other side: with
      // non-negative values they can only be 0.
      const auto& blanks = blank_l.empty() ? blank_r : blank_l;
      if ((blank_l.empty() || blank_r.empty()) && util::compare(*l, *r) == 0 &&
          std::all_of(blanks.begin(), blanks.end(), [&](const std::string* p) {
            return m_slots.at(*p).type != schema::ValueType::SignedCount;
          })) {
        for (const auto* p : blanks) {
          propose(cand, conflicted, *p, Number{}, id.rule);
        }
        continue;
      }
      // A blank total of a sum whose other blanks are parts: the sum of the parts as the rules
      // count it (blank parts 0).
      if (id.is_sum && blank_l.size() == 1) {
        propose(cand, conflicted, id.lhs.front(), *r, id.rule);
      }
    }
  }

  void safe_rounds(Plan& plan) {
    for (;;) {
      std::map<std::string, Candidate> cand;
      std::set<std::string> conflicted;
      candidates(cand, conflicted);
      for (const auto& p : conflicted) {
        cand.erase(p);
      }
      for (auto& [p, c] : cand) {
        m_slots.at(p).known = true;
        m_slots.at(p).value = c.value;
      }
      // Keep only the values that every identity of their cell then agrees with.
      for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto it = cand.begin(); it != cand.end();) {
          if (consistent(it->first, nullptr)) {
            ++it;
            continue;
          }
          m_slots.at(it->first).known = false;
          it = cand.erase(it);
          dropped = true;
        }
      }
      if (cand.empty()) {
        return;
      }
      for (auto& [p, c] : cand) {
        const Slot& s = m_slots.at(p);
        Change ch;
        ch.path = p;
        ch.old_text = s.cell->raw;
        ch.was_blank = true;
        ch.value = c.value;
        ch.rule = c.rule;
        ch.where = s.cell->where;
        plan.changes.push_back(std::move(ch));
      }
    }
  }

  /// Filled totals that disagree with their parts.
  void disputed_totals(Plan& plan, bool unsafe) {
    std::set<std::string> seen;
    for (const auto& id : m_ids) {
      if (!id.is_sum || !usable(id)) {
        continue;
      }
      const std::string& target = id.lhs.front();
      Slot& t = m_slots.at(target);
      if (!t.known || holds(id) || !seen.insert(target).second) {
        continue;
      }
      const auto parts = sum(id.rhs);
      if (!parts || !fits(t, *parts)) {
        continue;
      }
      const Number before = t.value;
      t.value = *parts;
      Refusal why;
      why.path = target;
      why.rule = id.rule;
      why.where = t.cell->where;
      if (!consistent(target, &id)) {
        why.reason = fmt::format("改为 {} 后 {} 仍不成立：不能确定是总计错还是分项错",
                                 parts->to_string(), failing(target, &id));
        t.value = before;
        plan.refused.push_back(std::move(why));
        continue;
      }
      if (!unsafe) {
        why.reason = fmt::format("总计与分项之和 {} 不符；其他勾稽关系支持分项，--unsafe 时改为 {}",
                                 parts->to_string(), parts->to_string());
        t.value = before;
        plan.refused.push_back(std::move(why));
        continue;
      }
      Change ch;
      ch.path = target;
      ch.old_text = t.cell->raw;
      ch.value = *parts;
      ch.rule = id.rule;
      ch.unsafe = true;
      ch.where = t.cell->where;
      plan.changes.push_back(std::move(ch));
    }
  }

  const schema::Template& m_tmpl;
  std::vector<rules::Identity> m_ids;
  std::map<std::string, Slot> m_slots;
  std::map<std::string, std::vector<std::size_t>> m_of; ///< path → identities it is in
};

} // namespace

Plan plan(const report::Report& report, const schema::Template& tmpl, bool unsafe) {
  return Solver(report, tmpl).run(unsafe);
}

void apply(report::Report& report, const Plan& plan) {
  for (const auto& c : plan.changes) {
    if (report::Cell* cell = report::find_cell(report, c.path)) {
      cell->value = c.value;
      cell->state = report::CellState::Number;
      cell->raw = c.value.to_string();
    }
  }
}

} // namespace xxgk::fix
