#!/usr/bin/env python3
"""Generate the cross-document samples under samples/batch/ (issue 6).

Run from the repository root:

    python3 scripts/gen_batch_samples.py

samples/batch/<RULE>/ holds two or three reports of one agency that trigger exactly that
cross-document rule when checked together (`xxgk check samples/batch/<RULE>`), and
samples/batch/district/ a small district: several agencies over several years, with the
planted mismatches listed in samples/batch/district/EXPECTED.txt.  samples/batch/aggregate/
holds three units' 2022 reports and their district's own report (the exact sum) for
`xxgk aggregate`; samples/batch/X-AGG, X-MISSING and X-UNLISTED hold what triggers those rules
against it, with the arguments in `aggregate.args`.  Reports are rendered in
the Tika text form with scripts/gen_samples.py (render_tika, the figures of samples_full).
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_samples as g  # noqa: E402


def with_carry(fig, carried_over=None, carried_forward=None, documents=None):
    """A copy of a 2021 figure set with other carry-overs (表三 rederived) and 表二 documents."""
    out = dict(fig)
    disposal = {}
    for r in g.disposal_rows("2021"):
        disposal[r] = [fig["requests.%s.%s" % (r, c)] for c in g.APPLICANT_COLS]
    co = carried_over or [fig["requests.carried_over.%s" % c] for c in g.APPLICANT_COLS]
    cf = carried_forward or [fig["requests.carried_forward.%s" % c] for c in g.APPLICANT_COLS]
    out.update(g.t3_figures("2021", disposal, co, cf))
    for row, cols in (documents or {}).items():
        for col, v in cols.items():
            out["active.%s.%s" % (row, col)] = v
    return out


HEADING = ("一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、")


def vary(text):
    """The same report with its narrative reworded (each long paragraph gets a closing sentence), so that
    a later year does not repeat the earlier one word for word (X-TEXT)."""
    out = []
    for i, line in enumerate(text.split("\n")):
        if i > 0 and line and not line.startswith("\t") and len(line) >= 20 \
                and not line.startswith(HEADING):
            line = line + "今年继续推进。"
        out.append(line)
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote", os.path.relpath(path))


def main():
    root = os.getcwd()
    if not os.path.isdir(os.path.join(root, "samples")):
        sys.exit("run from the repository root: python3 scripts/gen_batch_samples.py")
    base = os.path.join(root, "samples", "batch")
    full = {fn: (tpl, year, agency, fig, style)
            for fn, tpl, year, agency, fig, style, _e in g.samples_full()}
    _tpl, _y, _a, hx, hx_style = full["hongxing-2021.txt"]
    _tpl, _y, _a, qs, qs_style = full["qingshan-county-2022.txt"]

    def render(fig, year, agency, style, prose=True):
        assert g.check(fig, "2021", year) == [], g.check(fig, "2021", year)
        return g.render_tika(fig, "2021", year, agency, prose=prose, style=style)

    # 红星镇 2021 carries forward [2,0,0,0,0,0]; 2022 follows on correctly (normative documents:
    # 9 in force + 3 issued - 1 repealed = 11).
    hx22 = with_carry(hx, carried_over=[2, 0, 0, 0, 0, 0], carried_forward=[1, 0, 0, 0, 0, 0],
                      documents={"normative_documents": {"issued": 3, "repealed": 1,
                                                         "in_force": 11}})
    # X-CARRY: 2022 says 3 were carried over from 2021 (2021 said 2).
    carry = with_carry(hx22, carried_over=[3, 0, 0, 0, 0, 0])
    # X-VALID: 2022 says 12 in force (9 + 3 - 1 = 11).
    valid = with_carry(hx22, documents={"normative_documents": {"in_force": 12}})
    # X-DUP: 2022 twice, one with one more granted request.
    dup = with_carry(hx22)
    dup["requests.granted.commercial"] += 1
    dup = with_carry(dup)

    cases = {
        "X-CARRY": [("红星镇-2021.txt", hx, 2021), ("红星镇-2022.txt", carry, 2022)],
        "X-VALID": [("红星镇-2021.txt", hx, 2021), ("红星镇-2022.txt", valid, 2022)],
        "X-DUP": [("红星镇-2022.txt", hx22, 2022), ("红星镇-2022-修订稿.txt", dup, 2022)],
    }
    for rule, docs in cases.items():
        for fn, fig, year in docs:
            # Generated prose repeats itself: the later year is reworded unless X-TEXT is meant.
            text = render(fig, year, "红星镇", hx_style)
            write(os.path.join(base, rule, fn), vary(text) if year == 2022 else text)
    # X-TEXT: the same generated narrative two years running.
    write(os.path.join(base, "X-TEXT", "红星镇-2021.txt"), render(hx, 2021, "红星镇", hx_style))
    write(os.path.join(base, "X-TEXT", "红星镇-2022.txt"), render(hx22, 2022, "红星镇", hx_style))

    # A district: 青山县人民政府 and two townships over 2021-2023, in folders by year.
    district = os.path.join(base, "district")
    qs21 = with_carry(qs)
    qs22 = with_carry(qs, carried_over=[qs["requests.carried_forward.%s" % c]
                                        for c in g.APPLICANT_COLS],
                      documents={"normative_documents": {"in_force": 95}})  # 87 + 14 - 6
    docs = [
        ("2021/红星镇.txt", hx, 2021, "红星镇", hx_style),
        ("2022/红星镇.txt", carry, 2022, "红星镇", hx_style),  # X-CARRY against 2021
        ("2021/白云乡.txt", hx, 2021, "白云乡", qs_style),
        ("2022/白云乡.txt", valid, 2022, "白云乡", qs_style),  # X-VALID against 2021
        ("2022/青山县.txt", qs21, 2022, "青山县人民政府", qs_style),
        ("2023/青山县.txt", qs22, 2023, "青山县人民政府", qs_style),
    ]
    for fn, fig, year, agency, style in docs:
        text = render(fig, year, agency, style)
        write(os.path.join(district, fn), vary(text) if year > 2021 and "青山" not in agency
              or year == 2023 else text)
    write(os.path.join(district, "README.txt"), "Not a report: skipped when the directory is read.\n")

    # District totals (xxgk aggregate): three units' 2022 reports and the district's own report,
    # whose every cell is the sum of theirs (summed here independently of xxgk).
    agg = os.path.join(base, "aggregate")
    units = [("红星镇", hx22, hx_style), ("白云乡", hx, qs_style), ("黄河街道", qs, qs_style)]
    for agency, fig, style in units:
        write(os.path.join(agg, "units", agency + ".txt"), vary(render(fig, 2022, agency, style)))
    total = {}
    for key in units[0][1]:
        kinds = [g.classify(u[1][key]) for u in units]
        total[key] = sum(n for _k, n in kinds)
    write(os.path.join(agg, "青山区.txt"), render(total, 2022, "青山区人民政府", qs_style, prose=False))
    write(os.path.join(agg, "units.txt"),
          "# 青山区: units that report to the district (xxgk aggregate --expect)\n"
          "红星镇\n白云乡\n黄河街道\n")
    # X-AGG: the district's report with 行政许可 5300 (the units' sum is 36 + 36 + 5231 = 5303).
    wrong = dict(total)
    wrong["active.licensing.decisions"] -= 3
    write(os.path.join(base, "X-AGG", "青山区.txt"),
          render(wrong, 2022, "青山区人民政府", qs_style, prose=False))
    write(os.path.join(base, "X-AGG", "aggregate.args"), "../aggregate/units --compare 青山区.txt\n")
    # X-MISSING: the list names a fourth unit that sent nothing.
    write(os.path.join(base, "X-MISSING", "units.txt"), "红星镇\n白云乡\n黄河街道\n绿水村\n")
    write(os.path.join(base, "X-MISSING", "aggregate.args"),
          "../aggregate/units --expect units.txt\n")
    # X-UNLISTED: the list lacks 黄河街道, whose report is there all the same.
    write(os.path.join(base, "X-UNLISTED", "units.txt"), "红星镇\n白云乡\n")
    write(os.path.join(base, "X-UNLISTED", "aggregate.args"),
          "../aggregate/units --expect units.txt\n")
    write(os.path.join(district, "EXPECTED.txt"),
          "Not a report.  Planted: 2022/红星镇.txt X-CARRY (自然人, 总计); "
          "2022/白云乡.txt X-VALID (行政规范性文件).\n")


if __name__ == "__main__":
    main()
