#!/usr/bin/env python3
"""Write the HTML fixtures under tests/data/html/.

Run from the repository root (after scripts/gen_samples.py):

    python3 scripts/gen_html_fixtures.py

For each valid constructed sample of scripts/gen_samples.py (same figures, same prose, same
table layout as samples/<name>.txt; gen_samples.build_document() gives the blocks) it writes
the report as a web page three ways:

  <name>.html       UTF-8, a present-day CMS article page: <meta charset>, site header with a
                    search form, nav, breadcrumb, a side bar listing other years' reports, the
                    title in <h1> outside the article body, a hidden print copy with wrong
                    figures, a share widget, footer, script/style/noscript/iframe; tables with
                    <th> headers, colspan/rowspan, <p> per paragraph inside cells, &nbsp; for
                    blank cells, and 上一篇/附件 links at the end of the article body
  <name>.gbk.html   GBK with <meta http-equiv=Content-Type content="text/html; charset=gb2312">,
                    an old-style site: upper-case tags, unquoted attributes, the whole page in
                    nested layout tables (nav row, side bar cell with a small table of links,
                    title cell, content cell), paragraphs as text ended by <BR>, <BR> between
                    the paragraphs of a cell
  <name>.word.html  GBK, as Word's "Save as Web Page" writes it: Office namespaces,
                    conditional comments with <xml> islands, mso- styles, MsoNormal
                    paragraphs with runs split at digits, <o:p>, lines wrapped inside Chinese
                    text, start tags broken over lines, a list number inside <![if
                    !supportLists]>, hidden text (display:none;mso-hide:all), and the
                    <![if !supportMisalignedColumns]> helper row at the end of every table

and, for locations in HTML, invalid-T3-ROW.html: samples/invalid/T3-ROW.txt as the UTF-8 page.

It also writes shanghai-2019.gbk.html, the GBK copy of the real published page
tests/data/html/shanghai-2019.html (see SOURCES.md; that file is not generated).

Every page must give the same `xxgk convert --to json` output as samples/<name>.txt apart
from "source", "format" and "encoding"; tests/golden/input-html-* check that.
"""

from __future__ import annotations

import html
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_samples as gs  # noqa: E402  (the same figures and layout as samples/)

OUT_DIR = os.path.join("tests", "data", "html")
REAL_PAGE = "shanghai-2019.html"


def esc(text):
    return html.escape(text, quote=False)


def is_wide(ch):
    return unicodedata.east_asian_width(ch) in ("W", "F")


# --------------------------------------------------------------------------- tables

def layout(rows):
    """The cells that start in each row, as [cell, rowspan, is_header_row] lists.

    A vmerge "restart" cell gets the rowspan of the "continue" cells below it, which are
    left out, as HTML has no continuation cells.
    """
    out = []
    open_at = {}
    for row in rows:
        header = not any(c["path"] for c in row)
        line = []
        col = 0
        for cell in row:
            if cell["vmerge"] == "continue":
                open_at[col][1] += 1
            else:
                entry = [cell, 1, header]
                line.append(entry)
                if cell["vmerge"] == "restart":
                    open_at[col] = entry
            col += cell["span"]
        out.append(line)
    return out


def spans(cell, rowspan, upper=False):
    col, row = ("colSpan", "rowSpan") if upper else ("colspan", "rowspan")
    out = ""
    if cell["span"] > 1:
        out += (' %s=%d' if upper else ' %s="%d"') % (col, cell["span"])
    if rowspan > 1:
        out += (' %s=%d' if upper else ' %s="%d"') % (row, rowspan)
    return out


def grid_columns(rows):
    return sum(c["span"] for c in rows[0])


# --------------------------------------------------------------------------- modern page (UTF-8)

def modern_cell(cell):
    paras = cell["paras"]
    if not any(p.strip() for p in paras):
        return "&nbsp;"
    if len(paras) == 1:
        return esc(paras[0])
    return "".join("<p>%s</p>" % (esc(p) if p else "&nbsp;") for p in paras)


def modern_table(rows):
    out = ['<table class="report-table" border="1" cellspacing="0" cellpadding="4">', "<tbody>"]
    for line in layout(rows):
        cells = []
        for cell, rowspan, header in line:
            tag = "th" if header else "td"
            cells.append("<%s%s>%s</%s>" % (tag, spans(cell, rowspan), modern_cell(cell), tag))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def modern_page(blocks, agency, year, figs_note=""):
    title = blocks[0][1]
    site = agency if agency.endswith("人民政府") else agency + "人民政府"
    body = []
    for kind, payload in blocks[1:]:
        if kind == "table":
            body.append(modern_table(payload))
        elif kind == "heading":
            body.append('<p style="text-indent:2em"><strong>%s</strong></p>' % esc(payload))
        elif payload == "":
            body.append("<p>&nbsp;</p>")
        else:
            body.append('<p style="text-indent:2em">%s</p>' % esc(payload))
    others = "\n".join(
        '<li><a href="/zwgk/ndbg/%d.html">%s%d年政府信息公开工作年度报告</a></li>' % (y, agency, y)
        for y in (year - 1, year - 2, year - 3))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}_{site}</title>
