// 表三 of run-on and layout text: its row labels in template order, each row's digit run split
// by the table's arithmetic, wrapped labels continued (see runon.hpp).

#include "runon.hpp"

namespace xxgk::document::runon {

std::size_t RunonReader::read_table3(Builder& b, std::size_t header, std::size_t first) {
  Table t;
  t.where = m_pos.at(header);
  // Header: the column labels present, in template order.
  Row head;
  std::string header_text;
  for (char c : m_text.substr(header, first - header)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      header_text.push_back(c);
    }
  }
  for (const auto c : k_table3_columns) {
    if (header_text.find(c) != std::string::npos) {
      head.cells.push_back(b.cell(std::string(c), header));
    }
  }
  if (!head.cells.empty()) {
    t.rows.push_back(std::move(head));
  }

  // Labels in order; optional ones only before the next required one.
  std::vector<Found> found;
  std::size_t cursor = first;
  for (std::size_t i = 0; i < k_table3.size() && !k_table3[i].find.empty(); ++i) {
    const RowLabel& l = k_table3[i];
    std::size_t limit = std::string_view::npos;
    if (l.optional) {
      for (std::size_t j = i + 1; j < k_table3.size() && !k_table3[j].find.empty(); ++j) {
        if (!k_table3[j].optional) {
          limit = find_loose(m_text, k_table3[j].find, cursor);
          break;
        }
      }
    }
    std::size_t end = 0;
    const std::size_t p = find_loose(m_text, l.find, cursor, end);
    if (p == std::string_view::npos || (limit != std::string_view::npos && p > limit) ||
        (!l.optional && p - cursor > 1200)) {
      continue;
    }
    found.push_back({p, p, end, &l});
    // A group label carries no numbers and may stand anywhere beside its rows (one character
    // per line in PDF text): it does not move the search on.
    if (!is_group_label(l.find)) {
      cursor = end;
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Found& x, const Found& y) { return x.find_begin < y.find_begin; });
  // Section 四's heading ends the last row's gap.
  std::size_t table_end = cursor;
  const std::size_t review = m_text.find("行政复议", cursor);
  const std::size_t t4_head =
      review == std::string_view::npos ? m_text.size() : find_heading_start(review + 1, "行政复议");
  // Runs: the first digits after each label, up to the next label's searched part. A run
  // directly followed by "." or "、" before a label numbered "2." ends with that number.
  struct Pending {
    Row row;
    Run run;
    std::string name;
  };
  std::vector<Pending> rows(found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::size_t next = i + 1 < found.size() ? found[i + 1].find_begin : t4_head;
    Run run = first_run(m_text, found[i].find_end, next, false);
    // An item number: a digit then "." "、" "．" not followed by another digit (a decimal).
    const std::size_t sep = run.end < next ? (m_text[run.end] == '.' ? 1 : 3) : 0;
    if (!run.empty() && run.end < next &&
        (m_text[run.end] == '.' || m_text.compare(run.end, 3, "、") == 0 ||
         m_text.compare(run.end, 3, "．") == 0) &&
        !(run.end + sep < m_text.size() && is_digit(m_text[run.end + sep]))) {
      run.end -= 1; // the next label's item number
      run.text.pop_back();
      while (!run.text.empty() && run.text.back() == ' ') {
        run.text.pop_back();
      }
      while (run.end > run.begin && !is_digit(m_text[run.end - 1]) && m_text[run.end - 1] != '-') {
        --run.end;
      }
      if (run.text.empty()) {
        run = Run{};
      }
    }
    rows[i].run = run;
    if (!run.empty()) {
      table_end = std::max(table_end, run.end);
    }
  }
  // Label text: from the previous run's end (or the numbering before the label, after a group
  // label) to this row's run.
  for (std::size_t i = 0; i < found.size(); ++i) {
    const std::size_t start = found[i].find_begin;
    std::size_t begin = first;
    if (i > 0 && !rows[i - 1].run.empty()) {
      begin = rows[i - 1].run.end;
    } else if (i > 0) {
      begin = found[i - 1].find_end;
      const std::string_view between = m_text.substr(begin, start - begin);
      for (std::size_t k = between.size(); k-- > 0;) {
        if (is_digit(between[k]) &&
            (between.compare(k + 1, 1, ".") == 0 || between.compare(k + 1, 3, "、") == 0 ||
             between.compare(k + 1, 3, "．") == 0)) {
          begin += k;
          break;
        }
      }
    }
    if (m_layout) {
      // The label starts on its own line: its numbering stands right before the searched part.
      std::size_t b2 = start;
      while (b2 > begin) {
        std::size_t q = b2 - 1;
        while (q > begin && (static_cast<unsigned char>(m_text[q]) & 0xC0) == 0x80) {
          --q;
        }
        std::size_t w = 0;
        if (is_white(m_text, q, w)) {
          break;
        }
        b2 = q;
      }
      begin = b2;
    }
    found[i].label_begin = begin;
  }
  for (std::size_t i = 0; i < found.size(); ++i) {
    std::size_t label_end = rows[i].run.empty()
                                ? (i + 1 < found.size() ? found[i + 1].label_begin : t4_head)
                                : rows[i].run.begin;
    label_end = std::max(label_end, found[i].label_begin);
    std::string name =
        label_text(m_text.substr(found[i].label_begin, label_end - found[i].label_begin));
    if (m_layout && !rows[i].run.empty()) {
      name += continuation(found[i].label_begin, rows[i].run.end,
                           i + 1 < found.size() ? found[i + 1].label_begin : t4_head);
    }
    rows[i].row.cells.push_back(b.cell(name, found[i].label_begin));
    rows[i].name = std::move(name);
  }
  // Split every row with its own identity, then choose with the column identities.
  const RunSpec spec{7, RowIdentity::LastIsSum, {}};
  std::vector<RunSplits> splits(rows.size());
  std::vector<std::vector<std::vector<std::string>>> candidates(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (!rows[i].run.empty()) {
      splits[i] = split_digit_run(rows[i].run.text, spec);
      if (!splits[i].gave_up) {
        candidates[i] = splits[i].candidates;
      }
    }
  }
  const auto chosen = choose_by_columns(candidates, table3_equations(found, rows.size()));
  std::vector<std::string> unread;
  std::size_t recovered = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].run.empty()) {
      t.rows.push_back(std::move(rows[i].row)); // a group label
      continue;
    }
    if (chosen[i] && !splits[i].gave_up) {
      const auto& rec = splits[i].recovered[*chosen[i]];
      push_cells(rows[i].row, b, rows[i].run, splits[i].candidates[*chosen[i]], rec);
      recovered += static_cast<std::size_t>(std::count(rec.begin(), rec.end(), true));
    } else {
      rows[i].row.cells.push_back(b.cell(rows[i].run.text, rows[i].run.begin));
      rows[i].row.cells.back().recovered = "digit-run-unsplit";
      unread.push_back(rows[i].name);
    }
    t.rows.push_back(std::move(rows[i].row));
  }
  m_doc.blocks.emplace_back(std::move(t));
  add_digitrun_diag(m_doc, "三", unread, recovered, m_pos.at(first));
  if (t4_head < m_text.size()) {
    return t4_head;
  }
  return table_end;
}

