// Building the blocks of run-on text: prose paragraphs, cells of split digit runs and the
// READ-DIGITRUN finding (see runon.hpp).

#include "runon.hpp"

#include "../messages.hpp"

namespace xxgk::document::runon {

std::string label_text(std::string_view s) {
  return util::trim(s);
}

void add_digitrun_diag(Document& doc, std::string_view table, const std::vector<std::string>& rows,
                       std::size_t recovered, const SourceLocation& at) {
  if (rows.empty() && recovered == 0) {
    return;
  }
  SourceLocation where = at;
  where.table_name = std::string(table);
  const diag::Message how{table == "二" ? &msg::k_digitrun_unique : &msg::k_digitrun_identities,
                          {}};
  std::string names;
  std::string names_en;
  for (const auto& r : rows) {
    names += (names.empty() ? "" : "、") + fmt::format("「{}」", r);
    names_en += (names_en.empty() ? "" : ", ") + fmt::format("「{}」", r);
  }
  const diag::Arg listed = diag::Arg::both(std::move(names), std::move(names_en));
  diag::Message m;
  if (recovered > 0 && !rows.empty()) {
    m = {&msg::k_digitrun_both, {diag::Arg::table(table), recovered, diag::nested(how), listed}};
  } else if (recovered > 0) {
    m = {&msg::k_digitrun_recovered, {diag::Arg::table(table), recovered, diag::nested(how)}};
  } else {
    m = {&msg::k_digitrun_unsplit, {diag::Arg::table(table), listed}};
  }
  doc.diagnostics.push_back(
      diag::make("READ-DIGITRUN", diag::Severity::Info, std::move(m), std::move(where)));
}

void push_cells(Row& row, const Builder& b, const Run& run, const std::vector<std::string>& cells,
                const std::vector<bool>& recovered) {
  // Locations: each cell where its first character stands in the run.
  std::size_t at = run.begin;
  for (std::size_t k = 0; k < cells.size(); ++k) {
    while (at < run.end && !(is_digit(b.text[at]) || b.text[at] == '-')) {
      ++at;
    }
    Cell c = b.cell(cells[k], at);
    if (k < recovered.size() && recovered[k]) {
      c.recovered = "digit-run";
    }
    row.cells.push_back(std::move(c));
    // Skip the cell's characters (digits, '-', '.'), never white space: it is not inside a cell.
    std::size_t n = 0;
    while (at < run.end && n < cells[k].size()) {
      std::size_t w = 0;
      if (is_run_space(b.text, at, w)) {
        at += w;
        continue;
      }
      ++at;
      ++n;
    }
  }
}

Cell Builder::cell(std::string t, std::size_t at) const {
  Cell c;
  c.text = std::move(t);
  c.where = pos.at(at);
  return c;
}

void Builder::prose(std::size_t from, std::size_t to) {
  std::string_view s = text.substr(from, to - from);
  std::size_t start = 0;
  static constexpr std::string_view k_numerals[] = {"一、", "二、", "三、", "四、", "五、", "六、"};
  for (std::size_t i = 0; i < s.size();) {
    bool heading = false;
    for (const auto n : k_numerals) {
      if (s.compare(i, n.size(), n) != 0) {
        continue;
      }
      // The heading ends at the first 情况 or 事项 within 40 characters, without a sentence
      // break before it.
      std::size_t j = i + n.size();
      int count = 0;
      while (j < s.size() && count < 40) {
        if (s.compare(j, 6, "情况") == 0 || s.compare(j, 6, "事项") == 0) {
          j += 6;
          heading = true;
          break;
        }
        if (s.compare(j, 3, "，") == 0 || s.compare(j, 3, "。") == 0 ||
            s.compare(j, 3, "；") == 0 || s[j] == '\n') {
          break;
        }
        std::size_t p = j;
        util::next_codepoint(s, p);
        j = p;
        ++count;
      }
      if (heading) {
        paragraph(from + start, from + i);
        paragraph(from + i, from + j);
        start = j;
        i = j;
      }
      break;
    }
    if (!heading) {
      std::size_t p = i;
      util::next_codepoint(s, p);
      i = p;
    }
  }
  paragraph(from + start, to);
}

void Builder::paragraph(std::size_t from, std::size_t to) {
  // Lines of the range are separate paragraphs.
  while (from < to) {
    std::size_t nl = text.find('\n', from);
    const std::size_t end = nl == std::string_view::npos || nl > to ? to : nl;
    std::string_view raw = text.substr(from, end - from);
    std::string t(raw);
    for (const auto f : k_page_furniture) {
      for (std::size_t p = t.find(f); p != std::string::npos; p = t.find(f)) {
        t.replace(p, f.size(), 1, ' ');
      }
    }
    t = util::trim(t);
    if (!t.empty() && !is_page_number_line(t)) {
      Paragraph par;
      par.text = std::move(t);
      std::size_t skip = 0;
      while (skip < raw.size() && (raw[skip] == ' ' || raw[skip] == '\t')) {
        ++skip;
      }
      par.where = pos.at(from + skip);
      doc.blocks.emplace_back(std::move(par));
    }
    from = end + 1;
  }
}

} // namespace xxgk::document::runon
