// Splitting a run of digits that lost its cell boundaries into the row's cells, by the
// template's arithmetic (see digit_runs.hpp).

#include <xxgk/document/digit_runs.hpp>

#include <algorithm>

namespace xxgk::document {

namespace {

/// Longest cell: counts in these tables stay far below ten million.
constexpr std::size_t k_max_cell_digits = 7;
/// Longest cell text of any syntax (an amount with its decimals).
constexpr std::size_t k_max_cell_chars = 17;
/// Longest run split (the widest row, 表四, is 15 cells of at most a few digits).
constexpr std::size_t k_max_run = 160;
/// Search nodes per row; past this the row is ambiguous (never a guess).
constexpr std::size_t k_max_steps = 200000;
/// Combinations per column equation.
constexpr std::size_t k_max_combinations = 4096;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool valid_cell(std::string_view t, CellSyntax syntax) {
  if (syntax == CellSyntax::Signed && !t.empty() && t.front() == '-') {
    t.remove_prefix(1);
    if (t == "0") {
      return false; // "-0" is not how anyone writes zero
    }
  }
  if (syntax == CellSyntax::Amount) {
    const std::size_t dot = t.find('.');
    if (dot != std::string_view::npos) {
      const std::string_view frac = t.substr(dot + 1);
      if (frac.empty() || frac.size() > 4 || !std::all_of(frac.begin(), frac.end(), is_digit)) {
        return false;
      }
      t = t.substr(0, dot);
    }
    if (t.size() > 12) {
      return false;
    }
  } else if (t.size() > k_max_cell_digits) {
    return false;
  }
  if (t.empty() || !std::all_of(t.begin(), t.end(), is_digit)) {
    return false;
  }
  return t.size() == 1 || t.front() != '0';
}

class Splitter {
public:
  Splitter(std::string chars, std::vector<bool> hard, const RunSpec& spec)
      : m_s(std::move(chars)), m_hard(std::move(hard)), m_spec(spec),
        m_feasible((m_s.size() + 1) * (spec.cells + 1), 0) {
    compute_feasible();
  }

  RunSplits run() {
    if (feasible(0, 0)) {
      dfs(0, 0, 0);
    }
    return std::move(m_out);
  }

private:
  [[nodiscard]] CellSyntax syntax(std::size_t k) const {
    return k < m_spec.syntax.size() ? m_spec.syntax[k] : CellSyntax::Count;
  }

  /// Whether a cell may span [a, b): no white space inside and valid syntax.
  [[nodiscard]] bool cell_ok(std::size_t a, std::size_t b, std::size_t k) const {
    for (std::size_t j = a + 1; j < b; ++j) {
      if (m_hard[j]) {
        return false;
      }
    }
    return valid_cell(std::string_view(m_s).substr(a, b - a), syntax(k));
  }

  [[nodiscard]] bool feasible(std::size_t pos, std::size_t k) const {
    return m_feasible[pos * (m_spec.cells + 1) + k] != 0;
  }

  /// feasible(pos, k): the rest from pos can be cut into cells - k valid cells.
  void compute_feasible() {
    const std::size_t n = m_s.size();
    const std::size_t w = m_spec.cells + 1;
    m_feasible[n * w + m_spec.cells] = 1;
    for (std::size_t pos = n; pos-- > 0;) {
      for (std::size_t k = 0; k < m_spec.cells; ++k) {
        for (std::size_t e = pos + 1; e <= n && e - pos <= k_max_cell_chars; ++e) {
          if (m_feasible[e * w + k + 1] != 0 && cell_ok(pos, e, k)) {
            m_feasible[pos * w + k] = 1;
            break;
          }
        }
      }
    }
  }

  void dfs(std::size_t pos, std::size_t k, std::int64_t sum) {
    if (m_out.gave_up) {
      return;
    }
    if (++m_steps > k_max_steps) {
      m_out.gave_up = true;
      return;
    }
    const std::size_t n = m_s.size();
    if (k == m_spec.cells) {
      if (pos == n) {
        record();
      }
      return;
    }
    for (std::size_t e = pos + 1; e <= n && e - pos <= k_max_cell_chars; ++e) {
      if (!feasible(e, k + 1) || !cell_ok(pos, e, k)) {
        continue;
      }
      const std::int64_t v = cell_value(std::string_view(m_s).substr(pos, e - pos));
      std::int64_t next_sum = sum + v;
      if (m_spec.identity == RowIdentity::LastIsSum && k + 1 == m_spec.cells) {
        if (v != sum) {
          continue;
        }
      } else if (m_spec.identity == RowIdentity::BlocksOf5 && k % 5 == 4) {
        if (v != sum) {
          continue;
        }
        next_sum = 0;
      }
      m_cuts.push_back(e);
      dfs(e, k + 1, next_sum);
      m_cuts.pop_back();
      if (m_out.gave_up) {
        return;
      }
    }
  }