std::string RunonReader::continuation(std::size_t label, std::size_t run_end,
                                      std::size_t limit) const {
  const std::size_t nl = m_text.find('\n', run_end);
  if (nl == std::string_view::npos || nl >= limit) {
    return {};
  }
  std::size_t start = nl + 1;
  while (start < limit && (m_text[start] == '\n' || m_text[start] == '\r')) {
    ++start;
  }
  std::size_t end = m_text.find('\n', start);
  end = end == std::string_view::npos ? m_text.size() : end;
  if (start >= limit) {
    return {};
  }
  end = std::min(end, limit);
  const std::string_view line = m_text.substr(start, end - start);
  if (std::any_of(line.begin(), line.end(), is_digit)) {
    return {};
  }
  const int label_col = m_pos.at(label).column;
  std::size_t skip = 0;
  std::size_t w = 0;
  while (skip < line.size() && is_run_space(line, skip, w)) {
    skip += w;
  }
  const int col = m_pos.at(start + skip).column;
  if (col + 2 < label_col || col > label_col + 4) {
    return {};
  }
  return util::trim(line);
}

std::vector<ColumnEquation> RunonReader::table3_equations(const std::vector<Found>& found,
                                                          std::size_t n) {
  auto index = [&](std::string_view key) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < found.size() && i < n; ++i) {
      if (found[i].label->find == key) {
        return i;
      }
    }
    return std::nullopt;
  };
  std::vector<ColumnEquation> eqs;
  const auto a = index("本年新收");
  const auto c = index("上年结转");
  const auto total = index("总计");
  const auto carry = index("结转下年度");
  if (a && c && total && carry) {
    eqs.push_back({{*a, *c}, {*total, *carry}});
  }
  if (total) {
    ColumnEquation disp;
    disp.rhs.push_back(*total);
    bool in = false;
    const bool has_six_rows = index("逾期不").has_value();
    for (std::size_t i = 0; i < found.size() && i < n; ++i) {
      const std::string_view k = found[i].label->find;
      if (k == "予以公开") {
        in = true;
      }
      if (k == "总计") {
        break;
      }
      const bool group = k == "不予公开" || k == "无法提供" || k == "不予处理" ||
                         (k == "其他处理" && has_six_rows);
      if (in && !group) {
        disp.lhs.push_back(i);
      }
    }
    eqs.push_back(std::move(disp));
  }
  return eqs;
}

} // namespace xxgk::document::runon
