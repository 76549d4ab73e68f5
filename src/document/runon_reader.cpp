// Run-on scraped text (format.md §7 items 13 and 14): a crawled page whose body is one long line,
// section headings and table labels inside it and each table row's cells as one digit run
// (`一、本年新收政府信息公开申请数量640020470`), wrapped in the crawler's header lines.
//
// The reader finds the template's table labels in order inside the text, takes the digits
// between a label and the next as the row's run, and splits it with digit_runs.hpp. What it
// cannot split uniquely it leaves unread and names in one READ-DIGITRUN finding per table.

#include <xxgk/document/digit_runs.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace xxgk::document {

namespace {

// --- Crawler wrappers -----------------------------------------------------------------------

/// Keys of the header lines crawlers put before the page body (`标题: …`).
constexpr std::array<std::string_view, 14> k_wrapper_keys = {
    "标题", "发布时间", "文号",     "发布机构", "栏目",     "原文链接", "本地目录",
    "来源", "索引号",   "发文日期", "信息来源", "主题分类", "成文日期", "发布日期"};

/// The value of a crawler header line `KEY: value` (or `KEY：value`), or nullopt.
std::optional<std::string> wrapper_value(std::string_view line, std::string_view& key) {
  const std::string t = util::trim(line);
  for (const auto k : k_wrapper_keys) {
    if (!std::string_view(t).starts_with(k)) {
      continue;
    }
    std::string_view rest = std::string_view(t).substr(k.size());
    if (rest.starts_with(":")) {
      rest.remove_prefix(1);
    } else if (rest.starts_with("：")) {
      rest.remove_prefix(3);
    } else {
      continue;
    }
    key = k;
    return util::trim(rest);
  }
  return std::nullopt;
}

/// A rule line such as `==================== 正文 ====================`.
bool is_rule_line(std::string_view line) {
  const std::string t = util::trim(line);
  return t.size() >= 6 && (t.starts_with("====") || t.starts_with("----")) &&
         (t.ends_with("====") || t.ends_with("----"));
}

/// Share buttons, print/close links and similar page furniture, removed wherever they stand.
constexpr std::array<std::string_view, 14> k_page_furniture = {"微信 微博 QQ空间",
                                                               "微信微博QQ空间",
                                                               "全真版",
                                                               "文字版",
                                                               "文件下载",
                                                               "附件下载",
                                                               "【打印】",
                                                               "【关闭】",
                                                               "[打印]",
                                                               "[关闭]",
                                                               "打印本页",
                                                               "关闭窗口",
                                                               "【字体：大 中 小】",
                                                               "-->"};

// --- Label tables ---------------------------------------------------------------------------

struct RowLabel {
  std::string_view find;   ///< a distinctive part of the label, searched for in the text
  std::string_view prefix; ///< its numbering as printed ("1.", "（一）", "一、"), for the name
  bool optional = false;   ///< 2021's （六） sub-rows, absent in 2019
};

/// 表三's labels in template order, groups included (a label without digits after it is a group).
constexpr std::array<RowLabel, 32> k_table3 = {{
    {"本年新收", "一、"},
    {"上年结转", "二、"},
    {"本年度办理结果", "三、"},
    {"予以公开", "（一）"},
    {"部分公开", "（二）"},
    {"不予公开", "（三）"},
    {"国家秘密", "1."},
    {"其他法律行政", "2."},
    {"三安全一稳定", "3."},
    {"第三方合法权益", "4."},
    {"三类内部事务", "5."},
    {"四类过程性", "6."},
    {"行政执法案卷", "7."},
    {"行政查询事项", "8."},
    {"无法提供", "（四）"},
    {"不掌握相关政府信息", "1."},
    {"没有现成信息", "2."},
    {"补正后申请内容", "3."},
    {"不予处理", "（五）"},
    {"信访举报投诉", "1."},
    {"重复申请", "2."},
    {"公开出版物", "3."},
    {"大量反复申请", "4."},
    {"确认或重新", "5."},
    {"其他处理", "（六）"},
    {"逾期不", "1.", true},
    {"逾期未", "2.", true},
    {"其他", "3.", true},
    {"总计", "（七）"},
    {"结转下年度", "四、"},
    {"", ""},
    {"", ""},
}};

/// 表三's column labels, in the template's order.
constexpr std::array<std::string_view, 8> k_table3_columns = {
    "自然人",       "法人或其他组织", "商业企业", "科研机构",
    "社会公益组织", "法律服务机构",   "其他",     "总计"};

/// 表二's row labels (both templates); the longer of two overlapping labels first.
constexpr std::array<std::string_view, 9> k_table2_rows = {
    "规章",     "行政规范性文件", "规范性文件",     "行政许可",    "其他对外管理服务事项",
    "行政处罚", "行政强制",       "行政事业性收费", "政府集中采购"};

struct ColumnLabel {
  std::string_view key; ///< white space removed
  CellSyntax syntax;
};

/// 表二's column labels (both templates); longer labels before the labels they contain.
constexpr std::array<ColumnLabel, 13> k_table2_columns = {{
    {"本年制发件数", CellSyntax::Count},
    {"本年废止件数", CellSyntax::Count},
    {"现行有效件数", CellSyntax::Count},
    {"本年新制作数量", CellSyntax::Count},
    {"本年新公开数量", CellSyntax::Count},
    {"对外公开总数量", CellSyntax::Count},
    {"上一年项目数量", CellSyntax::Count},
    {"本年增", CellSyntax::Signed},
    {"本年处理决定数量", CellSyntax::Count},
    {"处理决定数量", CellSyntax::Count},
    {"本年收费金额", CellSyntax::Amount},
    {"采购项目数量", CellSyntax::Count},
    {"采购总金额", CellSyntax::Amount},
}};

/// 表四's header labels, as printed in order.
constexpr std::array<std::string_view, 5> k_table4_results = {"结果维持", "结果纠正", "其他结果",
                                                              "尚未审结", "总计"};

// --- Text positions -------------------------------------------------------------------------

class Positions {
public:
  explicit Positions(std::string_view text) : m_text(text) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') {
        m_starts.push_back(i + 1);
      }
    }
  }
  [[nodiscard]] SourceLocation at(std::size_t offset) const {
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - m_starts.begin()) - 1;
    const std::size_t start = m_starts[line];
    std::size_t end = m_text.find('\n', start);
    if (end == std::string_view::npos) {
      end = m_text.size();
    }
    SourceLocation w;
    w.line = static_cast<int>(line) + 1;
    w.column = column_of(m_text.substr(start, end - start), offset - start);
    return w;
  }