  void record() {
    if (m_out.candidates.size() >= k_max_candidates) {
      m_out.gave_up = true;
      return;
    }
    std::vector<std::string> cells;
    std::vector<bool> recovered;
    std::size_t a = 0;
    for (const std::size_t b : m_cuts) {
      cells.emplace_back(m_s.substr(a, b - a));
      const bool starts_token = a == 0 || m_hard[a];
      const bool ends_token = b == m_s.size() || m_hard[b];
      recovered.push_back(!(starts_token && ends_token));
      a = b;
    }
    m_out.candidates.push_back(std::move(cells));
    m_out.recovered.push_back(std::move(recovered));
  }

  std::string m_s;
  std::vector<bool> m_hard; ///< m_hard[j]: white space stood before character j
  const RunSpec& m_spec;
  std::vector<char> m_feasible;
  std::vector<std::size_t> m_cuts;
  std::size_t m_steps = 0;
  RunSplits m_out;
};

} // namespace

std::int64_t cell_value(std::string_view cell) {
  bool negative = false;
  if (!cell.empty() && cell.front() == '-') {
    negative = true;
    cell.remove_prefix(1);
  }
  std::int64_t v = 0;
  for (const char c : cell) {
    if (!is_digit(c)) {
      break;
    }
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

RunSplits split_digit_run(std::string_view run, const RunSpec& spec) {
  RunSplits none;
  if (spec.cells == 0) {
    return none;
  }
  if (run.size() > k_max_run) {
    none.gave_up = true;
    return none;
  }
  std::string chars;
  std::vector<bool> hard;
  bool space = false;
  for (const char c : run) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !chars.empty();
      continue;
    }
    if (!is_digit(c) && c != '-' && c != '.') {
      return none;
    }
    chars.push_back(c);
    hard.push_back(space);
    space = false;
  }
  if (chars.empty()) {
    return none;
  }
  // Every cell separated in the source: read as written (the identity is for the rules to
  // check, not a filter: a real error stays visible).
  if (static_cast<std::size_t>(std::count(hard.begin(), hard.end(), true)) + 1 == spec.cells) {
    RunSplits given;
    std::vector<std::string> cells(1);
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (hard[i]) {
        cells.emplace_back();
      }
      cells.back().push_back(chars[i]);
    }
    for (std::size_t k = 0; k < cells.size(); ++k) {
      const CellSyntax syn = k < spec.syntax.size() ? spec.syntax[k] : CellSyntax::Count;
      if (!valid_cell(cells[k], syn)) {
        return none;
      }
    }
    given.candidates.push_back(std::move(cells));
    given.recovered.emplace_back(spec.cells, false);
    return given;
  }
  Splitter splitter(std::move(chars), std::move(hard), spec);
  return splitter.run();
}

std::vector<std::optional<std::size_t>>
choose_by_columns(const std::vector<std::vector<std::vector<std::string>>>& rows,
                  const std::vector<ColumnEquation>& equations) {
  std::vector<std::optional<std::size_t>> chosen(rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() == 1) {
      chosen[r] = 0;
    }
  }
  bool progress = true;
  while (progress) {
    progress = false;
    for (const auto& eq : equations) {
      std::vector<std::size_t> members;
      members.insert(members.end(), eq.lhs.begin(), eq.lhs.end());
      members.insert(members.end(), eq.rhs.begin(), eq.rhs.end());
      std::vector<std::size_t> open;
      std::size_t combinations = 1;
      bool usable = true;
      std::size_t width = 0;
      for (const std::size_t r : members) {
        if (r >= rows.size() || rows[r].empty()) {
          usable = false;
          break;
        }
        const std::size_t w = chosen[r] ? rows[r][*chosen[r]].size() : rows[r].front().size();
        if (width != 0 && w != width) {
          usable = false;
          break;
        }
        width = w;
        if (!chosen[r]) {
          open.push_back(r);
          combinations *= rows[r].size();
          if (combinations > k_max_combinations) {
            usable = false;
            break;
          }
        }
      }
      if (!usable || open.empty()) {
        continue;
      }
      std::vector<std::size_t> pick(rows.size(), 0);
      auto cell = [&](std::size_t r, std::size_t c) {
        const std::size_t i = chosen[r] ? *chosen[r] : pick[r];
        return rows[r][i].size() > c ? cell_value(rows[r][i][c]) : 0;
      };
      auto holds = [&] {
        for (std::size_t c = 0; c < width; ++c) {
          std::int64_t l = 0;
          std::int64_t rr = 0;
          for (const std::size_t r : eq.lhs) {
            l += cell(r, c);
          }
          for (const std::size_t r : eq.rhs) {
            rr += cell(r, c);
          }
          if (l != rr) {
            return false;
          }
        }
        return true;
      };
      std::size_t found = 0;
      std::vector<std::size_t> solution;
      for (std::size_t n = 0; n < combinations && found < 2; ++n) {
        std::size_t rest = n;
        for (const std::size_t r : open) {
          pick[r] = rest % rows[r].size();
          rest /= rows[r].size();
        }
        if (holds()) {
          ++found;
          solution.clear();
          for (const std::size_t r : open) {
            solution.push_back(pick[r]);
          }
        }
      }
      if (found == 1) {
        for (std::size_t i = 0; i < open.size(); ++i) {
          chosen[open[i]] = solution[i];
        }
        progress = true;
      }
    }
  }
  return chosen;
}

} // namespace xxgk::document
