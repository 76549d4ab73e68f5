#include <xxgk/document/read.hpp>
#include <xxgk/document/text_forms.hpp>
#include <xxgk/document/text_reader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

namespace doctest {
template <> struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (const auto& s : v) {
      out += (out.size() > 1 ? ", \"" : "\"") + s + "\"";
    }
    return (out + "}").c_str();
  }
};
} // namespace doctest

using namespace xxgk::document;

namespace {

std::vector<const Table*> tables_of(const Document& d) {
  std::vector<const Table*> out;
  for (const auto& b : d.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) {
      out.push_back(t);
    }
  }
  return out;
}

std::vector<std::string> paragraphs_of(const Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      out.push_back(p->text);
    }
  }
  return out;
}

std::vector<std::string> row_texts(const Row& r) {
  std::vector<std::string> out;
  for (const auto& c : r.cells) {
    out.push_back(c.text);
  }
  return out;
}

using Texts = std::vector<std::string>;

} // namespace

// --- TSV -----------------------------------------------------------------------------------

TEST_CASE("TSV lines become the rows of one reliable table with exact cell locations") {
  const Document d = read_tsv_text("二、主动公开政府信息情况\n"
                                   "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
                                   "规章\t0\t1\t2\n"
                                   "规范性文件\t3\t\t 5\n");
  CHECK(d.format == "text-tsv");
  REQUIRE(d.blocks.size() == 2);
  CHECK(std::get<Paragraph>(d.blocks[0]).text == "二、主动公开政府信息情况");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  const Table& t = *tables[0];
  CHECK(t.structure == RowStructure::Reliable);
  CHECK(t.where.line == 2);
  REQUIRE(t.rows.size() == 3);
  CHECK(row_texts(t.rows[1]) == Texts{"规章", "0", "1", "2"});
  CHECK(row_texts(t.rows[2]) == Texts{"规范性文件", "3", "", "5"});
  // "规章\t0\t1": 规=1 章=2 TAB=3 0=4 TAB=5 1=6
  CHECK(t.rows[1].cells[2].where.line == 3);
  CHECK(t.rows[1].cells[2].where.column == 6);
  // An empty cell points at its own position; " 5" at its first visible character.
  CHECK(t.rows[2].cells[2].where.column == 9);
  CHECK(t.rows[2].cells[3].where.column == 11);
}

TEST_CASE("TSV rows keep leading empty cells of vertically merged labels") {
  const Document d = read_tsv_text("三、本年度办理结果\t（三）不予公开\t1.属于国家秘密\t\t0\n"
                                   "\t\t2.其他法律行政法规禁止公开\t\t0\n"
                                   "\t0\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 3);
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"", "", "2.其他法律行政法规禁止公开", "", "0"});
  CHECK(row_texts(tables[0]->rows[2]) == Texts{"", "0"});
  CHECK(tables[0]->rows[2].cells[1].where.column == 2);
}

TEST_CASE("TSV cells in Excel's quoting may run over lines and double their quotes") {
  const Document d = read_tsv_text("信息内容\t\"社会\n公益\n组织\"\t其他\n"
                                   "\"危及\"\"三安全一稳定\"\"\"\t0\t1\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  const Row& header = tables[0]->rows[0];
  CHECK(row_texts(header) == Texts{"信息内容", "社会\n公益\n组织", "其他"});
  CHECK(header.cells[1].where.line == 1);
  CHECK(header.cells[1].where.column == 7);
  CHECK(header.cells[2].where.line == 3);
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"危及\"三安全一稳定\"", "0", "1"});
  CHECK(tables[0]->rows[1].cells[1].where.line == 4);
}

TEST_CASE("a TSV table may start with a quoted cell that runs over lines") {
  const Document d = read_tsv_text("\"\n（本列数据的勾稽关系为）\"\t申请人情况\n自然人\t0\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(tables[0]->rows[0].cells[0].text == "（本列数据的勾稽关系为）");
  CHECK(tables[0]->rows[0].cells[0].where.line == 2);
  CHECK(tables[0]->rows[0].cells[0].where.column == 1);
}

TEST_CASE("a quote that does not close a TSV cell is kept as text") {
  const Document d = read_tsv_text("\"三安全\"一稳定\t0\n规章\t1\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->rows[0].cells[0].text == "\"三安全\"一稳定");
}

TEST_CASE("a TAB-less caption between TSV rows is a one-cell row, a section heading ends the "
          "table") {
  const Document d = read_tsv_text("规章\t0\n"
                                   "第二十条第（五）项\n"
                                   "行政许可\t0\n"
                                   "三、收到和处理政府信息公开申请情况\n"
                                   "自然人\t0\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 2);
  REQUIRE(tables[0]->rows.size() == 3);
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"第二十条第（五）项"});
  CHECK(paragraphs_of(d) == Texts{"三、收到和处理政府信息公开申请情况"});
}

