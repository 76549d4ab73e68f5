#!/usr/bin/env python3
"""Generate the Word-form fixtures under tests/data/docx/.

Run from the repository root:

    python3 scripts/gen_docx_fixtures.py

The reports are the constructed samples of scripts/gen_samples.py (same figures, same
prose, same table layouts): gen_samples.build_document() gives the blocks (title, headings,
paragraphs, tables whose cells carry paragraphs, gridSpan and vMerge), and this script writes
them as Word would store them, so that every Word form of a report reads to the same cells as
its text form samples/<name>.txt.

For each report it writes
  <name>.docx              Microsoft Word style markup (rsids, runs split at digits, header,
                           footer and footnote parts, bare <w:vMerge/> continuations)
  <name>-wps.docx          WPS style markup (w14:paraId, vMerge "continue", tblPrEx on every
                           row) in the real WPS template's package (tests/data/template-2021-
                           wps.docx); 2021 tables take the template's own table, row and cell
                           properties, after checking that their merge structure is identical
  <name>-libreoffice.docx  LibreOffice style markup (TableContents paragraphs, no rsids)
  <name>.flat.xml          Flat OPC (Word's "Word XML Document"), with a base64 binary part
  <name>.word2003.xml      Word 2003 XML (w:wordDocument, wx:sect, w:vmerge)
  <name>.document.xml      a bare word/document.xml as Python's ElementTree writes it
                           (prefixes ns0, ns1 … instead of w)
and, for one report of each template, documents that exercise the reader:
  <name>-tracked.docx      unaccepted revisions (ins/del, a deleted row, deleted and moved
                           paragraphs); read as accepted they give the same report
  <name>-sdt.docx          content controls around paragraphs, a table, rows, cells and runs
  <name>-fields.docx       fields (title year, =SUM(LEFT) totals), smart tags, custom XML,
                           hyperlinks, a text box in mc:AlternateContent
  <name>-nested.docx       tables 三 and 四 inside one-cell layout tables
Malformed inputs for the error paths go to tests/data/docx/malformed/.

Everything is deterministic (fixed zip timestamps, no randomness), so re-running the script
rewrites identical files.
"""

from __future__ import annotations

import base64
import io
import os
import re
import struct
import sys
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "tests", "data", "docx")
WPS_TEMPLATE = os.path.join(ROOT, "tests", "data", "template-2021-wps.docx")

sys.path.insert(0, HERE)
try:
    import gen_samples as gs  # noqa: E402
except ImportError:  # pragma: no cover
    sys.exit("scripts/gen_samples.py is needed (it defines the sample reports)")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECLS = {
    "wpc": "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "o": "urn:schemas-microsoft-com:office:office",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "v": "urn:schemas-microsoft-com:vml",
    "wp14": "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "w10": "urn:schemas-microsoft-com:office:word",
    "w": W,
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "wpg": "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
    "wpi": "http://schemas.microsoft.com/office/word/2010/wordprocessingInk",
    "wne": "http://schemas.microsoft.com/office/word/2006/wordml",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
}
WPS_EXTRA = {"wpsCustomData": "http://www.wps.cn/officeDocument/2013/wpsCustomData"}

FIXED_TIME = (2024, 1, 1, 0, 0, 0)

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

# A 1×1 transparent PNG, for the binary part of the Flat OPC package.
PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def t(text):
    """A w:t element, preserving edge spaces."""
    sp = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    return "<w:t%s>%s</w:t>" % (sp, escape(text))


# --------------------------------------------------------------------------- flavours

