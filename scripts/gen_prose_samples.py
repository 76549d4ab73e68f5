#!/usr/bin/env python3
"""Writes samples/invalid/{S-*,P-FIGURE,T2-REG}.txt: copies of correct constructed reports (Tika
text form) with one structural or prose problem each, so that each file triggers exactly that
rule. Run from the repository root after gen_samples.py."""

from pathlib import Path

COUNTY = Path("samples/qingshan-county-2022.txt")  # 2021 template, a county government, 2022
TOWN = Path("samples/hongxing-2021.txt")  # 2021 template, a township, 2021
OUT = Path("samples/invalid")


def lines(path):
    return path.read_text(encoding="utf-8").split("\n")


def index_of(ls, text, path=COUNTY):
    for i, line in enumerate(ls):
        if line == text:
            return i
    raise SystemExit(f"{path}: line {text!r} not found")


def index_starting(ls, prefix, path=COUNTY):
    for i, line in enumerate(ls):
        if line.startswith(prefix):
            return i
    raise SystemExit(f"{path}: no line starts with {prefix!r}")


def replace_in(ls, prefix, old, new):
    i = index_starting(ls, prefix)
    if old not in ls[i]:
        raise SystemExit(f"{COUNTY}: {old!r} not in line {i + 1}")
    ls[i] = ls[i].replace(old, new, 1)


def write(rule, ls):
    (OUT / f"{rule}.txt").write_text("\n".join(ls), encoding="utf-8")


def main():
    # S-SEC: section 五's heading is missing (its text now runs on under 四).
    ls = lines(COUNTY)
    del ls[index_of(ls, "五、存在的主要问题及改进情况")]
    write("S-SEC", ls)

    # S-SEC-VARIANT: a heading worded as some reports do.
    ls = lines(COUNTY)
    ls[index_of(ls, "五、存在的主要问题及改进情况")] = "五、存在的主要问题和改进情况"
    write("S-SEC-VARIANT", ls)

    # S-TABLE: table 四 placed under section 五 (heading 五 moved above the table).
    ls = lines(COUNTY)
    five = index_of(ls, "五、存在的主要问题及改进情况")
    del ls[five]
    four = index_of(ls, "四、政府信息公开行政复议、行政诉讼情况")
    first_cell = next(i for i in range(four, len(ls)) if ls[i].startswith("\t"))
    ls.insert(first_cell, "五、存在的主要问题及改进情况")
    write("S-TABLE", ls)

    # S-EMPTY: section 五 has a heading and nothing else.
    ls = lines(COUNTY)
    five = index_of(ls, "五、存在的主要问题及改进情况")
    six = index_of(ls, "六、其他需要报告的事项")
    del ls[five + 1 : six]
    write("S-EMPTY", ls)

    # S-PERIOD: the statistics period names the previous year.
    ls = lines(COUNTY)
    replace_in(ls, "本报告根据", "自2022年1月1日起至2022年12月31日止", "自2021年1月1日起至2021年12月31日止")
    write("S-PERIOD", ls)

    # S-YEAR: a paragraph of section 一 copied from last year's report.
    ls = lines(COUNTY)
    i = index_starting(ls, "2022年，我县坚持")
    ls[i] = ls[i].replace("2022年", "2021年", 1)
    write("S-YEAR", ls)

    # S-FEE: section 六 says nothing about 信息处理费.
    ls = lines(COUNTY)
    del ls[index_starting(ls, "（一）信息处理费收取情况")]
    write("S-FEE", ls)

    # P-FIGURE: the prose states 新收 254 while the table says otherwise.
    ls = lines(COUNTY)
    replace_in(ls, "（二）依申请公开", "本年新收政府信息公开申请254件", "本年新收政府信息公开申请245件")
    write("P-FIGURE", ls)

    # T2-REG: a township reports 规章 (a body without rule-making power).
    ls = lines(TOWN)
    i = index_of(ls, "\t规章", TOWN)
    ls[i + 1 : i + 4] = ["\t1", "\t0", "\t1"]
    write("T2-REG", ls)


if __name__ == "__main__":
    main()