TEST_CASE("a sentence between two TSV tables is a paragraph, not a one-cell row") {
  const Document d = read_tsv_text("规章\t0\n"
                                   "2021年，我镇本年新收政府信息公开申请16件。具体情况如下：\n"
                                   "自然人\t0\n");
  CHECK(tables_of(d).size() == 2);
  CHECK(paragraphs_of(d) == Texts{"2021年，我镇本年新收政府信息公开申请16件。具体情况如下："});
}

TEST_CASE("page-number lines inside a TSV table are dropped without splitting it") {
  const Document d = read_tsv_text("规章\t0\r\n- 3 -\r\n规范性文件\t1\r\n\r\n后记\r\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(tables[0]->rows[1].cells[1].text == "1");
  CHECK(tables[0]->rows[1].cells[1].where.line == 3);
  CHECK(paragraphs_of(d) == Texts{"后记"});
}

TEST_CASE("a paragraph with one trailing TAB is not a TSV table") {
  const Document d = read_tsv_text("一、总体情况\t\n正文\n");
  CHECK(tables_of(d).empty());
  CHECK(paragraphs_of(d) == Texts{"一、总体情况", "正文"});
}

// --- detection -------------------------------------------------------------------------------

TEST_CASE("the Tika form is told from TSV by its one-cell lines") {
  // Tika: one cell per line, even when an exporter put one row on a line.
  CHECK(detect_text_form("标题\n\t规章\n\t0\n\t0\n\n\t规范性文件\t0\t0\n\t0\n") == "text-tika");
  // TSV: rows of several cells, even with TAB-indented paragraphs around.
  CHECK(detect_text_form("\t一、总体情况\n\t正文。\n规章\t0\t0\n规范性文件\t0\t0\n"
                         "\t\t1.属于国家秘密\t0\n") == "text-tsv");
  // One stray TAB inside a paragraph makes no table.
  CHECK(detect_text_form("一、总体情况\n正文\t继续\n") == "text-plain");
}

TEST_CASE("each text form is detected from its own marks") {
  CHECK(detect_text_form("# 标题\n\n| 信息内容 | 数量 |\n|---|---:|\n| 规章 | 0 |\n") ==
        "markdown");
  CHECK(detect_text_form("## 一、总体情况\n正文\n") == "markdown");
  CHECK(detect_text_form("标题\n+----+----+\n| a  | b  |\n+====+====+\n| 1  | 2  |\n"
                         "+----+----+\n") == "text-grid");
  CHECK(detect_text_form("标题\n\t规章\n\t0\n") == "text-tika");
  CHECK(detect_text_form("标题\n正文 | 不是表格\n---\n") == "text-plain");
  CHECK(detect_text_form("标题\r\n正文\r\n") == "text-plain");
}

TEST_CASE("read detects the text form and --input-format overrides it") {
  const std::string tsv = "标题\n规章\t0\t1\n规范性文件\t2\t3\n";
  const auto detected = read(tsv);
  REQUIRE(detected);
  CHECK(detected->format == "text-tsv");
  CHECK(tables_of(*detected).size() == 1);

  ReadOptions plain;
  plain.input_format = "text-plain";
  const auto forced = read(tsv, plain);
  REQUIRE(forced);
  CHECK(forced->format == "text-plain");
  CHECK(tables_of(*forced).empty());

  ReadOptions unknown;
  unknown.input_format = "csv";
  const auto bad = read(tsv, unknown);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().message.find("unknown input format 'csv'") != std::string::npos);
}

TEST_CASE("every text form name is an input format and has a reader") {
  const auto& formats = input_formats();
  for (const auto& name : text_form_names()) {
    CAPTURE(name);
    CHECK(std::find(formats.begin(), formats.end(), name) != formats.end());
    const auto d = read_text_form(name, "标题\n");
    REQUIRE(d);
    CHECK(d->format == name);
  }
  CHECK_FALSE(read_text_form("docx", "x"));
}

// --- Markdown --------------------------------------------------------------------------------