class Flavour:
    """How one application writes paragraphs, runs and tables."""

    name = "word"
    continue_val = None        # vMerge continuation: None → <w:vMerge/>, else its w:val
    para_ids = False           # w14:paraId on paragraphs and rows (WPS, Word 2010+)
    rsids = True               # w:rsidR attributes (Word)
    split_digits = True        # Word gives digits their own run (ASCII font)
    row_prex = False           # WPS repeats the table borders in w:tblPrEx on every row
    cell_style = None          # paragraph style of table cells (LibreOffice: TableContents)

    def __init__(self):
        self.counter = 0

    def next_id(self):
        self.counter += 1
        return "%08X" % (0x1A2B0000 + self.counter * 7919)

    def p_attrs(self):
        out = ""
        if self.para_ids:
            out += ' w14:paraId="%s" w14:textId="77777777"' % self.next_id()
        if self.rsids:
            out += ' w:rsidR="00B52D1A" w:rsidRDefault="00B52D1A"'
        return out

    def rpr(self, kind, digits=False):
        font = "宋体"
        size = 32 if kind in ("body", "heading") else 21
        if kind == "title":
            font, size = "方正小标宋简体", 44
        if kind == "heading":
            font = "黑体"
        if kind == "cell":
            size = 20
        ascii_font = "Times New Roman" if digits else font
        hint = ' w:hint="eastAsia"' if self.name == "wps" else ""
        return ('<w:rPr><w:rFonts%s w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>'
                '<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>'
                % (hint, ascii_font, ascii_font, font, font, size, size))

    def ppr(self, kind):
        style = ""
        if kind == "cell" and self.cell_style:
            style = '<w:pStyle w:val="%s"/>' % self.cell_style
        jc = {"title": "center", "cell": "center"}.get(kind, "both")
        ind = '<w:ind w:firstLine="640"/>' if kind in ("body", "heading") else ""
        spacing = '<w:spacing w:line="560" w:lineRule="exact"/>' if kind != "cell" else ""
        return "<w:pPr>%s%s%s<w:jc w:val=\"%s\"/></w:pPr>" % (style, spacing, ind, jc)

    def runs(self, text, kind):
        if not text:
            return ""
        pieces = re.findall(r"\d+|\D+", text) if self.split_digits else [text]
        return "".join("<w:r>%s%s</w:r>" % (self.rpr(kind, p[0].isdigit()), t(p))
                       for p in pieces)

    def tbl_pr(self, width):
        return ('<w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>'
                '<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '<w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0"/></w:tblPr>'
                % width)

    def tr_open(self):
        attrs = ""
        if self.para_ids:
            attrs += ' w14:paraId="%s"' % self.next_id()
        if self.rsids:
            attrs += ' w:rsidR="00B52D1A"'
        return "<w:tr%s>" % attrs

    def row_pr(self):
        prex = ""
        if self.row_prex:
            prex = ('<w:tblPrEx><w:tblBorders><w:top w:val="single" w:color="auto" w:sz="4" '
                    'w:space="0"/><w:insideH w:val="single" w:color="auto" w:sz="4" '
                    'w:space="0"/></w:tblBorders></w:tblPrEx>')
        return prex + '<w:trPr><w:trHeight w:val="340" w:hRule="atLeast"/><w:jc w:val="center"/></w:trPr>'

    def vmerge(self, v):
        if v == "restart":
            return '<w:vMerge w:val="restart"/>'
        if v == "continue":
            return ('<w:vMerge/>' if self.continue_val is None
                    else '<w:vMerge w:val="%s"/>' % self.continue_val)
        return ""

    def tc_pr(self, cell, width):
        span = '<w:gridSpan w:val="%d"/>' % cell["span"] if cell["span"] > 1 else ""
        valign = "center" if cell.get("valign", "center") == "center" else "top"
        return ('<w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s%s<w:vAlign w:val="%s"/></w:tcPr>'
                % (width, span, self.vmerge(cell["vmerge"]), valign))


class WordFlavour(Flavour):
    name = "word"


class WpsFlavour(Flavour):
    name = "wps"
    continue_val = "continue"
    para_ids = True
    rsids = False
    split_digits = False
    row_prex = True


class LibreOfficeFlavour(Flavour):
    name = "libreoffice"
    rsids = False
    split_digits = False
    cell_style = "TableContents"


# --------------------------------------------------------------------------- WPS template

def _template_tables():
    """The real WPS template's tables: per table (tblPr+tblGrid, [(row head, [tcPr])])."""
    with zipfile.ZipFile(WPS_TEMPLATE) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    tables = []
    for tbl in re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S):
        head = re.match(r"<w:tbl>(<w:tblPr>.*?</w:tblPr><w:tblGrid>.*?</w:tblGrid>)", tbl,
                        flags=re.S).group(1)
        rows = []
        for tr in re.findall(r"<w:tr[ >].*?</w:tr>", tbl, flags=re.S):
            row_head = re.match(r"<w:tr[^>]*>((?:<w:tblPrEx>.*?</w:tblPrEx>)?"
                                r"(?:<w:trPr>.*?</w:trPr>)?)", tr, flags=re.S).group(1)
            cells = []
            for tc in re.findall(r"<w:tc>.*?</w:tc>", tr, flags=re.S):
                tcpr = re.match(r"<w:tc>(<w:tcPr>.*?</w:tcPr>)", tc, flags=re.S).group(1)
                ppr = re.search(r"<w:p [^>]*><w:pPr>(.*?)</w:pPr>", tc, flags=re.S)
                cells.append((tcpr, ppr.group(1) if ppr else ""))
            rows.append((row_head, cells))
        tables.append((head, rows))
    return tables


def _shape_of_template_row(cells):
    shape = []
    for tcpr, _ppr in cells:
        span = re.search(r'<w:gridSpan w:val="(\d+)"', tcpr)
        vm = re.search(r'<w:vMerge(?: w:val="(\w+)")?/>', tcpr)
        shape.append((int(span.group(1)) if span else 1,
                      (vm.group(1) or "continue") if vm else None))
    return shape


def _shape_of_rows(rows):
    return [[(c["span"], c["vmerge"]) for c in row] for row in rows]


TEMPLATE_TABLES = None