private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_run_space(std::string_view s, std::size_t i, std::size_t& width) {
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f') {
    width = 1;
    return true;
  }
  if (s.compare(i, 3, "\xE3\x80\x80") == 0 || s.compare(i, 2, "\xC2\xA0") == 0) {
    width = s[i] == '\xC2' ? 2 : 3; // ideographic space, no-break space
    return true;
  }
  return false;
}

/// A digit run found in a gap: its text with white space as ' ', and where it starts.
struct Run {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] bool empty() const { return text.empty(); }
};

/// The first run of digits (with white space, '-' and, when `decimals`, '.') in [from, to).
Run first_run(std::string_view s, std::size_t from, std::size_t to, bool decimals) {
  Run r;
  std::size_t i = from;
  while (i < to && !is_digit(s[i]) && !(s[i] == '-' && i + 1 < to && is_digit(s[i + 1]))) {
    ++i;
  }
  if (i >= to) {
    return r;
  }
  r.begin = i;
  std::size_t last = i;
  while (i < to) {
    std::size_t w = 1;
    if (is_digit(s[i]) || s[i] == '-' ||
        (decimals && s[i] == '.' && i + 1 < to && is_digit(s[i + 1]))) {
      r.text.push_back(s[i]);
      last = i + 1;
      ++i;
    } else if (is_run_space(s, i, w)) {
      r.text.push_back(' ');
      i += w;
    } else {
      break;
    }
  }
  while (!r.text.empty() && r.text.back() == ' ') {
    r.text.pop_back();
  }
  r.end = last;
  return r;
}

/// Numbering that ends `s` before a label: "2.", "2、", "（三）", "三、" (and white space).
/// Returns how many bytes of `s`'s end it takes.
std::size_t numbering_suffix(std::string_view s) {
  std::size_t end = s.size();
  std::size_t w = 0;
  while (end > 0) {
    if (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\n' || s[end - 1] == '\r') {
      --end;
    } else if (end >= 3 && is_run_space(s, end - 3, w) && w == 3) {
      end -= 3;
    } else {
      break;
    }
  }
  const std::string_view t = s.substr(0, end);
  auto ends = [&](std::string_view x) { return t.ends_with(x); };
  static constexpr std::string_view k_seps[] = {".", "、", "．", "，"};
  for (const auto sep : k_seps) {
    if (ends(sep) && t.size() > sep.size() && is_digit(t[t.size() - sep.size() - 1])) {
      return s.size() - (t.size() - sep.size() - 1);
    }
  }
  static constexpr std::string_view k_numerals[] = {"一", "二", "三", "四", "五", "六", "七", "八"};
  for (const auto n : k_numerals) {
    if (ends(std::string(n) + "、")) {
      return s.size() - (t.size() - n.size() - 3);
    }
    for (const auto& [open, close] : {std::pair<std::string_view, std::string_view>{"（", "）"},
                                      {"(", ")"},
                                      {"（", ")"},
                                      {"(", "）"}}) {
      const std::string p = std::string(open) + std::string(n) + std::string(close);
      if (ends(p)) {
        return s.size() - (t.size() - p.size());
      }
    }
  }
  return 0;
}

