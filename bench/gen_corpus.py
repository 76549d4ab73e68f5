#!/usr/bin/env python3
"""Write a benchmark corpus of N realistic annual reports (issue 8).

    python3 bench/gen_corpus.py --out build/bench-corpus --docx 2000 --text 10000

Report i (0-based) is the same report in every form: its figures, template, year, agency and
layout come from a random generator seeded with (--seed, i), so a corpus of 100 is the first 100
reports of a corpus of 5,000, and re-running the script writes identical files.

  OUT/docx/NNNNN-<year>-<flavour>.docx   .docx as Microsoft Word lays it out (rsids, runs split at
                                         digits, header/footer/footnote parts) or as WPS does (the
                                         real WPS template's package, w14:paraId, tblPrEx on every
                                         row), written by scripts/gen_docx_fixtures.py
  OUT/text/NNNNN-<year>.txt              the Tika text form (scripts/gen_samples.py render_tika)
  OUT/manifest.tsv                       index, template, year, agency, flavour, style, expected
                                         rules (empty for a clean report)

Both templates (2019 试行 for 2019/2020 reports, 2021 for 2021-2024), the layout styles of the
samples (padded or not, the 2019 sample's quirks), varied figures (table 三 derived from random
disposal rows so that every identity holds; table 二 and 四 random), and --error-rate of the
reports (default 3%) with one planted error (a figure moved, raised, negated or made text), whose
rules are computed by gen_samples.check, the independent checker. Every agency is distinct, so
no cross-document rule fires — unless --cross F (issue 18): then a fraction F of the reports after
the first are derived from an earlier report j without a planted error: an identical copy of it
(a duplicate file), the same agency and year with other figures (X-DUP), or the same agency's
report of the next year on the same template (X-CARRY where 上年结转 differs from the earlier
report's 结转下年度继续办理). The manifest's expected rules then include the cross-document
errors (X-DUP, X-CARRY), computed here as xxgk's rules define them; their warnings (X-TEXT,
X-VALID) are not predicted. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "scripts"))
import gen_samples as gs  # noqa: E402
import gen_docx_fixtures as gd  # noqa: E402

# Agencies: a county (or district) and, for most reports, a township or a department of it.
PLACES = ("青山 白云 红星 澧水 东湖 西岭 南溪 北坪 金川 银河 石门 柳林 桃源 梅岭 松江 竹溪 杨柳 桂花 "
          "清河 长宁 永安 太平 和平 新华 光明 向阳 双桥 三江 五峰 九龙 凤凰 龙泉 玉屏 安乐 宝山 "
          "福田 兴隆 富民 丰收 建设 胜利 团结 先锋 前进 黎明 朝阳 星火 红旗 东升 西湖").split()
COUNTY_KINDS = ("县", "区", "市")
DEPARTMENTS = ("自然资源局 教育局 财政局 卫生健康委员会 住房和城乡建设局 交通运输局 农业农村局 水利局 "
               "生态环境局 市场监督管理局 人力资源和社会保障局 民政局 司法局 文化和旅游局 应急管理局 "
               "退役军人事务局 医疗保障局 统计局 审计局 商务局").split()
TOWN_KINDS = ("镇", "乡", "街道办事处")


def agency_for(rng, used):
    """A distinct agency name: a county government, a department or a township."""
    while True:
        county = rng.choice(PLACES) + rng.choice(COUNTY_KINDS)
        kind = rng.random()
        if kind < 0.1:
            name = county + "人民政府"
        elif kind < 0.55:
            name = county + rng.choice(DEPARTMENTS)
        else:
            town = rng.choice(PLACES)
            if town in county:
                continue
            name = county + town + rng.choice(TOWN_KINDS)
        if name not in used:
            used.add(name)
            return name


def small(rng, scale):
    """A count that is usually small, occasionally large (requests, decisions)."""
    r = rng.random()
    if r < 0.35:
        return 0
    if r < 0.8:
        return rng.randint(1, max(1, scale // 10))
    return rng.randint(1, scale)


def amount(rng):
    r = rng.random()
    if r < 0.4:
        return 0
    if r < 0.7:
        return "%d.%d" % (rng.randint(0, 500), rng.randint(0, 9))
    return "%d.%02d" % (rng.randint(0, 99999), rng.randint(0, 99))


def t2_figures(rng, template):
    if template == "2021":
        # County-level agencies and townships cannot make 规章 (T2-REG): that row is 0.
        rows = {"regulations": {"issued": 0, "repealed": 0, "in_force": 0}}
        issued = small(rng, 40)
        rows["normative_documents"] = {"issued": issued, "repealed": small(rng, 10),
                                       "in_force": issued + small(rng, 200)}
        for row, scale in (("licensing", 8000), ("punishment", 3000), ("coercion", 400)):
            rows[row] = {"decisions": small(rng, scale)}
        rows["fees"] = {"amount": amount(rng)}
        return gs.t2_figures(rows)
    rows = {"regulations": {"made": 0, "published": 0, "total_published": 0}}
    published = small(rng, 20)
    rows["normative_documents"] = {"made": published + small(rng, 3), "published": published,
                                   "total_published": published + small(rng, 150)}
    for row, scale in (("licensing", 8000), ("other_management_services", 500),
                       ("punishment", 3000), ("coercion", 400)):
        previous = small(rng, 60)
        change = rng.randint(-previous, 5) if previous else rng.randint(0, 5)
        rows[row] = {"previous_items": previous, "change": "+%d" % change if change > 0 and
                     rng.random() < 0.5 else change, "decisions": small(rng, scale)}
    previous = small(rng, 10)
    rows["fees"] = {"previous_items": previous, "change": rng.randint(-previous, 2)}
    rows["procurement"] = {"items": small(rng, 30), "amount": amount(rng)}
    return gs.t2_figures(rows)


def t3_figures(rng, template):
    disposal = {}
    for row in gs.disposal_rows(template):
        weight = 40 if row == "granted" else 12 if row in ("partially_granted",
                                                           "unable_not_held") else 4
        if rng.random() < 0.5 and row != "granted":
            continue
        disposal[row] = [small(rng, weight), small(rng, weight // 3 + 1), small(rng, 2),
                         small(rng, 2), small(rng, 3), small(rng, 2)]
    processed = [sum(v[i] for v in disposal.values()) for i in range(6)]
    carried_forward = [small(rng, 6) if rng.random() < 0.4 else 0 for _ in range(6)]
    carried_over = [rng.randint(0, min(6, processed[i] + carried_forward[i]))
                    if rng.random() < 0.4 else 0 for i in range(6)]
    return gs.t3_figures(template, disposal, carried_over, carried_forward)


def t4_figures(rng):
    blocks = []
    for _ in range(3):
        blocks.append([small(rng, 4) if rng.random() < 0.5 else 0 for _ in range(4)])
    return gs.t4_figures(*blocks)


def plant_error(rng, fig, template, year):
    """One error a report might really contain; returns the rules the checker says fire."""
    keys = [k for k in gs.all_keys(template)]
    for _ in range(50):
        kind = rng.choice(("moved", "raised", "raised", "text", "negative", "t4"))
        out = dict(fig)
        if kind == "moved":  # a request counted in the wrong row: two row sums break
            col = rng.choice(gs.APPLICANT_COLS)
            a, b = rng.sample(gs.disposal_rows(template), 2)
            ka, kb = "requests.%s.%s" % (a, col), "requests.%s.%s" % (b, col)
            if out[ka] == 0:
                continue
            out[ka] -= 1
            out[kb] += 1
        elif kind == "raised":  # a total that does not add up
            k = rng.choice([k for k in keys if k.startswith("requests.")])
            out[k] += rng.choice((1, 1, 2, 10))
        elif kind == "text":  # a note typed into a figure cell
            k = rng.choice([k for k in keys if k.startswith(("requests.", "review_litigation."))])
            out[k] = rng.choice(("约3", "3件", "三"))
        elif kind == "negative":
            k = rng.choice([k for k in keys if k.startswith("active.") and
                            isinstance(out[k], int) and not k.endswith(".change") and
                            ".regulations." not in k])
            out[k] = -max(1, out[k])
        else:
            blk = rng.choice(gs.T4_BLOCKS)
            out["review_litigation.%s.total" % blk] += 1
        rules = gs.check(out, template, year)
        if rules:
            return out, rules
    raise RuntimeError("no error could be planted")


def report(seed, i, error_rate, used):
    """(template, year, agency, figures, style, flavour, expected rules) of report i."""
    rng = random.Random("%d/%d" % (seed, i))
    template = "2021" if rng.random() < 0.7 else "2019"
    year = rng.choice((2021, 2022, 2023, 2024) if template == "2021" else (2019, 2020))
    agency = agency_for(rng, used)
    fig = t2_figures(rng, template)
    fig.update(t3_figures(rng, template))
    fig.update(t4_figures(rng))
    rules = gs.check(fig, template, year)
    assert rules == [], (i, rules)
    if rng.random() < error_rate:
        fig, rules = plant_error(rng, fig, template, year)
    style = rng.choice(("template", "template-padded", "dfh"))
    flavour = "wps" if rng.random() < 0.4 else "word"
    return template, year, agency, fig, style, flavour, rules


def derived(seed, i, cross, earlier):
    """Report i as a duplicate, a conflicting copy or the next year of an earlier clean report,
    or None: (kind, template, year, agency, figures, style, flavour). `earlier`: (template, year,
    agency, figures, style, flavour, rules) of the reports before i."""
    rng = random.Random("cross/%d/%d" % (seed, i))
    if i == 0 or rng.random() >= cross:
        return None
    clean = [k for k in range(max(0, i - 50), i) if not earlier[k][6]]
    if not clean:
        return None
    j = rng.choice(clean)
    template, year, agency, fig, style, flavour, _rules = earlier[j]
    kind = rng.choice(("copy", "copy", "conflict", "next", "next"))
    last = 2020 if template == "2019" else 2024
    if kind == "next" and year >= last:
        kind = "copy"
    if kind == "copy":
        return kind, template, year, agency, fig, style, flavour
    own = t2_figures(rng, template)
    own.update(t3_figures(rng, template))
    own.update(t4_figures(rng))
    assert gs.check(own, template, year + (kind == "next")) == [], i
    return (kind, template, year + (1 if kind == "next" else 0), agency, own,
            rng.choice(("template", "template-padded", "dfh")), flavour)


def cross_errors(i, agency, year, fig, fronts):
    """The cross-document errors xxgk reports on report i: X-DUP when an earlier report of the
    agency and year has other figures, X-CARRY when 上年结转 differs from the 结转下年度继续办理
    of the first report of the year before. `fronts`: (agency, year) -> the first one's figures."""
    rules = []
    front = fronts.get((agency, year))
    if front is None:
        fronts[(agency, year)] = fig
    elif front != fig:
        rules.append("X-DUP")
    prev = fronts.get((agency, year - 1))
    if prev is not None and any(fig["requests.carried_over.%s" % c] !=
                                prev["requests.carried_forward.%s" % c]
                                for c in gs.APPLICANT_COLS + ["total"]):
        rules.append("X-CARRY")
    return rules


