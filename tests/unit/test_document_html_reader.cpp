#include <xxgk/document/html_reader.hpp>
#include <xxgk/document/read.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

using Texts = std::vector<std::string>;

Document html_doc(std::string_view html) {
  auto doc = read_html_text(html);
  REQUIRE(doc.has_value());
  CHECK(doc->format == "html");
  return std::move(doc).value();
}

Document page(std::string_view body) {
  return html_doc("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" +
                  std::string(body) + "</body></html>");
}

Texts paragraphs_of(const Document& d) {
  Texts out;
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      out.push_back(p->text);
    }
  }
  return out;
}

std::vector<const Table*> tables_of(const Document& d) {
  std::vector<const Table*> out;
  for (const auto& b : d.blocks) {
    if (const auto* t = std::get_if<Table>(&b)) {
      out.push_back(t);
    }
  }
  return out;
}

Texts row_texts(const Row& r) {
  Texts out;
  for (const auto& c : r.cells) {
    out.push_back(c.text);
  }
  return out;
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(XXGK_SOURCE_DIR) + "/tests/data/html/" + name, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// GBK and UTF-8 bytes of 政府信息公开 and 年度报告.
const std::string k_gbk_gov = "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA";
const std::string k_gbk_report = "\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6";
const std::string k_utf8_gov = "政府信息公开";

// The smallest report body the reader recognises as the report: headings and tables.
const std::string k_report_body =
    "<p>一、总体情况</p><p>正文。</p><p>三、收到和处理政府信息公开申请情况</p>"
    "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr>"
    "<tr><td>（七）总计</td><td>3</td></tr></table>";

} // namespace

// --- sniffing ------------------------------------------------------------------------------