bool is_white(std::string_view s, std::size_t i, std::size_t& width) {
  if (s[i] == '\f') {
    width = 1;
    return true;
  }
  return is_run_space(s, i, width);
}

/// Finds `key` in `s` from `from`, white space (line breaks of a wrapped label) allowed between
/// its characters. Sets `end` to the byte after the match.
std::size_t find_loose(std::string_view s, std::string_view key, std::size_t from,
                       std::size_t& end) {
  if (key.empty() || from >= s.size()) {
    return std::string_view::npos;
  }
  std::size_t first_len = 1;
  while (first_len < key.size() && (static_cast<unsigned char>(key[first_len]) & 0xC0) == 0x80) {
    ++first_len;
  }
  const std::string_view first = key.substr(0, first_len);
  for (std::size_t p = s.find(first, from); p != std::string_view::npos; p = s.find(first, p + 1)) {
    std::size_t i = p;
    std::size_t k = 0;
    while (k < key.size() && i < s.size()) {
      if (s[i] == key[k]) {
        ++i;
        ++k;
        continue;
      }
      std::size_t w = 0;
      // White space only between whole characters of the key.
      if (k > 0 && (static_cast<unsigned char>(key[k]) & 0xC0) != 0x80 && is_white(s, i, w)) {
        i += w;
        continue;
      }
      break;
    }
    if (k == key.size()) {
      end = i;
      return p;
    }
  }
  return std::string_view::npos;
}

std::size_t find_loose(std::string_view s, std::string_view key, std::size_t from) {
  std::size_t end = 0;
  return find_loose(s, key, from, end);
}

/// Group labels that never carry numbers (（六）其他处理 is a data row in 2019, so not among them).
bool is_group_label(std::string_view find) {
  return find == "本年度办理结果" || find == "不予公开" || find == "无法提供" || find == "不予处理";
}

struct Found {
  std::size_t find_begin = 0;  ///< where the searched part starts
  std::size_t label_begin = 0; ///< numbering included
  std::size_t find_end = 0;    ///< after the searched part of the label
  const RowLabel* label = nullptr;
};

struct Builder {
  std::string_view text;
  const Positions& pos;
  Document& doc;

  Cell cell(std::string t, std::size_t at) const {
    Cell c;
    c.text = std::move(t);
    c.where = pos.at(at);
    return c;
  }

