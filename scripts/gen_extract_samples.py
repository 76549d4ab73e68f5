#!/usr/bin/env python3
"""Writes samples/invalid/EXTRACT-*.txt: copies of samples/qingshan-county-2022.txt (a correct
2021-template report in the Tika text form) with one extraction problem each, so that each file
triggers exactly one EXTRACT-* diagnostic. Run from the repository root after gen_samples.py."""

from pathlib import Path

BASE = Path("samples/qingshan-county-2022.txt")
OUT = Path("samples/invalid")


def lines():
    return BASE.read_text(encoding="utf-8").split("\n")


def index_of(ls, text, start=0):
    for i in range(start, len(ls)):
        if ls[i] == text:
            return i
    raise SystemExit(f"{BASE}: line {text!r} not found")


def row_span(ls, label):
    """The label line of a table-三 row and its 7 value lines."""
    i = index_of(ls, "\t" + label)
    return i, i + 8


def write(rule, ls):
    (OUT / f"{rule}.txt").write_text("\n".join(ls), encoding="utf-8")


def main():
    # EXTRACT-TABLE: section 四 keeps its heading and prose, but its table is gone.
    ls = lines()
    start = index_of(ls, "四、政府信息公开行政复议、行政诉讼情况")
    end = index_of(ls, "五、存在的主要问题及改进情况")
    table = [i for i in range(start + 1, end) if ls[i].startswith("\t")]
    del ls[table[0] : table[-1] + 1]
    write("EXTRACT-TABLE", ls)

    # EXTRACT-ROW: the row 2.重复申请 (label and values) is missing.
    ls = lines()
    i, j = row_span(ls, "2.重复申请")
    del ls[i:j]
    write("EXTRACT-ROW", ls)

    # EXTRACT-COLUMN: the row 一、本年新收 has six value cells instead of seven.
    ls = lines()
    i, _ = row_span(ls, "一、本年新收政府信息公开申请数量")
    del ls[i + 3]
    write("EXTRACT-COLUMN", ls)

    # EXTRACT-LAYOUT: table 四 has 14 values instead of 15.
    ls = lines()
    start = index_of(ls, "四、政府信息公开行政复议、行政诉讼情况")
    end = index_of(ls, "五、存在的主要问题及改进情况")
    cells = [i for i in range(start + 1, end) if ls[i].startswith("\t")]
    del ls[cells[-3]]
    write("EXTRACT-LAYOUT", ls)

    # EXTRACT-FUZZY: a typo in a row label (反复 → 反覆).
    ls = lines()
    i = index_of(ls, "\t4.无正当理由大量反复申请")
    ls[i] = "\t4.无正当理由大量反覆申请"
    write("EXTRACT-FUZZY", ls)

    # EXTRACT-UNKNOWN: an extra row in table 二 that the template does not have.
    ls = lines()
    i = index_of(ls, "\t行政规范性文件")
    ls[i + 4 : i + 4] = ["", "\t其他主动公开文件", "\t3", "\t1", "\t9"]
    write("EXTRACT-UNKNOWN", ls)

    # EXTRACT-DUPLICATE: the row 2.重复申请 appears twice (same figures).
    ls = lines()
    i, j = row_span(ls, "2.重复申请")
    ls[j:j] = [""] + ls[i:j]
    write("EXTRACT-DUPLICATE", ls)

    # EXTRACT-TITLE: the title has no year.
    ls = lines()
    ls[0] = "青山县人民政府政府信息公开工作年度报告"
    write("EXTRACT-TITLE", ls)

    # EXTRACT-SUBTOTAL: a subtotal row for （三）不予公开 whose figures do not add up.
    ls = lines()
    i = index_of(ls, "\t（三）不予公开")
    ls[i - 1 : i - 1] = ["\t（三）不予公开", "\t99", "\t0", "\t0", "\t0", "\t0", "\t0", "\t99", ""]
    write("EXTRACT-SUBTOTAL", ls)

    # EXTRACT-TYPO: the real typo of two 洪泽区 PDFs, 2.其他法律行政止公开 for
    # 2.其他法律行政法规禁止公开 (too far for an approximate match, but the only row unplaced there).
    ls = lines()
    i = index_of(ls, "\t2.其他法律行政法规禁止公开")
    ls[i] = "\t2.其他法律行政止公开"
    write("EXTRACT-TYPO", ls)

    # EXTRACT-GROUP-ROW: （六）其他处理 as one row (the 2019 layout) in the 2021 table: the sums
    # of its three sub-rows, which are left out.
    ls = lines()
    i = index_of(ls, "\t（六）其他处理")
    j = index_of(ls, "\t（七）总计")
    ls[i:j - 1] = ["\t（六）其他处理", "\t14", "\t1", "\t0", "\t0", "\t0", "\t1", "\t16", ""]
    write("EXTRACT-GROUP-ROW", ls)

    # EXTRACT-NOTE: a note after the number in a value cell, as converters and people write it.
    ls = lines()
    i = index_of(ls, "\t行政规范性文件")
    ls[i + 1] = "\t14（其中修订3件）"
    write("EXTRACT-NOTE", ls)


if __name__ == "__main__":
    main()