TEST_CASE("pages are recognised by their doctype, html element, or an early table or body tag") {
  CHECK(looks_like_html("<!DOCTYPE html>\n<html><body></body></html>"));
  CHECK(looks_like_html("\xEF\xBB\xBF  <!-- saved page -->\n<HTML><BODY>x</BODY></HTML>"));
  CHECK(looks_like_html("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC "
                        "\"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"\">\n<html>"));
  CHECK(looks_like_html("<!doctype HTML><title>t</title>"));
  CHECK(looks_like_html("标题\n<p>正文</p>\n<table border=1><tr><td>1</td></tr></table>"));
  CHECK(looks_like_html("<div>\n<body>"));
  const std::string utf16le("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14);
  CHECK(looks_like_html(utf16le));
}

TEST_CASE("text forms, Word XML and other markup are not taken for pages") {
  CHECK_FALSE(
      looks_like_html("青山县人民政府2022年政府信息公开工作年度报告\n\t一、本年新收\n\t3\n"));
  CHECK_FALSE(looks_like_html("# 标题\n\n| 信息内容 | 本年制发件数 |\n|---|---|\n"));
  CHECK_FALSE(looks_like_html("<?xml version=\"1.0\"?><w:document xmlns:w=\"urn:w\"><w:body>"
                              "<w:tbl/></w:body></w:document>"));
  CHECK_FALSE(looks_like_html("<tablet>not a table</tablet>"));
  CHECK_FALSE(looks_like_html("<!DOCTYPE svg><svg></svg>"));
  CHECK_FALSE(looks_like_html(std::string("<html>\0\0\0", 9)));
  CHECK_FALSE(looks_like_html(""));
}

TEST_CASE("document::read gives pages to the HTML reader, and --input-format html forces it") {
  const auto formats = input_formats();
  CHECK(std::find(formats.begin(), formats.end(), "html") != formats.end());

  auto sniffed = read("<html><body><p>正文</p></body></html>");
  REQUIRE(sniffed.has_value());
  CHECK(sniffed->format == "html");
  CHECK(paragraphs_of(*sniffed) == Texts{"正文"});

  // A page body saved without <html>/<head> is HTML too (format.md §7 item 18) …
  auto fragment = read("<p>正文</p>");
  REQUIRE(fragment.has_value());
  CHECK(fragment->format == "html");
  // … but text that merely mentions an element is not.
  auto plain = read("正文 <p>正文</p>");
  REQUIRE(plain.has_value());
  CHECK(plain->format != "html");

  ReadOptions forced;
  forced.input_format = "html";
  auto doc = read("<p>正文</p>", forced);
  REQUIRE(doc.has_value());
  CHECK(doc->format == "html");
  CHECK(paragraphs_of(*doc) == Texts{"正文"});
}

// --- charset -------------------------------------------------------------------------------

TEST_CASE("the declared charset comes from meta charset or an http-equiv Content-Type") {
  CHECK(declared_charset("<html><head><meta charset=\"GBK\"></head>") == "gbk");
  CHECK(declared_charset("<META http-equiv=Content-Type content=\"text/html; charset=gb2312\">") ==
        "gb2312");
  CHECK(declared_charset("<meta content='text/html;charset=UTF-8' http-equiv='content-type'>") ==
        "utf-8");
  CHECK(declared_charset("<!-- <meta charset=\"big5\"> --><meta charset=gb18030>") == "gb18030");
  CHECK(declared_charset("<meta name=\"description\" content=\"charset=gbk\"><p>x</p>") == "");
  CHECK(declared_charset("<html><body><p>no declaration</p></body></html>") == "");
  CHECK(declared_charset("<title>a > b</title><meta charset = ' Windows-1252 '>") ==
        "windows-1252");
}

TEST_CASE("a page declared gb2312 is decoded as GB18030") {
  const std::string bytes =
      "<html><head><meta http-equiv=Content-Type content=\"text/html; charset=gb2312\"></head>"
      "<body><p>" +
      k_gbk_gov + k_gbk_report + "</p></body></html>";
  auto doc = read_html(bytes);
  REQUIRE(doc.has_value());
  CHECK(doc->encoding == "GB18030");
  CHECK(doc->diagnostics.empty());
  CHECK(paragraphs_of(*doc) == Texts{"政府信息公开年度报告"});
}

TEST_CASE("the requested encoding overrides the page's declaration") {
  const std::string bytes =
      "<html><head><meta charset=\"utf-8\"></head><body><p>" + k_gbk_gov + "</p></body></html>";
  auto requested = read_html(bytes, "gbk");
  REQUIRE(requested.has_value());
  CHECK(requested->encoding == "GB18030");
  CHECK(requested->diagnostics.empty());
  CHECK(paragraphs_of(*requested) == Texts{"政府信息公开"});

  // Without the request the declaration is contradicted by the bytes, and says so.
  auto detected = read_html(bytes);
  REQUIRE(detected.has_value());
  CHECK(paragraphs_of(*detected) == Texts{"政府信息公开"});
  REQUIRE(detected->diagnostics.size() == 1);
  CHECK(detected->diagnostics[0].rule == "READ-ENCODING");
  CHECK(detected->diagnostics[0].text(xxgk::diag::Lang::En).find("'utf-8'") != std::string::npos);

  auto unknown = read_html(bytes, "klingon");
  REQUIRE_FALSE(unknown.has_value());
  CHECK(unknown.error().message.find("unknown encoding") != std::string::npos);
}

TEST_CASE("a page declared gb2312 whose bytes are UTF-8 is read as UTF-8 with a warning") {
  const std::string bytes =
      "<html><head><meta charset=gb2312></head><body><p>" + k_utf8_gov + "</p></body></html>";
  auto doc = read_html(bytes);
  REQUIRE(doc.has_value());
  CHECK(doc->encoding == "UTF-8");
  CHECK(paragraphs_of(*doc) == Texts{"政府信息公开"});
  REQUIRE(doc->diagnostics.size() == 1);
  CHECK(doc->diagnostics[0].rule == "READ-ENCODING");
  CHECK(doc->diagnostics[0].text(xxgk::diag::Lang::En) ==
        "the page declares charset 'gb2312' but is encoded in UTF-8; read as UTF-8");
}

TEST_CASE("a byte order mark decides over the page's declaration") {
  const std::string utf8 = "\xEF\xBB\xBF<html><head><meta charset=gbk></head><body><p>" +
                           k_utf8_gov + "</p></body></html>";
  auto doc = read_html(utf8);
  REQUIRE(doc.has_value());
  CHECK(doc->encoding == "UTF-8");
  CHECK(doc->diagnostics.empty());
  CHECK(paragraphs_of(*doc) == Texts{"政府信息公开"});

  // UTF-16LE with BOM, through document::read (its NUL bytes are not "binary data").
  std::string utf16 = "\xFF\xFE";
  for (const char c : std::string("<html><body><p>OK</p></body></html>")) {
    utf16 += c;
    utf16 += '\0';
  }
  auto wide = read(utf16);
  REQUIRE(wide.has_value());
  CHECK(wide->format == "html");
  CHECK(wide->encoding == "UTF-16LE");
  CHECK(paragraphs_of(*wide) == Texts{"OK"});
}

TEST_CASE("a charset xxgk does not decode gives way to detection") {
  auto ascii = read_html("<meta charset=big5><p>plain ASCII</p>");
  REQUIRE(ascii.has_value());
  CHECK(ascii->diagnostics.empty());
  CHECK(paragraphs_of(*ascii) == Texts{"plain ASCII"});

  auto chinese = read_html("<meta charset=big5><p>" + k_gbk_gov + "</p>");
  REQUIRE(chinese.has_value());
  CHECK(chinese->encoding == "GB18030");
  CHECK(paragraphs_of(*chinese) == Texts{"政府信息公开"});
  REQUIRE(chinese->diagnostics.size() == 1);
  CHECK(chinese->diagnostics[0].text(xxgk::diag::Lang::En) ==
        "the page declares charset 'big5', which xxgk does not decode; read as GB18030");
}

// --- finding the report in the page ----------------------------------------------------------

TEST_CASE("site chrome, scripts, styles, forms, hidden elements and link lines are not read") {
  const auto doc = html_doc(R"(<!DOCTYPE html><html><head><title>站点</title>
<style>p { color: red }</style>
<script>document.write("<p>一、总体情况</p>");</script></head>
<body>
<div class="header"><a href="/">首页</a></div>
<nav><ul><li><a href="/a">政务公开</a></li></ul></nav>
<form action="/s"><input name="q" value="搜索词"><button>搜索</button></form>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; 年报</div>
<div class="sidebar"><ul><li><a href="/2020">红星镇2020年政府信息公开工作年度报告</a></li></ul></div>
<div id="zoom">)" + k_report_body +
                            R"(
<p>通过<a href="/">门户网站</a>公开了各类政府信息。</p>
<p>下一篇：<a href="/2022">红星镇2022年政府信息公开工作年度报告</a></p>
<div style="display: none">隐藏的打印版</div><p hidden>隐藏</p><span aria-hidden="true">★</span>
<p style="visibility:hidden">不可见</p>
<div class="bdsharebuttonbox">分享到：<a href="#">微信</a></div>
<aside>相关文章</aside>
<noscript>请启用脚本</noscript><iframe src="/x">框架</iframe>
<footer>打印本页</footer>
</div>
<div class="footer">版权所有</div>
</body></html>)");
  CHECK(paragraphs_of(doc) == Texts{"一、总体情况", "正文。", "三、收到和处理政府信息公开申请情况",
                                    "通过门户网站公开了各类政府信息。"});
  CHECK(tables_of(doc).size() == 1);
}

