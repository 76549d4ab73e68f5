#pragma once
// The run-on and layout text readers' parts (runon_reader.cpp): the label tables, the scanning
// of text positions, digit runs and wrapped labels, the block builder and the reader itself,
// whose table readers live in runon_tables.cpp (表二, 表四) and runon_table3.cpp (表三).

#include <xxgk/document/digit_runs.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xxgk::document::runon {

// --- Crawler wrappers -----------------------------------------------------------------------

/// Keys of the header lines crawlers put before the page body (`标题: …`).
inline constexpr std::array<std::string_view, 14> k_wrapper_keys = {
    "标题", "发布时间", "文号",     "发布机构", "栏目",     "原文链接", "本地目录",
    "来源", "索引号",   "发文日期", "信息来源", "主题分类", "成文日期", "发布日期"};

/// The value of a crawler header line `KEY: value` (or `KEY：value`), or nullopt.
std::optional<std::string> wrapper_value(std::string_view line, std::string_view& key);

/// A rule line such as `==================== 正文 ====================`.
bool is_rule_line(std::string_view line);

/// Share buttons, print/close links and similar page furniture, removed wherever they stand.
inline constexpr std::array<std::string_view, 14> k_page_furniture = {"微信 微博 QQ空间",
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
inline constexpr std::array<RowLabel, 32> k_table3 = {{
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
inline constexpr std::array<std::string_view, 8> k_table3_columns = {
    "自然人",       "法人或其他组织", "商业企业", "科研机构",
    "社会公益组织", "法律服务机构",   "其他",     "总计"};

/// 表二's row labels (both templates); the longer of two overlapping labels first.
inline constexpr std::array<std::string_view, 9> k_table2_rows = {
    "规章",     "行政规范性文件", "规范性文件",     "行政许可",    "其他对外管理服务事项",
    "行政处罚", "行政强制",       "行政事业性收费", "政府集中采购"};

struct ColumnLabel {
  std::string_view key; ///< white space removed
  CellSyntax syntax;
};

/// 表二's column labels (both templates); longer labels before the labels they contain.
inline constexpr std::array<ColumnLabel, 13> k_table2_columns = {{
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
inline constexpr std::array<std::string_view, 5> k_table4_results = {
    "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};

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

bool is_digit(char c);

bool is_run_space(std::string_view s, std::size_t i, std::size_t& width);

/// A digit run found in a gap: its text with white space as ' ', and where it starts.
struct Run {
  std::string text;
  std::size_t begin = 0;
  std::size_t end = 0;
  [[nodiscard]] bool empty() const { return text.empty(); }
};

/// The first run of digits (with white space, '-' and, when `decimals`, '.') in [from, to).
Run first_run(std::string_view s, std::size_t from, std::size_t to, bool decimals);

/// Numbering that ends `s` before a label: "2.", "2、", "（三）", "三、" (and white space).
/// Returns how many bytes of `s`'s end it takes.
std::size_t numbering_suffix(std::string_view s);

bool is_white(std::string_view s, std::size_t i, std::size_t& width);

/// Finds `key` in `s` from `from`, white space (line breaks of a wrapped label) allowed between
/// its characters. Sets `end` to the byte after the match.
std::size_t find_loose(std::string_view s, std::string_view key, std::size_t from,
                       std::size_t& end);

std::size_t find_loose(std::string_view s, std::string_view key, std::size_t from);

/// Group labels that never carry numbers (（六）其他处理 is a data row in 2019, so not among them).
bool is_group_label(std::string_view find);

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

  Cell cell(std::string t, std::size_t at) const;

  /// Prose [from, to): paragraphs, split before each section heading found inside.
  void prose(std::size_t from, std::size_t to);

  void paragraph(std::size_t from, std::size_t to);
};

/// Bytes of the leading label text of a gap (before its run), white space trimmed.
std::string label_text(std::string_view s);

void add_digitrun_diag(Document& doc, std::string_view table, const std::vector<std::string>& rows,
                       std::size_t recovered, const SourceLocation& at);

/// Cells of a split run, in a row after `label`.
void push_cells(Row& row, const Builder& b, const Run& run, const std::vector<std::string>& cells,
                const std::vector<bool>& recovered);

class RunonReader {
public:
  /// `layout`: pdftotext -layout text (rows on lines, labels wrapped around them) rather than
  /// one run-on line.
  RunonReader(std::string_view text, bool layout)
      : m_work(blank_page_numbers(text)), m_text(m_work), m_pos(text), m_layout(layout) {}

  Document read();

private:
  /// Crawler header lines before the body: dropped, `标题` kept as the title paragraph.
  std::size_t skip_wrapper();

  /// A breadcrumb (`当前位置： 首页…`) and the page furniture after it, up to the title or body.
  std::size_t skip_breadcrumb(std::size_t at);

  /// The body's own title (`…年度报告` leading the text) as the first paragraph when the page had
  /// no `标题` line; then the prose.
  void title_and_prose(Builder& b, std::size_t from, std::size_t to);

  /// Start of the section heading (`三、…<key>`) whose key part is `key`, before `limit`.
  std::size_t find_heading_start(std::size_t limit, std::string_view key);

  std::size_t find_t3_start(std::size_t from);

  void read_table2(Builder& b, std::size_t from, std::size_t to);

  void read_table2_block(Builder& b, Table& t, std::size_t from, std::size_t to,
                         std::vector<std::string>& unread, std::size_t& recovered);

  /// Reads 表三 from its header at `header` and first row at `first`; returns where it ends.
  std::size_t read_table3(Builder& b, std::size_t header, std::size_t first);

  /// In layout text, the rest of a label wrapped onto the line after its numbers: the next
  /// non-blank line, when it has no digits and starts near the label's own column.
  std::string continuation(std::size_t label, std::size_t run_end, std::size_t limit) const;

  /// 一+二 = （七）+四, and （七） = the sum of the disposal rows, over the rows found.
  static std::vector<ColumnEquation> table3_equations(const std::vector<Found>& found,
                                                      std::size_t n);

  void read_table4(Builder& b, std::size_t from);

  static std::string blank_page_numbers(std::string_view text);

  std::string m_work; ///< the text with page numbers blanked and form feeds as line breaks
  std::string_view m_text;
  Positions m_pos;
  bool m_layout = false;
  Document m_doc;
  std::string m_title;
};

} // namespace xxgk::document::runon
