// Run-on scraped text (format.md §7 items 13 and 14): a crawled page whose body is one long line,
// section headings and table labels inside it and each table row's cells as one digit run
// (`一、本年新收政府信息公开申请数量640020470`), wrapped in the crawler's header lines.
//
// The reader finds the template's table labels in order inside the text, takes the digits
// between a label and the next as the row's run, and splits it with digit_runs.hpp. What it
// cannot split uniquely it leaves unread and names in one READ-DIGITRUN finding per table.

#include "runon.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace xxgk::document {

namespace runon {

Document RunonReader::read() {
  m_doc.format = m_layout ? "text-layout" : "text-runon";
  Builder b{m_text, m_pos, m_doc};
  const std::size_t body = skip_wrapper();
  const std::size_t body_start = skip_breadcrumb(body);
  // Tables: 二 from its first caption, 三 from its first row label, 四 after 三.
  const std::size_t t2 = find_loose(m_text, "第二十条第", body_start);
  const std::size_t t3_first = find_t3_start(body_start);
  if (t3_first == std::string_view::npos) {
    b.prose(body_start, m_text.size());
    return std::move(m_doc);
  }
  const std::size_t t3_head = find_heading_start(t3_first, "收到和处理政府信息公开申请情况");
  const bool has_t2 = t2 != std::string_view::npos && t2 < t3_head;
  std::size_t prose_end = has_t2 ? t2 : t3_head;
  title_and_prose(b, body_start, prose_end);
  if (has_t2) {
    read_table2(b, t2, t3_head);
  }
  // Section 三's heading, then 表三's header and rows.
  std::size_t t3_header = t3_head;
  if (const std::size_t h = m_text.find("申请情况", t3_head);
      h != std::string_view::npos && h < t3_first) {
    b.paragraph(t3_head, h + std::string_view("申请情况").size());
    t3_header = h + std::string_view("申请情况").size();
  }
  const std::size_t t3_end = read_table3(b, t3_header, t3_first);
  read_table4(b, t3_end);
  return std::move(m_doc);
}

std::size_t RunonReader::skip_wrapper() {
  std::size_t at = 0;
  bool any = false;
  while (at < m_text.size()) {
    std::size_t nl = m_text.find('\n', at);
    const std::size_t end = nl == std::string_view::npos ? m_text.size() : nl;
    const std::string_view line = m_text.substr(at, end - at);
    std::string_view key;
    if (auto v = wrapper_value(line, key)) {
      if (key == "标题" && !v->empty() && m_title.empty()) {
        m_title = *v;
        Paragraph p;
        p.text = *v;
        p.where = m_pos.at(at + line.find(':') + 1);
        m_doc.blocks.emplace_back(std::move(p));
      }
      any = true;
    } else if (is_rule_line(line) || (any && line.find("links.tsv") != std::string_view::npos) ||
               util::trim_view(line).empty()) {
      // the crawler's separator rule and notes, blank lines
    } else {
      break;
    }
    at = nl == std::string_view::npos ? m_text.size() : nl + 1;
  }
  return at;
}

std::size_t RunonReader::skip_breadcrumb(std::size_t at) {
  const std::size_t line_end = std::min(m_text.find('\n', at), m_text.size());
  const std::string_view line = m_text.substr(at, line_end - at);
  const std::string t = util::trim(line.substr(0, 64));
  if (!(t.starts_with("当前位置") || t.starts_with("您当前的位置") || t.starts_with("您的位置") ||
        t.starts_with("首页"))) {
    return at;
  }
  // The last furniture marker within the page head ends the breadcrumb.
  const std::size_t head = std::min<std::size_t>(line.size(), 1200);
  std::size_t cut = std::string_view::npos;
  for (const std::string_view m :
       {std::string_view("相关链接："), std::string_view("相关链接:"), std::string_view("文件下载"),
        std::string_view("QQ空间"), std::string_view("【关闭】"), std::string_view("-->")}) {
    const std::size_t p = line.substr(0, head).rfind(m);
    if (p != std::string_view::npos && (cut == std::string_view::npos || p + m.size() > cut)) {
      cut = p + m.size();
    }
  }
  if (cut == std::string_view::npos) {
    // No furniture: the breadcrumb runs up to the first white space.
    cut = line.find(' ');
    if (cut == std::string_view::npos) {
      return at;
    }
  }
  return at + cut;
}

void RunonReader::title_and_prose(Builder& b, std::size_t from, std::size_t to) {
  while (from < to && (m_text[from] == ' ' || m_text[from] == '\n' || m_text[from] == '\r')) {
    ++from;
  }
  const std::string_view s = m_text.substr(from, std::min<std::size_t>(to - from, 400));
  for (const std::string_view end : {std::string_view("年度报告"), std::string_view("年报")}) {
    const std::size_t p = s.find(end);
    if (p == std::string_view::npos || util::count_codepoints(s.substr(0, p)) > 76) {
      continue;
    }
    const std::string_view head = s.substr(0, p);
    if (head.find("。") != std::string_view::npos || head.find("，") != std::string_view::npos ||
        head.find("《") != std::string_view::npos) {
      continue;
    }
    const std::size_t title_end = from + p + end.size();
    if (m_title.empty()) {
      // A title over two lines (`淮安市人民政府` / `2024 年政府信息公开工作年度报告`) is one.
      std::string title;
      for (const auto line : util::split_lines(m_text.substr(from, title_end - from))) {
        title += util::trim(line);
      }
      Paragraph par;
      par.text = std::move(title);
      par.where = m_pos.at(from);
      m_doc.blocks.emplace_back(std::move(par));
    }
    from = title_end;
    break;
  }
  b.prose(from, to);
}

std::size_t RunonReader::find_heading_start(std::size_t limit, std::string_view key) {
  const std::size_t k = m_text.rfind(key, limit);
  if (k == std::string_view::npos) {
    return limit;
  }
  // Back up over the heading's first words to its numbering (at most 30 bytes).
  const std::size_t from = k >= 30 ? k - 30 : 0;
  const std::size_t n = m_text.substr(from, k - from).rfind("、");
  if (n == std::string_view::npos || n < 3) {
    return k;
  }
  return from + n - 3;
}

std::size_t RunonReader::find_t3_start(std::size_t from) {
  const std::size_t p = find_loose(m_text, "本年新收", from);
  if (p == std::string_view::npos) {
    return p;
  }
  const std::size_t n = numbering_suffix(m_text.substr(from, p - from));
  return p - n;
}

std::string RunonReader::blank_page_numbers(std::string_view text) {
  std::string out(text);
  std::size_t at = 0;
  for (const auto line : util::split_lines(text)) {
    const std::size_t start = static_cast<std::size_t>(line.data() - text.data());
    if (is_page_number_line(line)) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(start),
                out.begin() + static_cast<std::ptrdiff_t>(start + line.size()), ' ');
    }
    at = start + line.size();
  }
  (void)at;
  std::replace(out.begin(), out.end(), '\f', '\n');
  return out;
}

} // namespace runon