TEST_CASE("the title before the article body is taken along, else the page's title element") {
  const auto before =
      page("<div class=\"breadcrumb\"><a href=\"/\">首页</a> &gt; "
           "<a href=\"/n\">2021年年度报告</a></div>"
           "<ul><li><a href=\"/o\">红星镇2020年政府信息公开工作年度报告</a></li></ul>"
           "<h1>红星镇2021年政府信息公开<br>工作年度报告</h1>"
           "<div class=\"info\">发布日期：2022-01-20</div>"
           "<div id=\"zoom\">" +
           k_report_body + "</div>");
  const Texts paras = paragraphs_of(before);
  REQUIRE_FALSE(paras.empty());
  CHECK(paras.front() == "红星镇2021年政府信息公开工作年度报告");
  CHECK(std::find(paras.begin(), paras.end(), "发布日期：2022-01-20") == paras.end());

  const auto from_title = html_doc(
      "<html><head><title>青山县人民政府2022年政府信息公开工作年度报告_青山县人民政府门户网站"
      "</title></head><body><div>" +
      k_report_body + "</div></body></html>");
  REQUIRE_FALSE(paragraphs_of(from_title).empty());
  CHECK(paragraphs_of(from_title).front() == "青山县人民政府2022年政府信息公开工作年度报告");

  const auto inside =
      page("<div id=\"zoom\"><p>澧水县自然资源局2020年政府信息公开工作年度报告</p>" +
           k_report_body + "</div>");
  CHECK(paragraphs_of(inside).front() == "澧水县自然资源局2020年政府信息公开工作年度报告");
  CHECK(paragraphs_of(inside).size() == 4);
}