TEST_CASE("a Markdown pipe table becomes a table with its header row and exact locations") {
  const Document d = read_markdown("## 二、主动公开政府信息情况\n"
                                   "\n"
                                   "| 信息内容 | 本年新制作数量 | 对外公开总数量 |\n"
                                   "|:---|---:|:---:|\n"
                                   "| 规章 | 0 | 2 |\n"
                                   "|规范性文件|  | 5|\n"
                                   "\n"
                                   "正文\n");
  CHECK(d.format == "markdown");
  CHECK(paragraphs_of(d) == Texts{"二、主动公开政府信息情况", "正文"});
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  const Table& t = *tables[0];
  CHECK(t.where.line == 3);
  REQUIRE(t.rows.size() == 3);
  CHECK(row_texts(t.rows[0]) == Texts{"信息内容", "本年新制作数量", "对外公开总数量"});
  CHECK(row_texts(t.rows[2]) == Texts{"规范性文件", "", "5"});
  // "| 规章 | 0 | 2 |": '|'=1 ' '=2 规=3 章=4 ' '=5 '|'=6 ' '=7 0=8
  CHECK(t.rows[1].cells[1].where.line == 5);
  CHECK(t.rows[1].cells[1].where.column == 8);
  CHECK(t.rows[2].cells[0].where.column == 2);
  // the heading's location is its text, after the marks
  CHECK(std::get<Paragraph>(d.blocks[0]).where.column == 4);
}

TEST_CASE("Markdown cells unescape pipes, turn <br> into line breaks and drop emphasis") {
  const Document d = read_markdown("| a | b |\n| - | - |\n"
                                   "| 社会<br>公益<br />组织 | 增\\|减 |\n"
                                   "| **总计** | *0* |\n"
                                   "| 注\\* | 3 * 4 |\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 4);
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"社会\n公益\n组织", "增|减"});
  CHECK(row_texts(tables[0]->rows[2]) == Texts{"总计", "0"});
  CHECK(row_texts(tables[0]->rows[3]) == Texts{"注*", "3 * 4"});
}

TEST_CASE("Markdown paragraphs lose heading marks, emphasis and pandoc bookmarks only") {
  // Intraword '_' is not emphasis (CommonMark), so Chinese text keeps its underscores.
  const Document d = read_markdown("# 东方红乡2023年政府信息公开年报 #\n"
                                   "#二、主动公开政府信息情况\n"
                                   "**（一）**强化_组织_领导，[bookmark: _GoBack]\n"
                                   "[]{#_GoBack .anchor}三、收到和处理\n"
                                   "> 引用 &amp; [链接](http://x.cn)\n"
                                   "- 列表项\n"
                                   "1. 编号保留\n"
                                   "---\n"
                                   "a_b_c 与 2 * 3，强调_组织_不变\n"
                                   "`代码 *不变*`\n");
  CHECK(paragraphs_of(d) == Texts{"东方红乡2023年政府信息公开年报", "二、主动公开政府信息情况",
                                  "（一）强化_组织_领导，[bookmark: _GoBack]", "三、收到和处理",
                                  "引用 & 链接", "列表项", "1. 编号保留",
                                  "a_b_c 与 2 * 3，强调_组织_不变", "代码 *不变*"});
}

TEST_CASE("a Markdown table ends at a blank line and skips page numbers between rows") {
  const Document d = read_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n-4-\n| 3 | 4 |\n\n"
                                   "| x | y |\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 3);
  CHECK(row_texts(tables[0]->rows[2]) == Texts{"3", "4"});
  CHECK(paragraphs_of(d) == Texts{"| x | y |"});
}

TEST_CASE("a Markdown delimiter row with another cell count makes no table") {
  const Document d = read_markdown("| a | b |\n|---|\n| 1 | 2 |\n");
  CHECK(tables_of(d).empty());
}

TEST_CASE("Markdown may hold pandoc grid tables") {
  const Document d = read_markdown("# 标题\n\n+-------+------+\n| **a** | b    |\n"
                                   "+=======+======+\n| 1     | 2    |\n+-------+------+\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"a", "b"});
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"1", "2"});
}

// --- grid tables -----------------------------------------------------------------------------

TEST_CASE("a grid table with CJK text is read on display columns, locations in code points") {
  const Document d = read_grid_text("标题\n"
                                    "+------------+--------+\n"
                                    "| 信息内容   | 数量   |\n"
                                    "+============+========+\n"
                                    "| 规章       | 12     |\n"
                                    "+------------+--------+\n"
                                    "| 规范性文件 | 0      |\n"
                                    "+------------+--------+\n"
                                    "后记\n");
  CHECK(d.format == "text-grid");
  CHECK(paragraphs_of(d) == Texts{"标题", "后记"});
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  const Table& t = *tables[0];
  CHECK(t.where.line == 2);
  REQUIRE(t.rows.size() == 3);
  CHECK(row_texts(t.rows[0]) == Texts{"信息内容", "数量"});
  CHECK(row_texts(t.rows[1]) == Texts{"规章", "12"});
  CHECK(row_texts(t.rows[2]) == Texts{"规范性文件", "0"});
  // "| 规章       | 12": '|'=1 ' '=2 规=3 章=4, seven spaces 5..11, '|'=12 ' '=13 1=14
  CHECK(t.rows[1].cells[1].where.line == 5);
  CHECK(t.rows[1].cells[1].where.column == 14);
  CHECK(t.rows[2].cells[0].where.column == 3);
}