<link rel="stylesheet" href="/css/style.css">
<style>
.article-content table {{ border-collapse: collapse; }}
.article-content td, .article-content th {{ border: 1px solid #333; }}
</style>
<script>
var _hmt = _hmt || [];
document.write('<table><tr><td>本年新收政府信息公开申请数量</td><td>999</td></tr></table>');
</script>
</head>
<body>
<header class="site-header">
<div class="logo">{site}</div>
<form class="search" action="/search" method="get"><input type="text" name="q" placeholder="请输入关键词"><button type="submit">搜索</button></form>
</header>
<nav class="main-nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li><li><a href="/hdjl/">互动交流</a></li>
</ul></nav>
<div class="container">
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>
<aside class="sidebar">
<h3>政府信息公开年报</h3>
<ul>
{others}
</ul>
</aside>
<article class="article">
<h1 class="article-title">{title_html}</h1>
<div class="article-meta">发布日期：{next_year}-01-20　来源：{site}　浏览次数：<span id="views">128</span></div>
<div class="article-content" id="zoom">
{body}
<p>上一篇：<a href="/zwgk/ndbg/{prev_year}.html">{agency}{prev_year}年政府信息公开工作年度报告</a></p>
<p>附件：<a href="/files/{year}.docx">{agency}{year}年政府信息公开工作年度报告.docx</a></p>
</div>
<div class="print-copy" style="display: none">
<p>{title_html}</p>
<table><tr><td>一、本年新收政府信息公开申请数量</td><td>999</td></tr></table>
</div>
<div class="bdsharebuttonbox"><span>分享到：</span><a href="#" class="bds_weixin" data-cmd="weixin">微信</a><a href="#" class="bds_tsina" data-cmd="tsina">微博</a></div>
<div class="article-tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</article>
</div>
<footer class="site-footer">
<p>主办：{site}　网站标识码：0000000000　<a href="/sitemap/">网站地图</a></p>
</footer>
<noscript>您的浏览器不支持JavaScript，部分功能无法使用。</noscript>
<iframe src="/stat/count.html" width="0" height="0" title="统计"></iframe>
</body>
</html>
""".format(title=esc(title), title_html=esc(title), site=esc(site), others=others,
           agency=esc(agency), year=year, prev_year=year - 1, next_year=year + 1,
           body="\n".join(body))


# --------------------------------------------------------------------------- old page (GBK)

def old_cell(cell):
    paras = cell["paras"]
    if not any(p.strip() for p in paras):
        return "&nbsp;"
    return "<BR>".join(esc(p) for p in paras)


def old_table(rows):
    out = ['<TABLE cellSpacing=0 cellPadding=2 width="100%" border=1>', "<TBODY>"]
    for line in layout(rows):
        cells = "".join("<TD%s align=center>%s</TD>" % (spans(cell, rowspan, upper=True),
                                                         old_cell(cell))
                        for cell, rowspan, _header in line)
        out.append("<TR>" + cells + "</TR>")
    out += ["</TBODY></TABLE>"]
    return "\n".join(out)


def old_page(blocks, agency, year):
    title = blocks[0][1]
    site = agency if agency.endswith("人民政府") else agency + "人民政府"
    body = []
    for kind, payload in blocks[1:]:
        if kind == "table":
            body.append(old_table(payload))
        elif kind == "heading":
            body.append("<STRONG>%s</STRONG><BR>" % esc(payload))
        elif payload == "":
            body.append("<BR>")
        else:
            body.append("%s<BR>" % esc(payload))
    links = "\n".join(
        '<TR><TD><A href="/zwgk/ndbg/%d.htm" target=_blank>·%s%d年政府信息公开工作年度报告</A></TD></TR>'
        % (y, agency, y) for y in (year - 1, year - 2))
    return """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<HTML><HEAD>
<META http-equiv=Content-Type content="text/html; charset=gb2312">
<TITLE>{title}</TITLE>
<LINK href="/css/main.css" type=text/css rel=stylesheet>
<SCRIPT language=javascript src="/js/menu.js"></SCRIPT>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE cellSpacing=0 cellPadding=0 width=1000 align=center border=0>
<TR><TD><IMG height=120 src="/images/banner.jpg" width=1000></TD></TR>
<TR><TD class=nav height=35><A href="/">网站首页</A> | <A href="/zwgk/">政务公开</A> | <A href="/bsfw/">办事服务</A> | <A href="/hdjl/">互动交流</A></TD></TR>
<TR><TD>
<TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
<TR>
<TD class=left vAlign=top width=220>
<TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
<TR><TD class=lefttitle>年度报告</TD></TR>
{links}
</TABLE>
</TD>
<TD vAlign=top>
<TABLE cellSpacing=0 cellPadding=0 width="100%" border=0>
<TR><TD class=position>您现在的位置：<A href="/">首页</A> &gt;&gt; <A href="/zwgk/">政务公开</A> &gt;&gt; 年度报告</TD></TR>
<TR><TD class=title align=center height=60><FONT size=5><B>{title}</B></FONT></TD></TR>
<TR><TD align=center>发布时间：{next_year}-01-20&nbsp;&nbsp;信息来源：{site}&nbsp;&nbsp;【<A href="javascript:window.print()">打印</A>】【<A href="javascript:window.close()">关闭</A>】</TD></TR>
<TR><TD class=content id=zoom>
{body}
</TD></TR>
</TABLE>
</TD></TR>
</TABLE>
</TD></TR>
<TR><TD class=bottom align=center>版权所有：{site}&nbsp;&nbsp;技术支持：某某网络科技有限公司<BR>ICP备00000000号</TD></TR>
</TABLE>
</BODY></HTML>
""".format(title=esc(title), site=esc(site), links=links, next_year=year + 1,
           body="\n".join(body))


# --------------------------------------------------------------------------- Word "Save as HTML"

def word_runs(text):
    """Word's runs: ASCII (digits, Latin) in lang=EN-US spans, the rest in 宋体 spans."""
    out = []
    for part in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if part.isascii():
            out.append("<span lang=EN-US>%s</span>" % esc(part))
        else:
            out.append("<span style='font-family:宋体;mso-ascii-font-family:\"Times New Roman\"'>"
                       "%s</span>" % esc(part))
    return "".join(out)


def wrap_cjk(line, width=76):
    """Breaks a long line of markup as Word does, between two Chinese characters of text."""
    out = []
    col = 0
    in_tag = False
    for i, ch in enumerate(line):
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        out.append(ch)
        col += 2 if is_wide(ch) else 1
        nxt = line[i + 1] if i + 1 < len(line) else ""
        if col >= width and not in_tag and ch != ">" and is_wide(ch) and nxt and is_wide(nxt):
            out.append("\n")
            col = 0
    return "".join(out)


LIST_NUMBER = re.compile(r"^（[一二三四五六七八九十]+）")


def word_paragraph(text, first_prose):
    if text == "":
        return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
    m = LIST_NUMBER.match(text)
    if m:
        # A Word list: the number is list numbering, shown to other browsers in <![if …]>.
        inner = ("<![if !supportLists]><span style='font-family:宋体;mso-list:Ignore'>%s</span>"
                 "<![endif]>%s" % (esc(m.group(0)), word_runs(text[m.end():])))
        return wrap_cjk("<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;"
                        "mso-list:l0 level1 lfo1'>%s<span lang=EN-US><o:p></o:p></span></p>"
                        % inner)
    hidden = ("<span style='display:none;mso-hide:all'>（此处为隐藏文字）</span>"
              if first_prose else "")
    return wrap_cjk("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                    "%s%s<span lang=EN-US><o:p></o:p></span></p>" % (word_runs(text), hidden))


def word_cell_paragraphs(cell):
    out = []
    for p in cell["paras"]:
        if p == "":
            out.append("  <p class=MsoNormal align=center style='text-align:center'><span "
                       "lang=EN-US><o:p>&nbsp;</o:p></span></p>")
        else:
            out.append("  <p class=MsoNormal align=center style='text-align:center'>%s<span "
                       "lang=EN-US><o:p></o:p></span></p>" % word_runs(p))
    return "\n".join(out)


def word_table(rows):
    ncols = grid_columns(rows)
    width = 568 // ncols
    out = ["<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0",
           " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;",
           " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>"]
    lines = layout(rows)
    for i, line in enumerate(lines):
        flags = ("mso-yfti-firstrow:yes;" if i == 0 else "") + \
            ("mso-yfti-lastrow:yes;" if i == len(lines) - 1 else "")
        out.append(" <tr style='mso-yfti-irow:%d;%sheight:22.7pt'>" % (i, flags))
        for cell, rowspan, _header in line:
            w = width * cell["span"]
            out.append("  <td width=%d%s valign=top style='width:%.1fpt;border:solid windowtext "
                       "1.0pt;\n  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm "
                       "5.4pt;height:22.7pt'>" % (w, spans(cell, rowspan), w * 0.75))
            out.append(word_cell_paragraphs(cell))
            out.append("  </td>")
        out.append(" </tr>")
    out.append(" <![if !supportMisalignedColumns]>")
    out.append(" <tr height=0>")
    for _ in range(ncols):
        out.append("  <td width=%d style='border:none'></td>" % width)
    out.append(" </tr>")
    out.append(" <![endif]>")
    out.append("</table>")
    return "\n".join(out)


def word_page(blocks):
    title = blocks[0][1]
    body = ["<p class=MsoNormal align=center style='text-align:center'><b><span "
            "style='font-size:22.0pt;font-family:方正小标宋简体'>%s</span></b><b><span lang=EN-US "
            "style='font-size:22.0pt'><o:p></o:p></span></b></p>" % esc(title)]
    first_prose = True
    for kind, payload in blocks[1:]:
        if kind == "table":
            body.append(word_table(payload))
        elif kind == "heading":
            body.append("<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                        "<b><span style='font-family:黑体'>%s</span></b><b><span lang=EN-US>"
                        "<o:p></o:p></span></b></p>" % esc(payload))
        else:
            body.append(word_paragraph(payload, first_prose and payload != ""))
            first_prose = first_prose and payload == ""
    return """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<link rel=File-List href="report.files/filelist.xml">
<title>{title}</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>Administrator</o:Author>
  <o:Pages>6</o:Pages>
  <o:Company>本年新收政府信息公开申请数量</o:Company>
  <o:Version>16.00</o:Version>
 </o:DocumentProperties>
</xml><![endif]-->
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
  <w:DocumentKind>DocumentNotSpecified</w:DocumentKind>
  <w:DrawingGridVerticalSpacing>7.8 磅</w:DrawingGridVerticalSpacing>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-alt:SimSun;
	mso-font-charset:134;
	mso-generic-font-family:auto;
	mso-font-pitch:variable;}}
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	mso-style-parent:"";
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	mso-pagination:none;
	font-size:10.5pt;
	mso-bidi-font-size:11.0pt;
	font-family:等线;
	mso-font-kerning:1.0pt;}}
@page WordSection1
	{{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;
	mso-header-margin:42.55pt;
	mso-footer-margin:49.6pt;
	mso-paper-source:0;
	layout-grid:15.6pt;}}
div.WordSection1
	{{page:WordSection1;}}
-->
</style>
<!--[if gte mso 10]>
<style>
 /* Style Definitions */
 table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;
	mso-tstyle-colband-size:0;
	mso-style-noshow:yes;
	mso-padding-alt:0cm 5.4pt 0cm 5.4pt;}}
</style>
<![endif]-->
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{body}

</div>

</body>

</html>
""".format(title=esc(title), body="\n\n".join(body))


# --------------------------------------------------------------------------- files

def write(name, data):
    path = os.path.join(OUT_DIR, name)
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s" % path)


def gbk_copy_of_real_page():
    """The real page in GBK, declared as gb2312 the old way, figures untouched."""
    with open(os.path.join(OUT_DIR, REAL_PAGE), encoding="utf-8") as f:
        page = f.read()
    declared = '<meta charset="utf-8">'
    assert page.count(declared) == 1, "the real page's charset declaration moved"
    page = page.replace(declared,
                        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    write(REAL_PAGE.replace(".html", ".gbk.html"), page.encode("gbk"))


def main():
    root = os.getcwd()
    if not os.path.isdir(os.path.join(root, "samples")) or \
            not os.path.isdir(os.path.join(root, "scripts")):
        sys.exit("run from the repository root: python3 scripts/gen_html_fixtures.py")
    os.makedirs(OUT_DIR, exist_ok=True)
    for fn, tpl, year, agency, fig, style, _expected in gs.samples_full():
        if fn.startswith("invalid/") and fn != "invalid/T3-ROW.txt":
            continue
        blocks = gs.build_document(fig, tpl, year, agency, prose=True, style=style)
        with open(os.path.join("samples", fn), encoding="utf-8") as f:
            if f.read() != gs.render_blocks(blocks):
                sys.exit("samples/%s is not what gen_samples.py writes: run it first" % fn)
        assert blocks[0][0] == "title"
        if fn == "invalid/T3-ROW.txt":
            write("invalid-T3-ROW.html", modern_page(blocks, agency, year).encode("utf-8"))
            continue
        base = fn[:-len(".txt")]
        write(base + ".html", modern_page(blocks, agency, year).encode("utf-8"))
        write(base + ".gbk.html", old_page(blocks, agency, year).encode("gbk"))
        write(base + ".word.html", word_page(blocks).encode("gbk"))
    if os.path.exists(os.path.join(OUT_DIR, REAL_PAGE)):
        gbk_copy_of_real_page()


if __name__ == "__main__":
    main()