TEST_CASE("a page without report headings or tables is read whole, without its chrome") {
  const auto doc = page("<nav><a href=\"/\">首页</a></nav><h2>通知</h2><p>第一段。</p>"
                        "<div class=\"footer\">版权所有</div>");
  CHECK(paragraphs_of(doc) == Texts{"通知", "第一段。"});
}

TEST_CASE("a form that wraps the whole page (ASP.NET) is not chrome") {
  const auto with_report = page("<form id=\"form1\" method=\"post\"><div class=\"nav\">"
                                "<a href=\"/\">首页</a></div><div id=\"zoom\">" +
                                k_report_body + "</div></form>");
  CHECK(paragraphs_of(with_report).size() == 3);
  CHECK(tables_of(with_report).size() == 1);

  const auto without = page("<form id=\"form1\"><h2>通知</h2><p>第一段。</p></form>");
  CHECK(paragraphs_of(without) == Texts{"通知", "第一段。"});
}

// --- paragraphs ------------------------------------------------------------------------------

TEST_CASE("paragraphs come from p, div, headings and list items; br splits them except in "
          "headings") {
  const auto doc =
      page("<h1>标题<br>第二行</h1><p>甲</p><div>乙<p>丙</p>丁</div>"
           "<ul><li>一项</li><li>二项</li></ul>第一行<br>第二行<br><br>"
           "<p><br />四、政府信息公开行政复议、行政诉讼情况</p><span>行内</span><b>粗</b>");
  CHECK(paragraphs_of(doc) == Texts{"标题第二行", "甲", "乙", "丙", "丁", "一项", "二项", "第一行",
                                    "第二行", "四、政府信息公开行政复议、行政诉讼情况", "行内粗"});
}

TEST_CASE("white space collapses, and a line break next to a Chinese character vanishes") {
  const auto doc = page("<p>  2021年，我镇坚持以习近平新时代中国特色社会主义思想为指\n"
                        "  导，全面贯彻落实。</p>"
                        "<p>Word   wraps\nEnglish   text</p>"
                        "<p>&nbsp;&nbsp;缩进&nbsp;两格&nbsp;</p>"
                        "<p>\xE3\x80\x80\xE3\x80\x80全角空格保留</p>"
                        "<p>申请\n16件</p><p>a&#160; b</p><p>&nbsp;</p><p>  \n  </p>");
  CHECK(paragraphs_of(doc) ==
        Texts{"2021年，我镇坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实。",
              "Word wraps English text", "缩进 两格", "\xE3\x80\x80\xE3\x80\x80全角空格保留",
              "申请16件", "a  b"});
}

// --- tables ----------------------------------------------------------------------------------

