// 表二 and 表四 of run-on and layout text: labels found in order, their digit runs split by
// the template's columns (see runon.hpp).

#include "runon.hpp"

namespace xxgk::document::runon {

void RunonReader::read_table2(Builder& b, std::size_t from, std::size_t to) {
  Table t;
  t.where = m_pos.at(from);
  std::vector<std::string> unread;
  std::size_t recovered = 0;
  std::size_t cap = from;
  while (cap < to) {
    std::size_t next = find_loose(m_text, "第二十条第", cap + 1);
    if (next == std::string_view::npos || next > to) {
      next = to;
    }
    read_table2_block(b, t, cap, next, unread, recovered);
    cap = next;
  }
  if (!t.rows.empty()) {
    m_doc.blocks.emplace_back(std::move(t));
  }
  add_digitrun_diag(m_doc, "二", unread, recovered, m_pos.at(from));
}

void RunonReader::read_table2_block(Builder& b, Table& t, std::size_t from, std::size_t to,
                                    std::vector<std::string>& unread, std::size_t& recovered) {
  const std::string_view s = m_text.substr(from, to - from);
  // Caption: up to its 项.
  std::size_t cap_end = s.find("项");
  cap_end = cap_end == std::string_view::npos || cap_end > 40 ? 0 : cap_end + 3;
  Row caption;
  caption.cells.push_back(b.cell(util::trim(s.substr(0, cap_end)), from));
  t.rows.push_back(std::move(caption));
  // Row labels in this block, in order.
  struct Hit {
    std::size_t at;
    std::string_view label;
  };
  std::vector<Hit> hits;
  for (std::size_t i = cap_end; i < s.size();) {
    bool hit = false;
    for (const auto l : k_table2_rows) {
      if (s.compare(i, l.size(), l) == 0) {
        hits.push_back({i, l});
        i += l.size();
        hit = true;
        break;
      }
    }
    if (!hit) {
      std::size_t p = i;
      util::next_codepoint(s, p);
      i = p;
    }
  }
  // Header: the column labels between caption and first row.
  const std::size_t header_end = hits.empty() ? s.size() : hits.front().at;
  std::string header;
  for (char c : s.substr(cap_end, header_end - cap_end)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      header.push_back(c);
    }
  }
  struct Col {
    std::size_t at;
    ColumnLabel label;
  };
  std::vector<Col> cols;
  for (const auto& cl : k_table2_columns) {
    for (std::size_t p = header.find(cl.key); p != std::string::npos;
         p = header.find(cl.key, p + 1)) {
      const bool inside = std::any_of(cols.begin(), cols.end(), [&](const Col& c) {
        return p >= c.at && p < c.at + c.label.key.size();
      });
      if (!inside) {
        cols.push_back({p, cl});
      }
    }
  }
  std::sort(cols.begin(), cols.end(), [](const Col& a, const Col& c) { return a.at < c.at; });
  Row head;
  head.cells.push_back(b.cell("信息内容", from + cap_end));
  for (const auto& c : cols) {
    std::string label(c.label.key);
    if (label == "本年增") {
      label = "本年增/减";
    }
    head.cells.push_back(b.cell(label, from + cap_end));
  }
  t.rows.push_back(std::move(head));
  RunSpec spec;
  spec.cells = cols.size();
  for (const auto& c : cols) {
    spec.syntax.push_back(c.label.syntax);
  }
  for (std::size_t h = 0; h < hits.size(); ++h) {
    const std::size_t lab = from + hits[h].at;
    const std::size_t lab_end = lab + hits[h].label.size();
    const std::size_t gap_end = h + 1 < hits.size() ? from + hits[h + 1].at : to;
    const Run run = first_run(m_text, lab_end, gap_end, true);
    Row row;
    row.cells.push_back(b.cell(std::string(hits[h].label), lab));
    if (run.empty() || spec.cells == 0) {
      t.rows.push_back(std::move(row));
      continue;
    }
    const RunSplits splits = split_digit_run(run.text, spec);
    if (splits.unique()) {
      push_cells(row, b, run, splits.candidates[0], splits.recovered[0]);
      recovered += static_cast<std::size_t>(
          std::count(splits.recovered[0].begin(), splits.recovered[0].end(), true));
    } else {
      row.cells.push_back(b.cell(run.text, run.begin));
      row.cells.back().recovered = "digit-run-unsplit"; // extract: unreadable, not wrong
      unread.emplace_back(hits[h].label);
    }
    t.rows.push_back(std::move(row));
  }
}

void RunonReader::read_table4(Builder& b, std::size_t from) {
  const std::size_t review = m_text.find("行政复议", from);
  if (review == std::string_view::npos) {
    b.prose(from, m_text.size());
    return;
  }
  // Section 四's heading (if the text has one before the table's labels).
  std::size_t header = review;
  const std::size_t close = m_text.find("情况", from);
  if (close != std::string_view::npos && close < review + 60 &&
      util::count_codepoints(m_text.substr(from, close - from)) < 40) {
    b.paragraph(from, close + 6);
    header = m_text.find("行政复议", close + 6);
    if (header == std::string_view::npos) {
      header = close + 6;
    }
  } else if (from < review) {
    b.prose(from, review);
  }
  const Run run = first_run(m_text, header, m_text.size(), false);
  Table t;
  t.where = m_pos.at(header);
  // The header as the template lays it out (the labels are all present in the text).
  const std::string_view header_text =
      m_text.substr(header, (run.empty() ? m_text.size() : run.begin) - header);
  Row r1;
  for (const std::string_view l : {"行政复议", "行政诉讼"}) {
    if (header_text.find(l) != std::string_view::npos) {
      r1.cells.push_back(b.cell(std::string(l), header + header_text.find(l)));
    }
  }
  Row r2;
  for (const auto l : k_table4_results) {
    if (header_text.find(l) != std::string_view::npos) {
      r2.cells.push_back(b.cell(std::string(l), header + header_text.find(l)));
    }
  }
  for (const std::string_view l : {"未经复议直接起诉", "复议后起诉"}) {
    if (header_text.find(l) != std::string_view::npos) {
      r2.cells.push_back(b.cell(std::string(l), header + header_text.find(l)));
    }
  }
  for (Row* r : {&r1, &r2}) {
    if (!r->cells.empty()) {
      t.rows.push_back(std::move(*r));
    }
  }
  std::size_t after = header + header_text.size();
  std::vector<std::string> unread;
  std::size_t recovered = 0;
  if (!run.empty()) {
    Row values;
    const RunSplits s = split_digit_run(run.text, RunSpec{15, RowIdentity::BlocksOf5, {}});
    if (s.unique()) {
      push_cells(values, b, run, s.candidates[0], s.recovered[0]);
      recovered =
          static_cast<std::size_t>(std::count(s.recovered[0].begin(), s.recovered[0].end(), true));
    } else {
      values.cells.push_back(b.cell(run.text, run.begin));
      unread.emplace_back("表四的数值");
    }
    t.rows.push_back(std::move(values));
    after = run.end;
  }
  m_doc.blocks.emplace_back(std::move(t));
  add_digitrun_diag(m_doc, "四", unread, recovered, m_pos.at(header));
  b.prose(after, m_text.size());
}

} // namespace xxgk::document::runon