def template_props_for(rows):
    """The WPS template's properties for a table of the same merge structure, or None."""
    global TEMPLATE_TABLES
    if TEMPLATE_TABLES is None:
        TEMPLATE_TABLES = _template_tables()
    want = _shape_of_rows(rows)
    for head, trows in TEMPLATE_TABLES:
        if [_shape_of_template_row(c) for _h, c in trows] == want:
            return head, trows
    return None


# --------------------------------------------------------------------------- document.xml

class Features:
    def __init__(self, names=()):
        self.names = set(names)

    def __contains__(self, name):
        return name in self.names


def grid_widths(rows, total=9000):
    n = sum(c["span"] for c in rows[0])
    base = total // n
    return [base] * n


class DocumentWriter:
    """Renders gen_samples blocks as WordprocessingML for one flavour and feature set."""

    def __init__(self, flavour, features=Features(), year=None):
        self.f = flavour
        self.features = features
        self.year = year
        self.table_index = -1
        self.body_index = 0
        self.rev = 0

    def rev_attrs(self):
        self.rev += 1
        return ' w:id="%d" w:author="审核人" w:date="2024-01-15T09:00:00Z"' % self.rev

    # ---- paragraphs

    def paragraph(self, text, kind, ppr=None, extra_runs=""):
        runs = self.f.runs(text, kind)
        return "<w:p%s>%s%s%s</w:p>" % (self.f.p_attrs(), ppr if ppr is not None
                                         else self.f.ppr(kind), runs, extra_runs)

    def title(self, text):
        if "fields" in self.features and self.year and str(self.year) in text:
            # The year as a DOCPROPERTY field with its cached result, and a text box that is
            # not body text.
            before, after = text.split(str(self.year), 1)
            field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                     '<w:r><w:instrText xml:space="preserve"> DOCPROPERTY  ReportYear  \\* '
                     'MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
                     '</w:r><w:r>%s%s</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
                     % (self.f.rpr("title", True), t(str(self.year))))
            box = self.text_box("内部资料 注意保存")
            return "<w:p%s>%s%s%s%s%s</w:p>" % (self.f.p_attrs(), self.f.ppr("title"), box,
                                               self.f.runs(before, "title"), field,
                                               self.f.runs(after, "title"))
        if "tracked" in self.features and self.year and str(self.year) in text:
            before, after = text.split(str(self.year), 1)
            return ("<w:p%s>%s%s<w:del%s><w:r>%s<w:delText>%d</w:delText></w:r></w:del>"
                    "<w:ins%s><w:r>%s%s</w:r></w:ins>%s</w:p>"
                    % (self.f.p_attrs(), self.f.ppr("title"), self.f.runs(before, "title"),
                       self.rev_attrs(), self.f.rpr("title", True), self.year - 1,
                       self.rev_attrs(), self.f.rpr("title", True), t(str(self.year)),
                       self.f.runs(after, "title")))
        return self.paragraph(text, "title")

    def text_box(self, text):
        inner = "<w:p><w:r>%s</w:r></w:p>" % t(text)
        return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor '
                'distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" '
                'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" '
                'y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>5400000</wp:posOffset>'
                '</wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>540000'
                '</wp:posOffset></wp:positionV><wp:extent cx="1260000" cy="360000"/><wp:wrapNone/>'
                '<wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.'
                'microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
                '<w:txbxContent>%s</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
                '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
                '<w:pict><v:shape id="文本框 1" style="position:absolute;width:99pt;height:28pt">'
                '<v:textbox><w:txbxContent>%s</w:txbxContent></v:textbox></v:shape></w:pict>'
                '</mc:Fallback></mc:AlternateContent></w:r>' % (inner, inner))

    def body_paragraph(self, text, kind):
        self.body_index += 1
        if not text:
            return "<w:p%s>%s</w:p>" % (self.f.p_attrs(), self.f.ppr(kind))
        if "tracked" in self.features and kind == "body" and "统计期限" in text:
            # A paragraph that was deleted (runs and mark), one that was moved here, and an
            # insertion at the end of this one.
            cut = text.index("本报告电子版")
            head, tail = text[:cut], text[cut:]
            deleted = ('<w:p%s><w:pPr><w:rPr><w:del%s/></w:rPr></w:pPr><w:del%s><w:r>'
                       '<w:delText>本报告初稿由办公室起草。</w:delText></w:r></w:del></w:p>'
                       % (self.f.p_attrs(), self.rev_attrs(), self.rev_attrs()))
            return deleted + ("<w:p%s>%s%s<w:ins%s>%s</w:ins></w:p>"
                              % (self.f.p_attrs(), self.f.ppr(kind), self.f.runs(head, kind),
                                 self.rev_attrs(), self.f.runs(tail, kind)))
        if "tracked" in self.features and kind == "heading" and text.startswith("五、"):
            # Moved: the old location is a moveFrom paragraph, the new one moveTo.
            moved_from = ('<w:p%s><w:pPr><w:rPr><w:moveFrom%s/></w:rPr></w:pPr>'
                          '<w:moveFrom%s><w:r><w:t>%s</w:t></w:r></w:moveFrom></w:p>'
                          % (self.f.p_attrs(), self.rev_attrs(), self.rev_attrs(), escape(text)))
            return moved_from + ("<w:p%s>%s<w:moveTo%s>%s</w:moveTo></w:p>"
                                 % (self.f.p_attrs(), self.f.ppr(kind), self.rev_attrs(),
                                    self.f.runs(text, kind)))
        if "smarttags" in self.features and kind == "body":
            p = self.smart_paragraph(text)
        else:
            p = self.paragraph(text, kind)
        if "sdt" in self.features and kind == "heading":
            return ('<w:sdt><w:sdtPr><w:alias w:val="章节标题"/><w:tag w:val="heading"/>'
                    '<w:id w:val="%d"/></w:sdtPr><w:sdtContent>%s</w:sdtContent></w:sdt>'
                    % (1000 + self.body_index, p))
        if "fields" in self.features and kind == "body" and self.body_index % 3 == 0:
            return ('<w:customXml w:uri="urn:xxgk:report" w:element="section">'
                    '<w:customXmlPr><w:attr w:name="n" w:val="%d"/></w:customXmlPr>%s'
                    '</w:customXml>' % (self.body_index, p))
        return p

    def smart_paragraph(self, text):
        """Numbers in smart tags, the portal name in a hyperlink, a date in a fldSimple."""
        out = []
        for piece in re.findall(r"\d+|\D+", text):
            if piece[0].isdigit():
                out.append('<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" '
                           'w:element="chmetcnv"><w:smartTagPr><w:attr w:name="TCSC" w:val="0"/>'
                           '<w:attr w:name="NumberType" w:val="1"/><w:attr w:name="HasSpace" '
                           'w:val="False"/><w:attr w:name="SourceValue" w:val="%s"/>'
                           '</w:smartTagPr>%s</w:smartTag>' % (piece, self.f.runs(piece, "body")))
                continue
            m = re.search(r"\S+?(门户网站|政府信息公开专栏)", piece)
            if m:
                out.append(self.f.runs(piece[:m.start()], "body"))
                out.append('<w:hyperlink r:id="rIdLink" w:history="1">%s</w:hyperlink>'
                           % self.f.runs(m.group(0), "body"))
                out.append(self.f.runs(piece[m.end():], "body"))
            else:
                out.append(self.f.runs(piece, "body"))
        return "<w:p%s>%s%s</w:p>" % (self.f.p_attrs(), self.f.ppr("body"), "".join(out))

    # ---- tables

    def value_runs(self, cell, path, text):
        """Run content of a value cell, with the feature-specific markup."""
        runs = self.f.runs(text, "cell")
        if "fields" in self.features and path and path.endswith(".total") \
                and path.startswith("requests.") and text.isdigit():
            return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText '
                    'xml:space="preserve"> =SUM(LEFT) </w:instrText></w:r><w:r><w:fldChar '
                    'w:fldCharType="separate"/></w:r>%s<w:r><w:fldChar w:fldCharType="end"/>'
                    '</w:r>' % runs)
        if "tracked" in self.features and path and path.startswith("requests.granted.") \
                and text.isdigit():
            return ("<w:del%s><w:r>%s<w:delText>%d</w:delText></w:r></w:del><w:ins%s>%s</w:ins>"
                    % (self.rev_attrs(), self.f.rpr("cell", True), int(text) + 3,
                       self.rev_attrs(), runs))
        if "sdt" in self.features and path and path.startswith("active."):
            return ('<w:sdt><w:sdtPr><w:alias w:val="数值"/><w:id w:val="%d"/><w:text/></w:sdtPr>'
                    '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (2000 + self.rev_counter(), runs))
        return runs

    def rev_counter(self):
        self.rev += 1
        return self.rev

    def cell(self, c, width, tcpr=None, ppr=None):
        path = c.get("path")
        paras = c["paras"] or [""]
        body = []
        for text in paras:
            runs = self.value_runs(c, path, text) if (path and text) else self.f.runs(text, "cell")
            pp = ("<w:pPr>%s</w:pPr>" % ppr) if ppr is not None else self.f.ppr("cell")
            body.append("<w:p%s>%s%s</w:p>" % (self.f.p_attrs(), pp, runs))
        tc = "<w:tc>%s%s</w:tc>" % (tcpr if tcpr is not None else self.f.tc_pr(c, width),
                                     "".join(body))
        if "sdt" in self.features and path and path.startswith("review_litigation."):
            tc = ('<w:sdt><w:sdtPr><w:alias w:val="复议诉讼"/><w:id w:val="%d"/></w:sdtPr>'
                  '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (3000 + self.rev_counter(), tc))
        return tc

    def table(self, rows):
        self.table_index += 1
        props = template_props_for(rows) if self.f.name == "wps" else None
        widths = grid_widths(rows)
        if props:
            head, trows = props
        else:
            head = self.f.tbl_pr(sum(widths)) + "<w:tblGrid>%s</w:tblGrid>" % "".join(
                '<w:gridCol w:w="%d"/>' % w for w in widths)
        out_rows = []
        for ri, row in enumerate(rows):
            cells = []
            col = 0
            for ci, c in enumerate(row):
                width = sum(widths[col:col + c["span"]])
                col += c["span"]
                if props:
                    tcpr, ppr = trows[ri][1][ci]
                    cells.append(self.cell(c, width, tcpr, ppr))
                else:
                    cells.append(self.cell(c, width))
            row_head = trows[ri][0] if props else self.f.row_pr()
            tr = "%s%s%s</w:tr>" % (self.f.tr_open(), row_head, "".join(cells))
            if "sdt" in self.features and self.table_index == 1 and row and \
                    any(x["paras"] and x["paras"][-1].startswith(("1.", "2.", "3."))
                        for x in row):
                tr = ('<w:sdt><w:sdtPr><w:alias w:val="明细行"/><w:id w:val="%d"/></w:sdtPr>'
                      '<w:sdtContent>%s</w:sdtContent></w:sdt>' % (4000 + self.rev_counter(), tr))
            out_rows.append(tr)
            if "tracked" in self.features and self.table_index == 1 and \
                    row[0]["paras"] and row[0]["paras"][-1].startswith("二、上年结转"):
                # A row that a reviewer deleted: read as accepted, it is gone.
                ncols = sum(c["span"] for c in rows[0])
                dead = "".join(self.cell(gs.C("（删除的行）" if i == 0 else "9"), widths[0])
                               for i in range(ncols))
                out_rows.append('%s<w:trPr><w:del%s/></w:trPr>%s</w:tr>'
                                % (self.f.tr_open(), self.rev_attrs(), dead))
        xml = "<w:tbl>%s%s</w:tbl>" % (head, "".join(out_rows))
        if "sdt" in self.features and self.table_index == 0:
            xml = ('<w:sdt><w:sdtPr><w:alias w:val="主动公开表"/><w:id w:val="5000"/></w:sdtPr>'
                   '<w:sdtContent>%s</w:sdtContent></w:sdt>' % xml)
        if "nested" in self.features and self.table_index in (1, 2):
            # A one-cell layout table around the real table; Word needs a paragraph after a
            # table inside a cell.
            xml = ('<w:tbl><w:tblPr><w:tblW w:w="9200" w:type="dxa"/><w:tblBorders>'
                   '<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                   '<w:right w:val="nil"/></w:tblBorders></w:tblPr><w:tblGrid><w:gridCol '
                   'w:w="9200"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="9200" w:type="dxa"/>'
                   '</w:tcPr>%s<w:p/></w:tc></w:tr></w:tbl>' % xml)
        return xml

    # ---- document

    def document(self, blocks):
        body = []
        for kind, payload in blocks:
            if kind == "title":
                body.append(self.title(payload))
            elif kind == "heading":
                body.append(self.body_paragraph(payload, "heading"))
            elif kind == "p":
                body.append(self.body_paragraph(payload, "body"))
            elif kind == "table":
                body.append(self.table(payload))
            else:
                raise ValueError(kind)
        if self.f.name == "word":
            # Word's _GoBack bookmark and a footnote reference in the last paragraph.
            last = body[-1]
            body[-1] = last[:-len("</w:p>")] + (
                '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                '<w:footnoteReference w:id="1"/></w:r></w:p>')
        sect = ('<w:sectPr%s>%s<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" '
                'w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1417" '
                'w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" '
                'w:linePitch="312"/></w:sectPr>'
                % (' w:rsidR="00B52D1A"' if self.f.rsids else "",
                   '<w:headerReference w:type="default" r:id="rIdHeader1"/>'
                   '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
                   if self.f.name == "word" else ""))
        decls = dict(NS_DECLS)
        if self.f.name == "wps":
            decls.update(WPS_EXTRA)
        ns = " ".join("xmlns:%s=%s" % (k, quoteattr(v)) for k, v in decls.items())
        return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document %s mc:Ignorable="w14 w15 wp14"><w:body>%s%s</w:body></w:document>'
                % (ns, "".join(body), sect))


# --------------------------------------------------------------------------- packages

def rels(items):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
            '"http://schemas.openxmlformats.org/package/2006/relationships">%s</Relationships>'
            % "".join('<Relationship Id="%s" Type="%s" Target="%s"%s/>'
                      % (i, ty, quoteattr(tg)[1:-1], ' TargetMode="External"' if ext else "")
                      for i, ty, tg, ext in items))


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="%s">'
          '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" '
          'w:eastAsia="宋体" w:hAnsi="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/>'
          '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
          '<w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="TableContents"><w:name w:val="Table Contents"/>'
          '<w:basedOn w:val="Normal"/></w:style><w:style w:type="character" '
          'w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign '
          'w:val="superscript"/></w:rPr></w:style></w:styles>' % W)