TEST_CASE("cells keep colspan and rowspan, and rowspan continuation cells are absent") {
  const auto doc = page(R"(<table>
<tr><th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th><th colspan=7>申请人情况</th></tr>
<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>
<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
<tr><td rowspan=0>x</td><td colspan="x">y</td><td colspan=" +2">z</td></tr>
</table>)");
  const auto tables = tables_of(doc);
  REQUIRE(tables.size() == 1);
  const Table& t = *tables[0];
  REQUIRE(t.rows.size() == 5);
  CHECK(t.structure == RowStructure::Reliable);
  CHECK(t.rows[0].cells.size() == 2);
  CHECK(t.rows[0].cells[0].col_span == 3);
  CHECK(t.rows[0].cells[0].row_span == 3);
  CHECK(t.rows[0].cells[1].col_span == 7);
  CHECK(row_texts(t.rows[1]) == Texts{"自然人", "法人或其他组织", "总计"});
  CHECK(t.rows[1].cells[0].row_span == 2);
  CHECK(t.rows[1].cells[1].col_span == 5);
  CHECK(t.rows[2].cells.size() == 5);
  CHECK(t.rows[3].cells.size() == 8);
  CHECK(std::none_of(t.rows[3].cells.begin(), t.rows[3].cells.end(),
                     [](const Cell& c) { return c.merged_continuation; }));
  CHECK(t.rows[4].cells[0].row_span == 1); // rowspan=0: to the end of the table, here itself
  CHECK(t.rows[4].cells[1].col_span == 1); // not a number: 1
  CHECK(t.rows[4].cells[2].col_span == 2);
}

TEST_CASE("a cell has one line per paragraph or br, and &nbsp; cells are empty") {
  const auto doc = page("<table><tr><td><p>&nbsp;</p><p>本年新</p><p>制作数量</p><p></p></td>"
                        "<td>社会<br>公益<br/>组织</td><td>&nbsp;</td><td> <p>&nbsp;</p> </td>"
                        "<td><div>a</div><div></div><div>b</div></td><td>1<br><br>2</td></tr>"
                        "<tr><td>x</td></tr></table>");
  const auto tables = tables_of(doc);
  REQUIRE(tables.size() == 1);
  CHECK(row_texts(tables[0]->rows[0]) ==
        Texts{"本年新\n制作数量", "社会\n公益\n组织", "", "", "a\n\nb", "1\n\n2"});
}

TEST_CASE("a layout table around the report is read as body content") {
  const auto doc = page(
      "<table width=\"100%\"><tr><td class=\"nav\"><a href=\"/\">首页</a> | <a "
      "href=\"/z\">政务公开</a>"
      "</td></tr><tr><td><table><tr><td class=\"left\"><table><tr><td><a href=\"/1\">2020年报</a>"
      "</td></tr><tr><td><a href=\"/2\">2019年报</a></td></tr></table></td><td>"
      "<table><tr><td class=\"title\">红星镇2021年政府信息公开工作年度报告</td></tr>"
      "<tr><td id=\"zoom\">" +
      k_report_body + "</td></tr></table></td></tr></table></td></tr></table>");
  CHECK(paragraphs_of(doc) == Texts{"红星镇2021年政府信息公开工作年度报告", "一、总体情况",
                                    "正文。", "三、收到和处理政府信息公开申请情况"});
  const auto tables = tables_of(doc);
  REQUIRE(tables.size() == 1);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"一、本年新收政府信息公开申请数量", "3"});
  CHECK(tables[0]->where.table == 0);
}

TEST_CASE("a one-cell table is read as paragraphs") {
  const auto doc =
      page("<table><tr><td><p>注：</p><p>本表数据截至12月31日。</p></td></tr></table>");
  CHECK(tables_of(doc).empty());
  CHECK(paragraphs_of(doc) == Texts{"注：", "本表数据截至12月31日。"});
}