using runon::is_digit;
using runon::RunonReader;

namespace {

/// The eight bytes at `p` with the high bit of each byte that is an ASCII digit set, all eight at
/// once: a byte's low seven bits plus 0x50 reach 0x80 from '0' on, plus 0x46 from ':' on; bytes
/// past 0x7F are no digits.
std::uint64_t ascii_digit_mask(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  constexpr std::uint64_t k_high = 0x8080808080808080ULL;
  const std::uint64_t low = x & ~k_high;
  const std::uint64_t from_0 = low + 0x5050505050505050ULL;
  const std::uint64_t from_colon = low + 0x4646464646464646ULL;
  return from_0 & ~from_colon & ~x & k_high;
}

/// The offset of the first ASCII digit of `text` at or after `i`; text.size() when none.
std::size_t next_digit(std::string_view text, std::size_t i) {
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= text.size(); i += 8) {
      if (const std::uint64_t mask = ascii_digit_mask(text.data() + i); mask != 0) {
        return i + static_cast<std::size_t>(std::countr_zero(mask)) / 8;
      }
    }
  }
  while (i < text.size() && !is_digit(text[i])) {
    ++i;
  }
  return i;
}

} // namespace

bool looks_like_runon_text(std::string_view text) {
  // 表三's row labels each directly followed by digits (spaces allowed, no TAB: that is the TSV
  // form): the table's cells were run together with their labels, on one line or on several.
  static constexpr std::string_view k_labels[] = {"本年新收政府信息公开申请数量",
                                                  "上年结转政府信息公开申请数量",
                                                  "属于国家秘密",
                                                  "重复申请",
                                                  "总计",
                                                  "结转下年度继续办理"};
  // One pass: at each digit that starts a run of digits, the spaces before it are skipped and
  // the text before them is compared with the labels (which end in a CJK character, never in a
  // digit or a space): a label followed by digits is found where its digits start.
  bool found[std::size(k_labels)] = {};
  int hits = 0;
  for (std::size_t i = next_digit(text, 0); i < text.size(); i = next_digit(text, i)) {
    std::size_t end = i;
    while (end > 0 && text[end - 1] == ' ') {
      --end;
    }
    if (end > 0 && static_cast<unsigned char>(text[end - 1]) >= 0x80) {
      const std::string_view before = text.substr(0, end);
      for (std::size_t k = 0; k < std::size(k_labels); ++k) {
        if (!found[k] && before.ends_with(k_labels[k])) {
          found[k] = true;
          ++hits;
        }
      }
    }
    while (i < text.size() && is_digit(text[i])) {
      ++i; // the rest of the run
    }
  }
  return hits >= 4;
}

