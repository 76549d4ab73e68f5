#!/usr/bin/env python3
"""Makes lishui-bureau-2020-errors.docx (run from this directory; the output is committed).

It is tests/data/docx/lishui-bureau-2020.docx (a Word report of the 2019 template without
findings) with cells changed so that every severity shows up in a Word input:
  表三 一、本年新收 · 总计 62 → 63        errors T3-ROW and T3-BAL (and the prose, P-FIGURE)
  表四 行政复议 · 总计 4 → 5             error  T4-SUM-A
  表二 规章 · 本年新制作数量 0 → (blank)  warning T2-EMPTY
  表三 label 4.无正当理由大量反复申请 → 反覆  info   EXTRACT-FUZZY
"""

import os
import re
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "..", "data", "docx", "lishui-bureau-2020.docx")
OUT = os.path.join(HERE, "lishui-bureau-2020-errors.docx")


def edit_cell(xml, table, index, old, new):
    """Replaces the text of the index-th <w:tc> of the table-th <w:tbl> (it must read `old`)."""
    starts = [m.start() for m in re.finditer(r"<w:tbl>", xml)]
    start = starts[table]
    end = xml.find("</w:tbl>", start)
    cells = list(re.finditer(r"<w:tc>.*?</w:tc>", xml[start:end], flags=re.S))
    cell = cells[index]
    text = cell.group(0)
    assert "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", text)) == old, (table, index)
    runs = list(re.finditer(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)", text))
    first = runs[0]
    changed = text[: first.start(2)] + new + text[first.end(2):]
    for r in reversed(runs[1:]):  # the other runs of the cell become empty
        shift = len(new) - len(first.group(2))
        changed = changed[: r.start(2) + shift] + changed[r.end(2) + shift:]
    a = start + cell.start()
    return xml[:a] + changed + xml[a + len(text):]


def find_cell(xml, table, text):
    starts = [m.start() for m in re.finditer(r"<w:tbl>", xml)]
    end = xml.find("</w:tbl>", starts[table])
    cells = re.findall(r"<w:tc>.*?</w:tc>", xml[starts[table]:end], flags=re.S)
    for i, c in enumerate(cells):
        if "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", c)) == text:
            return i
    raise KeyError(text)


with zipfile.ZipFile(SRC) as src:
    items = [(info, src.read(info.filename)) for info in src.infolist()]

out = []
for info, data in items:
    if info.filename == "word/document.xml":
        xml = data.decode("utf-8")
        xml = edit_cell(xml, 1, 21, "62", "63")
        xml = edit_cell(xml, 2, 28, "4", "5")
        xml = edit_cell(xml, 0, 6, "0", "")
        label = find_cell(xml, 1, "4.无正当理由大量反复申请")
        xml = edit_cell(xml, 1, label, "4.无正当理由大量反复申请", "4.无正当理由大量反覆申请")
        data = xml.encode("utf-8")
    out.append((info, data))

with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as dst:
    for info, data in out:
        dst.writestr(info, data)
print("wrote", OUT)