TEST_CASE("Word's Save as HTML: o:p, conditional markers, mso-hide and the helper row") {
  const auto doc = html_doc(R"(<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>一、总体情况</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal><span lang=EN-US>2021</span><span style='font-family:宋体'>年，我镇坚持<span
style='display:none;mso-hide:all'>隐藏</span>公开。<o:p></o:p></span></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='mso-list:Ignore'>（一）</span><![endif]>主动公开。<o:p></o:p></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=85 valign=top style='width:63.8pt;border:solid windowtext 1.0pt;
  mso-border-alt:solid windowtext .5pt'>
  <p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>商业<o:p></o:p></span></p>
  <p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>企业<o:p></o:p></span></p>
  </td>
  <td width=85 valign=top style='width:63.8pt'><p class=MsoNormal><span lang=EN-US><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></span></p></td>
 </tr>
 <![if !supportMisalignedColumns]>
 <tr height=0>
  <td width=85 style='border:none'></td>
  <td width=85 style='border:none'></td>
 </tr>
 <![endif]>
</table>
</div></body></html>)");
  CHECK(paragraphs_of(doc) == Texts{"2021年，我镇坚持公开。", "（一）主动公开。"});
  const auto tables = tables_of(doc);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 1);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"商业\n企业", ""});
}

// --- locations -------------------------------------------------------------------------------

TEST_CASE("locations point at the first text of paragraphs and cells, or at an empty cell's tag") {
  const auto doc = html_doc("<html><body>\n"                             // line 1
                            "<p class=\"a\">  标题</p>\n"                // line 2
                            "<table border=1>\n"                         // line 3
                            "<tr><td>自然人</td><td>&nbsp;3</td></tr>\n" // line 4
                            "<tr><td\n"                                  // line 5
                            "   colspan=2>&nbsp;</td></tr>\n"            // line 6
                            "</table>\n"                                 // line 7
                            "第一行<br>\n  第二行\n"                     // line 8, 9
                            "</body></html>\n");
  REQUIRE(doc.blocks.size() == 4);
  const auto& title = std::get<Paragraph>(doc.blocks[0]);
  CHECK(title.where.line == 2);
  CHECK(title.where.column == 16);
  const auto& t = std::get<Table>(doc.blocks[1]);
  CHECK(t.where.line == 3);
  CHECK(t.where.column == 1);
  CHECK(t.where.table == 0);
  const Cell& label = t.rows[0].cells[0];
  CHECK(label.where.line == 4);
  CHECK(label.where.column == 9);
  CHECK(label.where.table == 0);
  CHECK(label.where.row == 0);
  CHECK(label.where.cell == 0);
  const Cell& value = t.rows[0].cells[1];
  CHECK(value.text == "3");
  CHECK(value.where.line == 4);
  CHECK(value.where.column == 27); // after the &nbsp;
  CHECK(value.where.cell == 1);
  const Cell& empty = t.rows[1].cells[0];
  CHECK(empty.text.empty());
  CHECK(empty.where.line == 5); // the start tag, although it ends on line 6
  CHECK(empty.where.column == 5);
  CHECK(empty.where.row == 1);
  const auto& first = std::get<Paragraph>(doc.blocks[2]);
  CHECK(first.where.line == 8);
  CHECK(first.where.column == 1);
  const auto& second = std::get<Paragraph>(doc.blocks[3]);
  CHECK(second.text == "第二行");
  CHECK(second.where.line == 9);
  CHECK(second.where.column == 3);
}

TEST_CASE("locations count CRLF lines and code points on one long line") {
  const auto crlf = html_doc("<html>\r\n<body>\r\n<p>甲</p>\r\n</body></html>");
  REQUIRE(crlf.blocks.size() == 1);
  CHECK(std::get<Paragraph>(crlf.blocks[0]).where.line == 3);
  CHECK(std::get<Paragraph>(crlf.blocks[0]).where.column == 4);

  std::string line = "<html><body>";
  for (int i = 0; i < 200; ++i) {
    line += "<p>第" + std::to_string(i) + "段</p>";
  }
  line += "<table><tr><td>末</td><td>格</td></tr></table></body></html>";
  const auto doc = html_doc(line);
  const auto tables = tables_of(doc);
  REQUIRE(tables.size() == 1);
  const std::string before_cell = line.substr(0, line.find("格"));
  std::size_t code_points = 0;
  for (const unsigned char c : before_cell) {
    code_points += (c & 0xC0) != 0x80 ? 1 : 0;
  }
  CHECK(tables[0]->rows[0].cells[1].where.line == 1);
  CHECK(tables[0]->rows[0].cells[1].where.column == static_cast<int>(code_points) + 1);
}