HEADER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="%s"><w:p>'
          '<w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>页眉：政府信息公开工作年度报告</w:t>'
          '</w:r></w:p></w:hdr>' % W)
FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="%s"><w:p>'
          '<w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
          '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r>'
          '<w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r>'
          '</w:p></w:ftr>' % W)
FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="%s">'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
             '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p>'
             '<w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 脚注：本报告数据截至'
             '12月31日。</w:t></w:r></w:p></w:footnote></w:footnotes>' % W)


def app_xml(application):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
            'schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>%s'
            '</Application><DocSecurity>0</DocSecurity></Properties>' % escape(application))


def core_xml(title):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp='
            '"http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc='
            '"http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>%s</dc:title>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-15T09:00:00Z</dcterms:created>'
            '</cp:coreProperties>' % escape(title))


def content_types(overrides):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://'
            'schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default '
            'Extension="xml" ContentType="application/xml"/><Default Extension="png" '
            'ContentType="image/png"/>%s</Types>'
            % "".join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides))


WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml."


def word_parts(document_xml, title, application, with_notes):
    """The parts of a Word- or LibreOffice-written package."""
    doc_rels = [("rIdStyles", REL_BASE + "styles", "styles.xml", False),
                ("rIdLink", REL_BASE + "hyperlink", "http://www.example.gov.cn/xxgk/", True)]
    overrides = [("/word/document.xml", CT_MAIN), ("/word/styles.xml", WML_CT + "styles+xml"),
                 ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
                 ("/docProps/app.xml",
                  "application/vnd.openxmlformats-officedocument.extended-properties+xml")]
    parts = [("word/styles.xml", STYLES)]
    if with_notes:
        doc_rels += [("rIdHeader1", REL_BASE + "header", "header1.xml", False),
                     ("rIdFooter1", REL_BASE + "footer", "footer1.xml", False),
                     ("rIdNotes", REL_BASE + "footnotes", "footnotes.xml", False)]
        overrides += [("/word/header1.xml", WML_CT + "header+xml"),
                      ("/word/footer1.xml", WML_CT + "footer+xml"),
                      ("/word/footnotes.xml", WML_CT + "footnotes+xml")]
        parts += [("word/header1.xml", HEADER), ("word/footer1.xml", FOOTER),
                  ("word/footnotes.xml", FOOTNOTES)]
    return ([("[Content_Types].xml", content_types(overrides)),
             ("_rels/.rels", rels([("rId1", REL_DOC, "word/document.xml", False),
                                   ("rId2", "http://schemas.openxmlformats.org/package/2006/"
                                    "relationships/metadata/core-properties", "docProps/core.xml",
                                    False),
                                   ("rId3", REL_BASE + "extended-properties", "docProps/app.xml",
                                    False)])),
             ("docProps/core.xml", core_xml(title)), ("docProps/app.xml", app_xml(application)),
             ("word/document.xml", document_xml),
             ("word/_rels/document.xml.rels", rels(doc_rels))] + parts)