TEST_CASE("grid cells join wrapped lines and keep paragraphs apart") {
  const Document d = read_grid_text("+--------+-----+\n"
                                    "| 社会   | 0   |\n"
                                    "| 公益   |     |\n"
                                    "| 组织   |     |\n"
                                    "+--------+-----+\n"
                                    "| first  | 1   |\n"
                                    "| line   |     |\n"
                                    "|        |     |\n"
                                    "| 第二段 |     |\n"
                                    "+--------+-----+\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"社会公益组织", "0"});
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"first line\n第二段", "1"});
}

TEST_CASE("grid column spans and row spans are read from the borders") {
  const Document d = read_grid_text("+--------------------+\n"
                                    "| 第二十条第（一）项 |\n"
                                    "+--------+----+------+\n"
                                    "| 合并   | a  | 1    |\n"
                                    "|        +----+------+\n"
                                    "|        | b  | 2    |\n"
                                    "+--------+----+------+\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  const Table& t = *tables[0];
  REQUIRE(t.rows.size() == 3);
  REQUIRE(t.rows[0].cells.size() == 1);
  CHECK(t.rows[0].cells[0].text == "第二十条第（一）项");
  CHECK(t.rows[0].cells[0].col_span == 3);
  REQUIRE(t.rows[1].cells.size() == 3);
  CHECK(t.rows[1].cells[0].text == "合并");
  CHECK(t.rows[1].cells[0].row_span == 2);
  REQUIRE(t.rows[2].cells.size() == 3);
  CHECK(t.rows[2].cells[0].merged_continuation);
  CHECK(t.rows[2].cells[0].text.empty());
  CHECK(row_texts(t.rows[2]) == Texts{"", "b", "2"});
  CHECK(t.rows[2].cells[1].where.line == 6);
}

TEST_CASE("a grid line whose widths disagree with the borders is still split at its bars") {
  // "①" is East Asian ambiguous: one column here, but a writer may have counted two.
  const Document d = read_grid_text("+------+-----+\n"
                                    "| ①   | 1   |\n"
                                    "+------+-----+\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 1);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"①", "1"});
}

TEST_CASE("a border without a closing border makes no grid table") {
  const Document d = read_grid_text("+----+\n| a  |\n正文\n");
  CHECK(tables_of(d).empty());
  CHECK(paragraphs_of(d) == Texts{"+----+", "| a  |", "正文"});
}

// --- the Tika form's variants ----------------------------------------------------------------

TEST_CASE("the Tika form reads the same with CRLF line ends") {
  const std::string lf = "标题\n\t第二十条第(一）项\n\n\t信息内容\n\t社会\n公益\n\t0\n\n后记\n";
  std::string crlf;
  for (const char c : lf) {
    if (c == '\n') {
      crlf += "\r\n";
    } else {
      crlf += c;
    }
  }
  const Document a = read_tika_text(lf);
  const Document b = read_tika_text(crlf);
  REQUIRE(a.blocks.size() == b.blocks.size());
  const auto ta = tables_of(a);
  const auto tb = tables_of(b);
  REQUIRE(ta.size() == 1);
  REQUIRE(tb.size() == 1);
  REQUIRE(ta[0]->rows.size() == tb[0]->rows.size());
  for (std::size_t r = 0; r < ta[0]->rows.size(); ++r) {
    CHECK(row_texts(ta[0]->rows[r]) == row_texts(tb[0]->rows[r]));
    for (std::size_t c = 0; c < ta[0]->rows[r].cells.size(); ++c) {
      CHECK(ta[0]->rows[r].cells[c].where.line == tb[0]->rows[r].cells[c].where.line);
      CHECK(ta[0]->rows[r].cells[c].where.column == tb[0]->rows[r].cells[c].where.column);
    }
  }
  CHECK(paragraphs_of(b) == Texts{"标题", "后记"});
  const auto via_read = read(crlf);
  REQUIRE(via_read);
  CHECK(via_read->format == "text-tika");
}

TEST_CASE("the Tika form reads the same with and without [bookmark] artifacts") {
  const Document with = read_tika_text("[bookmark: _GoBack]标题\n\t[bookmark: _GoBack]规章\n\t0\n");
  const Document without = read_tika_text("标题\n\t规章\n\t0\n");
  CHECK(paragraphs_of(with) == paragraphs_of(without));
  const auto tw = tables_of(with);
  const auto to = tables_of(without);
  REQUIRE(tw.size() == 1);
  REQUIRE(to.size() == 1);
  REQUIRE(tw[0]->rows.size() == 1);
  CHECK(row_texts(tw[0]->rows[0]) == row_texts(to[0]->rows[0]));
}

// --- plain text ------------------------------------------------------------------------------

TEST_CASE("plain text is one paragraph per non-blank line, without page numbers") {
  const Document d = read_plain_text("  一、总体情况\n\n正文\n- 2 -\n");
  CHECK(d.format == "text-plain");
  CHECK(paragraphs_of(d) == Texts{"一、总体情况", "正文"});
  CHECK(std::get<Paragraph>(d.blocks[0]).where.column == 3);
  CHECK(std::get<Paragraph>(d.blocks[1]).where.line == 3);
}

TEST_CASE("a '+' inside a grid cell is text, not a column boundary") {
  const Document d = read_grid_text("+--------+-------+\n"
                                    "| 本年增 | +1036 |\n"
                                    "+--------+-------+\n");
  const auto tables = tables_of(d);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 1);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"本年增", "+1036"});
}