// --- robustness ------------------------------------------------------------------------------

TEST_CASE("malformed HTML is recovered") {
  const auto doc = page("<p>甲<p>乙</b></i><table><tr><td>1<td>2<tr><td>3</table></span><p>丙");
  CHECK(paragraphs_of(doc) == Texts{"甲", "乙", "丙"});
  const auto tables = tables_of(doc);
  REQUIRE(tables.size() == 1);
  REQUIRE(tables[0]->rows.size() == 2);
  CHECK(row_texts(tables[0]->rows[0]) == Texts{"1", "2"});
  CHECK(row_texts(tables[0]->rows[1]) == Texts{"3"});
}

TEST_CASE("deeply nested markup neither crashes nor loses the parser") {
  std::string deep = "<html><body>";
  for (int i = 0; i < 5000; ++i) {
    deep += "<div>";
  }
  deep += "深处";
  auto doc = read_html_text(deep);
  CHECK(doc.has_value());
}

TEST_CASE("an empty page, or one of white space, is a document without blocks") {
  for (const char* html : {"", "  \n ", "<html></html>"}) {
    CAPTURE(html);
    auto doc = read_html_text(html);
    REQUIRE(doc.has_value());
    CHECK(doc->blocks.empty());
  }
}

// --- fixtures --------------------------------------------------------------------------------

TEST_CASE("the real Shanghai 2019 page reads its tables as published, blanks included") {
  auto doc = read_html(fixture("shanghai-2019.html"));
  REQUIRE(doc.has_value());
  CHECK(doc->encoding == "UTF-8");
  const Texts paras = paragraphs_of(*doc);
  REQUIRE(paras.size() > 2);
  CHECK(paras[0] == "2019年上海市人民政府办公厅政府信息公开工作年度报告");
  CHECK(std::find(paras.begin(), paras.end(), "四、政府信息公开行政复议、行政诉讼情况") !=
        paras.end());
  const auto tables = tables_of(*doc);
  REQUIRE(tables.size() == 3);
  CHECK(row_texts(tables[0]->rows[1]) ==
        Texts{"信息内容", "本年新\n制作数量", "本年新\n公开数量", "对外公开总数量"});
  CHECK(row_texts(tables[0]->rows.back()) == Texts{"政府集中采购", "6", "251000元"});
  REQUIRE(tables[1]->rows.size() == 26);
  CHECK(row_texts(tables[1]->rows[5]) ==
        Texts{"三、本年度办理结果", "（一）予以公开", "258", "12", "", "", "1", "1", ""});
  CHECK(tables[1]->rows[5].cells[0].row_span == 20);
  CHECK(row_texts(tables[1]->rows[24]) ==
        Texts{"（七）总计", "767", "35", "", "", "2", "1", "805"});
  CHECK(row_texts(tables[2]->rows[3]) ==
        Texts{"5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""});

  auto gbk = read_html(fixture("shanghai-2019.gbk.html"));
  REQUIRE(gbk.has_value());
  CHECK(gbk->encoding == "GB18030");
  CHECK(paragraphs_of(*gbk) == paras);
}

TEST_CASE("the generated pages of one report read to the same paragraphs") {
  for (const char* name : {"hongxing-2021", "qingshan-county-2022", "lishui-bureau-2020"}) {
    CAPTURE(name);
    auto modern = read_html(fixture(std::string(name) + ".html"));
    auto old = read_html(fixture(std::string(name) + ".gbk.html"));
    auto word = read_html(fixture(std::string(name) + ".word.html"));
    REQUIRE(modern.has_value());
    REQUIRE(old.has_value());
    REQUIRE(word.has_value());
    CHECK(old->encoding == "GB18030");
    CHECK(word->encoding == "GB18030");
    CHECK(paragraphs_of(*old) == paragraphs_of(*modern));
    CHECK(paragraphs_of(*word) == paragraphs_of(*modern));
    CHECK(tables_of(*modern).size() == 3);
    CHECK(tables_of(*old).size() == 3);
    CHECK(tables_of(*word).size() == 3);
  }
}