def wps_parts(document_xml):
    """The real WPS template's package with our document.xml."""
    out = []
    with zipfile.ZipFile(WPS_TEMPLATE) as z:
        for info in z.infolist():
            data = z.read(info.filename)
            if info.filename == "word/document.xml":
                data = document_xml
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.decode("utf-8").replace(
                    "</Relationships>",
                    '<Relationship Id="rIdLink" Type="%shyperlink" Target="http://www.example.gov'
                    '.cn/xxgk/" TargetMode="External"/></Relationships>' % REL_BASE)
            out.append((info.filename, data))
    return out


def write_zip(path, parts):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    write_bytes(path, buf.getvalue())
    return buf.getvalue()


def write_bytes(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def write_text(path, text):
    write_bytes(path, text.encode("utf-8"))


def strip_decl(xml):
    return re.sub(r"^<\?xml[^>]*\?>\s*", "", xml)


def flat_opc(document_xml, title):
    """Word's "Word XML Document" (Flat OPC): every part inline, binary parts in base64."""
    b64 = base64.encodebytes(PNG_1X1).decode("ascii")
    parts = [
        ("/_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml",
         rels([("rId1", REL_DOC, "word/document.xml", False),
               ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties", "docProps/core.xml", False)])),
        ("/word/_rels/document.xml.rels",
         "application/vnd.openxmlformats-package.relationships+xml",
         rels([("rIdStyles", REL_BASE + "styles", "styles.xml", False),
               ("rIdImage", REL_BASE + "image", "media/image1.png", False),
               ("rIdLink", REL_BASE + "hyperlink", "http://www.example.gov.cn/xxgk/", True)])),
        ("/word/document.xml", CT_MAIN, document_xml),
        ("/word/styles.xml", WML_CT + "styles+xml", STYLES),
        ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml",
         core_xml(title)),
    ]
    out = ['<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
           '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">']
    for name, ct, xml in parts:
        out.append('<pkg:part pkg:name="%s" pkg:contentType="%s"%s><pkg:xmlData>%s</pkg:xmlData>'
                   '</pkg:part>' % (name, ct, ' pkg:padding="256"' if "rels" in name else "",
                                    strip_decl(xml)))
    out.append('<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png" '
               'pkg:compression="store"><pkg:binaryData>%s</pkg:binaryData></pkg:part>' % b64)
    out.append("</pkg:package>")
    return "\n".join(out)


def elementtree_document(document_xml):
    """The document as ElementTree re-serializes it: ns0:, ns1: … prefixes."""
    root = ET.fromstring(document_xml.encode("utf-8"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# --------------------------------------------------------------------------- Word 2003 XML

def word2003(blocks, title):
    def runs(text):
        return "<w:r><w:t>%s</w:t></w:r>" % escape(text) if text else ""

    def para(text, jc=None):
        ppr = '<w:pPr><w:jc w:val="%s"/></w:pPr>' % jc if jc else ""
        return "<w:p>%s%s</w:p>" % (ppr, runs(text))

    body = []
    for kind, payload in blocks:
        if kind == "title":
            body.append(para(payload, "center"))
        elif kind in ("heading", "p"):
            body.append(para(payload))
        else:
            ncols = sum(c["span"] for c in payload[0])
            rows = []
            for row in payload:
                cells = []
                for c in row:
                    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % (900 * c["span"])
                    if c["span"] > 1:
                        pr += '<w:gridSpan w:val="%d"/>' % c["span"]
                    if c["vmerge"] == "restart":
                        pr += '<w:vmerge w:val="restart"/>'
                    elif c["vmerge"] == "continue":
                        pr += "<w:vmerge/>"
                    pr += '<w:vAlign w:val="center"/>'
                    cells.append("<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>"
                                 % (pr, "".join(para(x, "center") for x in (c["paras"] or [""]))))
                rows.append("<w:tr>%s</w:tr>" % "".join(cells))
            body.append('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top '
                        'w:val="single" w:sz="4" wx:bdrwidth="10" w:space="0" w:color="auto"/>'
                        '</w:tblBorders></w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>'
                        % ('<w:gridCol w:w="900"/>' * ncols, "".join(rows)))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<?mso-application progid="Word.Document"?>\n'
            '<w:wordDocument xmlns:aml="http://schemas.microsoft.com/aml/2001/core" '
            'xmlns:dt="uuid:C2F41010-65B3-11d1-A29F-00AA00C14882" '
            'xmlns:ve="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:v="urn:schemas-microsoft-com:vml" '
            'xmlns:w10="urn:schemas-microsoft-com:office:word" '
            'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
            'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
            'xmlns:wsp="http://schemas.microsoft.com/office/word/2003/wordml/sp2" '
            'xmlns:sl="http://schemas.microsoft.com/schemaLibrary/2003/core" '
            'w:macrosPresent="no" w:embeddedObjPresent="no" w:ocxPresent="no" '
            'xml:space="preserve">\n<o:DocumentProperties><o:Title>%s</o:Title>'
            '</o:DocumentProperties>\n<w:fonts><w:defaultFonts w:ascii="Times New Roman" '
            'w:fareast="宋体" w:h-ansi="Times New Roman" w:cs="Times New Roman"/></w:fonts>\n'
            '<w:docPr><w:view w:val="print"/></w:docPr>\n<w:body><wx:sect>\n%s\n'
            '<w:sectPr><w:hdr w:type="odd"><w:p><w:r><w:t>页眉</w:t></w:r></w:p></w:hdr>'
            '<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></wx:sect></w:body></w:wordDocument>\n'
            % (escape(title), "\n".join(body)))


# --------------------------------------------------------------------------- malformed

def ole_file(stream_names):
    """A compound file header and one directory sector naming the streams (what the reader
    looks at); not a complete CFB, which the reader never needs."""
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)        # FAT sectors
    struct.pack_into("<I", header, 48, 1)        # first directory sector
    struct.pack_into("<I", header, 56, 4096)     # mini stream cutoff
    struct.pack_into("<I", header, 60, 0xFFFFFFFE)
    struct.pack_into("<I", header, 68, 0xFFFFFFFE)
    struct.pack_into("<I", header, 76, 0)        # DIFAT[0]: FAT in sector 0
    for i in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * i, 0xFFFFFFFF)
    fat = bytearray(b"\xFF" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    directory = bytearray(512)
    for i, name in enumerate(["Root Entry"] + stream_names[:3]):
        entry = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        entry[0:len(encoded)] = encoded
        struct.pack_into("<HBB", entry, 64, len(encoded), 5 if i == 0 else 2, 1)
        struct.pack_into("<III", entry, 68, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF)
        directory[128 * i:128 * (i + 1)] = entry
    return bytes(header + fat + directory)


def malformed(good_docx):
    out = os.path.join(OUT, "malformed")
    # A deflate bomb: 80 MiB of spaces in document.xml (about 80 KiB compressed).
    big = b'<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>' % W.encode() + \
        b" " * (80 << 20) + b"</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", big)]:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=9)
    bomb = buf.getvalue()
    write_bytes(os.path.join(out, "bomb.docx"), bomb)
    # The same entry whose headers claim 1000 bytes: the reader must count what it inflates.
    lying = bytearray(bomb)
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = 0
        while True:
            pos = lying.find(sig, pos)
            if pos < 0:
                break
            name_len = struct.unpack_from("<H", lying, pos + (26 if sig == b"PK\x03\x04" else 28))[0]
            name_at = pos + (30 if sig == b"PK\x03\x04" else 46)
            if bytes(lying[name_at:name_at + name_len]) == b"word/document.xml":
                struct.pack_into("<I", lying, pos + size_at, 1000)
            pos += 4
    write_bytes(os.path.join(out, "lying-sizes.docx"), bytes(lying))
    write_bytes(os.path.join(out, "truncated.docx"), good_docx[:len(good_docx) // 2])
    write_zip(os.path.join(out, "no-document.docx"),
              [("[Content_Types].xml", "<Types/>"), ("word/styles.xml", STYLES)])
    write_zip(os.path.join(out, "malformed-xml.docx"),
              [("[Content_Types].xml", "<Types/>"),
               ("word/document.xml", '<?xml version="1.0"?>\n<w:document xmlns:w="%s">\n'
                '<w:body><w:p><w:r><w:t>未闭合</w:r></w:p></w:body></w:document>' % W)])
    write_bytes(os.path.join(out, "encrypted.docx"),
                ole_file(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    write_bytes(os.path.join(out, "legacy-doc.docx"),
                ole_file(["WordDocument", "1Table", "\x05SummaryInformation"]))


# --------------------------------------------------------------------------- main

FEATURE_DOCS = [("tracked", ["tracked"]), ("sdt", ["sdt"]), ("fields", ["fields", "smarttags"]),
                ("nested", ["nested"])]


def check_xml(name, xml):
    try:
        ET.fromstring(xml.encode("utf-8") if isinstance(xml, str) else xml)
    except ET.ParseError as e:  # pragma: no cover
        raise SystemExit("%s: generated XML is not well-formed: %s" % (name, e))


def main():
    if not os.path.exists(WPS_TEMPLATE):
        sys.exit("missing %s" % WPS_TEMPLATE)
    os.makedirs(OUT, exist_ok=True)
    written = []
    feature_done = set()
    first_docx = None
    for fn, template, year, agency, fig, style, expected in gs.samples_full():
        if fn.startswith("invalid/"):
            continue
        base = fn[:-len(".txt")]
        blocks = gs.build_document(fig, template, year, agency, prose=True, style=style)
        title = blocks[0][1]

        def document(flavour, features=()):
            xml = DocumentWriter(flavour, Features(features), year).document(blocks)
            check_xml(base, xml)
            return xml

        word = document(WordFlavour())
        data = write_zip(os.path.join(OUT, base + ".docx"),
                         word_parts(word, title, "Microsoft Office Word", True))
        first_docx = first_docx or data
        written.append(base + ".docx")

        wps = document(WpsFlavour())
        if template == "2021":
            # The 2021 tables must have taken the real template's properties.
            for i, rows in enumerate(b for k, b in blocks if k == "table"):
                assert template_props_for(rows), "%s: table %d differs from the WPS template" % (
                    base, i)
        write_zip(os.path.join(OUT, base + "-wps.docx"), wps_parts(wps))
        written.append(base + "-wps.docx")

        lo = document(LibreOfficeFlavour())
        write_zip(os.path.join(OUT, base + "-libreoffice.docx"),
                  word_parts(lo, title, "LibreOffice/7.4.7.2$Linux_X86_64", False))
        written.append(base + "-libreoffice.docx")

        flat = flat_opc(word, title)
        check_xml(base, flat)
        write_text(os.path.join(OUT, base + ".flat.xml"), flat)
        written.append(base + ".flat.xml")

        w2003 = word2003(blocks, title)
        check_xml(base, w2003)
        write_text(os.path.join(OUT, base + ".word2003.xml"), w2003)
        written.append(base + ".word2003.xml")

        write_text(os.path.join(OUT, base + ".document.xml"), elementtree_document(word))
        written.append(base + ".document.xml")

        if template not in feature_done and base != "qingshan-county-2022":
            feature_done.add(template)
            for suffix, features in FEATURE_DOCS:
                xml = document(WordFlavour(), features)
                write_zip(os.path.join(OUT, "%s-%s.docx" % (base, suffix)),
                          word_parts(xml, title, "Microsoft Office Word", True))
                written.append("%s-%s.docx" % (base, suffix))

    malformed(first_docx)
    for name in written:
        print("wrote tests/data/docx/%s" % name)
    print("wrote tests/data/docx/malformed/*")


if __name__ == "__main__":
    main()