Document read_runon_text(std::string_view text) {
  RunonReader r(text, false);
  return r.read();
}

bool looks_like_layout_text(std::string_view text) {
  return looks_like_layout_text(util::split_lines(text));
}

bool looks_like_layout_text(const std::vector<std::string_view>& lines) {
  // Lines of 表三: a row label, then at least five numbers separated by white space.
  static constexpr std::string_view k_labels[] = {"本年新收政府信息公开申请数量",
                                                  "上年结转政府信息公开申请数量",
                                                  "予以公开",
                                                  "属于国家秘密",
                                                  "重复申请",
                                                  "总计",
                                                  "结转下年度继续办理"};
  // A line that counts ends in digits (then spaces) and holds a label (two characters at
  // least) and five numbers after it: other lines are passed over without a search.
  constexpr std::size_t k_shortest = std::string_view("总计").size() + 9;
  int hits = 0;
  for (const auto line : lines) {
    const std::size_t last = line.find_last_not_of(" \r");
    if (line.size() < k_shortest || last == std::string_view::npos || !is_digit(line[last])) {
      continue;
    }
    for (const auto l : k_labels) {
      const std::size_t p = line.find(l);
      if (p == std::string_view::npos) {
        continue;
      }
      int numbers = 0;
      bool in_number = false;
      bool clean = true;
      for (std::size_t i = p + l.size(); i < line.size(); ++i) {
        const char c = line[i];
        if (is_digit(c)) {
          numbers += in_number ? 0 : 1;
          in_number = true;
        } else if (c == ' ' || c == '\r') {
          in_number = false; // TABs are the TSV form's, not pdftotext's
        } else {
          clean = false;
          break;
        }
      }
      if (clean && numbers >= 5) {
        ++hits;
      }
      break;
    }
  }
  return hits >= 4;
}

Document read_layout_text(std::string_view text) {
  RunonReader r(text, true);
  return r.read();
}

} // namespace xxgk::document