// --- the generated fixtures (scripts/gen_text_forms.py) --------------------------------------

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  REQUIRE(f);
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

/// Every non-empty cell text of every table, white space removed, in reading order.
std::vector<Texts> visible_cells(const Document& d) {
  std::vector<Texts> out;
  for (const Table* t : tables_of(d)) {
    Texts cells;
    for (const auto& r : t->rows) {
      for (const auto& c : r.cells) {
        std::string s;
        for (const char ch : c.text) {
          if (ch != '\n' && ch != ' ') {
            s.push_back(ch);
          }
        }
        if (!s.empty()) {
          cells.push_back(s);
        }
      }
    }
    out.push_back(cells);
  }
  return out;
}

} // namespace

TEST_CASE("each generated form of a sample is detected as that form and holds the same cells") {
  const std::string root = XXGK_SOURCE_DIR;
  for (const char* name : {"hongxing-2021", "qingshan-county-2022", "lishui-bureau-2020"}) {
    CAPTURE(name);
    const auto tika = read(slurp(root + "/samples/" + name + ".txt"));
    REQUIRE(tika);
    REQUIRE(tika->format == "text-tika");
    const auto expected = visible_cells(*tika);
    REQUIRE(expected.size() == 3);
    const std::pair<const char*, const char*> forms[] = {
        {".tsv.txt", "text-tsv"},      {".md", "markdown"},
        {".grid.txt", "text-grid"},    {".tsv-gbk-crlf.txt", "text-tsv"},
        {".utf16le.txt", "text-tika"}, {".gbk.txt", "text-tika"},
    };
    for (const auto& [suffix, format] : forms) {
      CAPTURE(suffix);
      const auto d = read(slurp(root + "/tests/data/textforms/" + name + suffix));
      REQUIRE(d);
      CHECK(d->format == format);
      CHECK(visible_cells(*d) == expected);
      CHECK(paragraphs_of(*d) == paragraphs_of(*tika));
    }
  }
}

TEST_CASE("the real sample is detected as the Tika form") {
  const auto d = read(slurp(std::string(XXGK_SOURCE_DIR) + "/samples/dongfanghong-2023.txt"));
  REQUIRE(d);
  CHECK(d->format == "text-tika");
  CHECK(d->encoding == "UTF-8");
}

TEST_CASE(
    "ColumnTracker gives column_of's answer, walking forward or back, on one line or another") {
  const std::string_view line = "\t表三\t自然人\tabc\t12";
  const std::string_view other = "一二三四五六";
  xxgk::document::ColumnTracker columns;
  for (const std::size_t byte : {0UL, 1UL, 7UL, 8UL, 17UL, 21UL, 3UL, 30UL}) {
    CAPTURE(byte);
    CHECK(columns(line, byte) == xxgk::document::column_of(line, std::min(byte, line.size())));
  }
  CHECK(columns(other, 6) == 3);
  CHECK(columns(other, 18) == 7);
  CHECK(columns(line, 8) == xxgk::document::column_of(line, 8));
}