  /// Prose [from, to): paragraphs, split before each section heading found inside.
  void prose(std::size_t from, std::size_t to) {
    std::string_view s = text.substr(from, to - from);
    std::size_t start = 0;
    static constexpr std::string_view k_numerals[] = {"一、", "二、", "三、",
                                                      "四、", "五、", "六、"};
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

  void paragraph(std::size_t from, std::size_t to) {
    // Lines of the range are separate paragraphs.
    while (from < to) {
      std::size_t nl = text.find('\n', from);
      const std::size_t end = nl == std::string_view::npos || nl > to ? to : nl;
      std::string_view raw = text.substr(from, end - from);
      std::string t(raw);
      for (const auto f : k_page_furniture) {
        for (std::size_t p = t.find(f); p != std::string::npos; p = t.find(f)) {
          t.replace(p, f.size(), " ");
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
};

/// Bytes of the leading label text of a gap (before its run), white space trimmed.
std::string label_text(std::string_view s) {
  return util::trim(s);
}

void add_digitrun_diag(Document& doc, std::string_view table, const std::vector<std::string>& rows,
                       std::size_t recovered, const SourceLocation& at) {
  if (rows.empty() && recovered == 0) {
    return;
  }
  diag::Diagnostic d;
  d.rule = "READ-DIGITRUN";
  d.severity = diag::Severity::Info;
  d.location = at;
  d.location.table_name = std::string(table);
  std::string msg = fmt::format("表{}", table);
  if (recovered > 0) {
    msg += fmt::format("有{}个单元格的数字在原文中连成一串（没有分隔），{}", recovered,
                       table == "二" ? "只有一种拆法，已拆分读出" : "已按模板的勾稽关系拆分读出");
  }
  if (!rows.empty()) {
    std::string names;
    for (const auto& r : rows) {
      names += (names.empty() ? "" : "、") + fmt::format("「{}」", r);
    }
    msg += fmt::format(
        "{}{}的数字无法唯一地分到各栏（有不止一种拆法，或没有一种合乎勾稽关系），未读取",
        recovered > 0 ? "；" : "中", names);
  }
  d.message = std::move(msg);
  doc.diagnostics.push_back(std::move(d));
}

/// Cells of a split run, in a row after `label`.
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

class RunonReader {
public:
  /// `layout`: pdftotext -layout text (rows on lines, labels wrapped around them) rather than
  /// one run-on line.
  RunonReader(std::string_view text, bool layout)
      : m_work(blank_page_numbers(text)), m_text(m_work), m_pos(text), m_layout(layout) {}

  Document read() {
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

private:
  /// Crawler header lines before the body: dropped, `标题` kept as the title paragraph.
  std::size_t skip_wrapper() {
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
                 util::trim(line).empty()) {
        // the crawler's separator rule and notes, blank lines
      } else {
        break;
      }
      at = nl == std::string_view::npos ? m_text.size() : nl + 1;
    }
    return at;
  }

  /// A breadcrumb (`当前位置： 首页…`) and the page furniture after it, up to the title or body.
  std::size_t skip_breadcrumb(std::size_t at) {
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
    for (const std::string_view m : {std::string_view("相关链接："), std::string_view("相关链接:"),
                                     std::string_view("文件下载"), std::string_view("QQ空间"),
                                     std::string_view("【关闭】"), std::string_view("-->")}) {
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

  /// The body's own title (`…年度报告` leading the text) as the first paragraph when the page had
  /// no `标题` line; then the prose.
  void title_and_prose(Builder& b, std::size_t from, std::size_t to) {
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

  /// Start of the section heading (`三、…<key>`) whose key part is `key`, before `limit`.
  std::size_t find_heading_start(std::size_t limit, std::string_view key) {
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

  std::size_t find_t3_start(std::size_t from) {
    const std::size_t p = find_loose(m_text, "本年新收", from);
    if (p == std::string_view::npos) {
      return p;
    }
    const std::size_t n = numbering_suffix(m_text.substr(from, p - from));
    return p - n;
  }

  void read_table2(Builder& b, std::size_t from, std::size_t to) {
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

  void read_table2_block(Builder& b, Table& t, std::size_t from, std::size_t to,
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

  /// Reads 表三 from its header at `header` and first row at `first`; returns where it ends.
  std::size_t read_table3(Builder& b, std::size_t header, std::size_t first) {
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
    const std::size_t t4_head = review == std::string_view::npos
                                    ? m_text.size()
                                    : find_heading_start(review + 1, "行政复议");
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
        while (run.end > run.begin && !is_digit(m_text[run.end - 1]) &&
               m_text[run.end - 1] != '-') {
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

  /// In layout text, the rest of a label wrapped onto the line after its numbers: the next
  /// non-blank line, when it has no digits and starts near the label's own column.
  std::string continuation(std::size_t label, std::size_t run_end, std::size_t limit) const {
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

  /// 一+二 = （七）+四, and （七） = the sum of the disposal rows, over the rows found.
  static std::vector<ColumnEquation> table3_equations(const std::vector<Found>& found,
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

  void read_table4(Builder& b, std::size_t from) {
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
        recovered = static_cast<std::size_t>(
            std::count(s.recovered[0].begin(), s.recovered[0].end(), true));
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

  static std::string blank_page_numbers(std::string_view text) {
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

  std::string m_work; ///< the text with page numbers blanked and form feeds as line breaks
  std::string_view m_text;
  Positions m_pos;
  bool m_layout = false;
  Document m_doc;
  std::string m_title;
};

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
  int hits = 0;
  for (const auto l : k_labels) {
    for (std::size_t p = text.find(l); p != std::string_view::npos; p = text.find(l, p + 1)) {
      std::size_t i = p + l.size();
      while (i < text.size() && text[i] == ' ') {
        ++i;
      }
      if (i < text.size() && is_digit(text[i])) {
        ++hits;
        break;
      }
    }
  }
  return hits >= 4;
}

Document read_runon_text(std::string_view text) {
  RunonReader r(text, false);
  return r.read();
}

bool looks_like_layout_text(std::string_view text) {
  // Lines of 表三: a row label, then at least five numbers separated by white space.
  static constexpr std::string_view k_labels[] = {"本年新收政府信息公开申请数量",
                                                  "上年结转政府信息公开申请数量",
                                                  "予以公开",
                                                  "属于国家秘密",
                                                  "重复申请",
                                                  "总计",
                                                  "结转下年度继续办理"};
  int hits = 0;
  for (const auto line : util::split_lines(text)) {
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