def write_docx(path, flavour, blocks, year):
    title = blocks[0][1]
    if flavour == "wps":
        xml = gd.DocumentWriter(gd.WpsFlavour(), gd.Features(), year).document(blocks)
        parts = gd.wps_parts(xml)
    else:
        xml = gd.DocumentWriter(gd.WordFlavour(), gd.Features(), year).document(blocks)
        parts = gd.word_parts(xml, title, "Microsoft Office Word", True)
    gd.write_zip(path, parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory (docx/, text/, manifest.tsv)")
    ap.add_argument("--docx", type=int, default=0, help="number of .docx reports (the first N)")
    ap.add_argument("--text", type=int, default=0, help="number of text-form reports (first N)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--error-rate", type=float, default=0.03)
    ap.add_argument("--cross", type=float, default=0.0,
                    help="fraction of reports derived from an earlier one: duplicates, conflicting "
                         "copies, next-year reports (default 0: every agency distinct)")
    args = ap.parse_args()
    n = max(args.docx, args.text)
    for sub in ("docx", "text"):
        os.makedirs(os.path.join(args.out, sub), exist_ok=True)
    used = set()
    manifest = ["index\ttemplate\tyear\tagency\tflavour\tstyle\texpected_rules"]
    earlier, fronts = [], {}
    for i in range(n):
        template, year, agency, fig, style, flavour, rules = report(args.seed, i,
                                                                    args.error_rate, used)
        d = derived(args.seed, i, args.cross, earlier) if args.cross else None
        if d:
            _kind, template, year, agency, fig, style, flavour = d
            rules = []
        earlier.append((template, year, agency, fig, style, flavour, rules))
        if args.cross:
            rules = rules + cross_errors(i, agency, year, fig, fronts)
        blocks = gs.build_document(fig, template, year, agency, prose=True, style=style)
        if i < args.text:
            path = os.path.join(args.out, "text", "%05d-%d.txt" % (i, year))
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(gs.render_blocks(blocks))
        if i < args.docx:
            write_docx(os.path.join(args.out, "docx", "%05d-%d-%s.docx" % (i, year, flavour)),
                       flavour, blocks, year)
        manifest.append("\t".join((str(i), template, str(year), agency, flavour, style,
                                   ",".join(rules))))
    with open(os.path.join(args.out, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    planted = sum(1 for line in manifest[1:] if line.split("\t")[-1])
    print("wrote %d .docx and %d text reports to %s (%d with planted errors)"
          % (args.docx, args.text, args.out, planted))


if __name__ == "__main__":
    main()
