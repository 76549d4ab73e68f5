#!/usr/bin/env python3
"""Generate the constructed sample reports under samples/ in the "Tika text form".

Run from the repository root:

    python3 scripts/gen_samples.py

It (re)writes samples/*.txt (valid reports) and samples/invalid/<RULE>.txt (each
triggers exactly one rule), then verifies every file with the small independent
checker `check()` below.  samples/dongfanghong-2023.txt (a real report) is never
written; it is only copied from ../shared/samples/ when absent, and it is used
to self-test the 2019 table renderer byte for byte.

The Tika text form is what Apache Tika's XHTMLContentHandler produces for a .docx:
every <td> starts with a TAB, every paragraph ends with LF (so the paragraphs of a
cell after the first one are lines without a TAB), every table row ends with an LF
(a blank line), and the table ends with one more LF.  vMerge continuation cells are
real cells (empty "\\t" lines); a gridSpan cell appears once.

Reusable API (a .docx generator imports this module):

  build_document(fig, template, year, agency, prose=True, style=None) -> list of blocks
      ("title"|"heading"|"p", text) or ("table", rows); a row is a list of cells,
      a cell is a dict {paras: [str], span: int, vmerge: None|"restart"|"continue",
      valign: "center"|"top", path: model key or None}.
  render_tika(fig, template, year, agency, prose=True, style=None) -> str
  samples_table()  -> yields (filename, template, year, agency, figs)
  samples_full()   -> yields (filename, template, year, agency, figs, style, expected_rules)
  check(fig, template, year=None) -> sorted list of rule IDs that fire

Figures are a dict keyed by model paths (docs: docs/model.md), e.g.
"requests.new_received.natural_person".  A value is an int, a decimal string such as
"96171.6", None (blank cell), or any other string, written verbatim.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from decimal import Decimal

# --------------------------------------------------------------------------- model

APPLICANT_COLS = ["natural_person", "commercial", "research", "social_welfare",
                  "legal_service", "other"]
T3_COLS = APPLICANT_COLS + ["total"]

DENIED = ["denied_state_secret", "denied_prohibited_by_law", "denied_security_stability",
          "denied_third_party", "denied_internal_affairs", "denied_process_info",
          "denied_enforcement_files", "denied_inquiry"]
UNABLE = ["unable_not_held", "unable_needs_creation", "unable_unclear"]
REJECTED = ["rejected_petition", "rejected_duplicate", "rejected_publication",
            "rejected_excessive", "rejected_confirmation"]
OTHER_2021 = ["other_overdue_correction", "other_overdue_fee", "other_reasons"]


def other_rows(template):
    return ["other_handling"] if template == "2019" else list(OTHER_2021)


def disposal_rows(template):
    """The rows summed into （七）总计."""
    return ["granted", "partially_granted"] + DENIED + UNABLE + REJECTED + other_rows(template)


def t3_rows(template):
    return (["new_received", "carried_over"] + disposal_rows(template)
            + ["total_processed", "carried_forward"])


T3_LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "denied_state_secret": "1.属于国家秘密",
    "denied_prohibited_by_law": "2.其他法律行政法规禁止公开",
    "denied_security_stability": "3.危及“三安全一稳定”",
    "denied_third_party": "4.保护第三方合法权益",
    "denied_internal_affairs": "5.属于三类内部事务信息",
    "denied_process_info": "6.属于四类过程性信息",
    "denied_enforcement_files": "7.属于行政执法案卷",
    "denied_inquiry": "8.属于行政查询事项",
    "unable_not_held": "1.本机关不掌握相关政府信息",
    "unable_needs_creation": "2.没有现成信息需要另行制作",
    "unable_unclear": "3.补正后申请内容仍不明确",
    "rejected_petition": "1.信访举报投诉类申请",
    "rejected_duplicate": "2.重复申请",
    "rejected_publication": "3.要求提供公开出版物",
    "rejected_excessive": "4.无正当理由大量反复申请",
    "rejected_confirmation": "5.要求行政机关确认或重新出具已获取信息",
    "other_handling": "（六）其他处理",
    "other_overdue_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other_overdue_fee": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other_reasons": "3.其他",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
T3_GROUPS = [("（三）不予公开", DENIED), ("（四）无法提供", UNABLE), ("（五）不予处理", REJECTED),
             ("（六）其他处理", OTHER_2021)]
T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

T4_BLOCKS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]
T4_COL_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4_RULE = {"review": "T4-SUM-A", "litigation_direct": "T4-SUM-B",
           "litigation_after_review": "T4-SUM-C"}

# Table 二: (row key, label, [(column key, kind)]); kind: count | signed | amount
T2_2021 = [
    ("regulations", "规章", [("issued", "count"), ("repealed", "count"), ("in_force", "count")]),
    ("normative_documents", "行政规范性文件",
     [("issued", "count"), ("repealed", "count"), ("in_force", "count")]),
    ("licensing", "行政许可", [("decisions", "count")]),
    ("punishment", "行政处罚", [("decisions", "count")]),
    ("coercion", "行政强制", [("decisions", "count")]),
    ("fees", "行政事业性收费", [("amount", "amount")]),
]
_ITEMS = [("previous_items", "count"), ("change", "signed"), ("decisions", "count")]
T2_2019 = [
    ("regulations", "规章",
     [("made", "count"), ("published", "count"), ("total_published", "count")]),
    ("normative_documents", "规范性文件",
     [("made", "count"), ("published", "count"), ("total_published", "count")]),
    ("licensing", "行政许可", _ITEMS),
    ("other_management_services", "其他对外管理服务事项", _ITEMS),
    ("punishment", "行政处罚", _ITEMS),
    ("coercion", "行政强制", _ITEMS),
    ("fees", "行政事业性收费", [("previous_items", "count"), ("change", "signed")]),
    ("procurement", "政府集中采购", [("items", "count"), ("amount", "amount")]),
]


def t2_spec(template):
    return T2_2019 if template == "2019" else T2_2021


def all_keys(template):
    """Every model path of the three tables for a template, in table order."""
    keys = []
    for row, _label, cols in t2_spec(template):
        keys += ["active.%s.%s" % (row, c) for c, _k in cols]
    for row in t3_rows(template):
        keys += ["requests.%s.%s" % (row, c) for c in T3_COLS]
    for blk in T4_BLOCKS:
        keys += ["review_litigation.%s.%s" % (blk, c) for c in T4_COLS]
    return keys


# --------------------------------------------------------------------------- values

PLACEHOLDERS = {"/", "-", "—", "--", "——", "－", "不适用", "N/A", "n/a", "无"}
_INT_RE = re.compile(r"^[+-]?\d+$")
_DEC_RE = re.compile(r"^[+-]?(\d+\.\d*|\d*\.\d+|\d+)$")


def classify(v):
    """-> (kind, number). kind: blank | int | dec | text.  blank counts as 0."""
    if v is None:
        return "blank", 0
    if isinstance(v, bool):
        raise TypeError("bool figure")
    if isinstance(v, int):
        return "int", v
    if isinstance(v, Decimal):
        return "dec", v
    if isinstance(v, float):
        return "dec", Decimal(repr(v))
    s = str(v).strip()
    if s == "" or s in PLACEHOLDERS:
        return "blank", 0
    if _INT_RE.match(s):
        return "int", int(s)
    if _DEC_RE.match(s):
        return "dec", Decimal(s)
    return "text", None


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        raise TypeError("bool figure")
    return str(v)


# --------------------------------------------------------------------------- checker

def check(fig, template, year=None):
    """Independent implementation of the format.md §6 rules used by the samples.

    Returns the sorted list of rule IDs that fire.  Blank counts as 0 in arithmetic;
    an identity that involves a text cell is skipped.
    """
    fired = set()

    def cell(path):
        return classify(fig.get(path))

    def num(path):
        kind, n = cell(path)
        return None if kind == "text" else n

    # ---- table 三
    rows = t3_rows(template)
    for row in rows:
        for col in T3_COLS:
            kind, n = cell("requests.%s.%s" % (row, col))
            if kind == "blank":
                fired.add("T3-BLANK")
            elif kind != "int" or n < 0:
                fired.add("T3-INT")
    for row in rows:
        vals = [num("requests.%s.%s" % (row, c)) for c in T3_COLS]
        if None not in vals and vals[-1] != sum(vals[:-1]):
            fired.add("T3-ROW")
    for col in T3_COLS:
        tp = num("requests.total_processed.%s" % col)
        parts = [num("requests.%s.%s" % (r, col)) for r in disposal_rows(template)]
        if tp is not None and None not in parts and tp != sum(parts):
            fired.add("T3-DISP")
        a, b, f = (num("requests.%s.%s" % (r, col))
                   for r in ("new_received", "carried_over", "carried_forward"))
        if None not in (a, b, tp, f) and a + b != tp + f:
            fired.add("T3-BAL")

    # ---- table 四
    for blk in T4_BLOCKS:
        vals = []
        for col in T4_COLS:
            kind, n = cell("review_litigation.%s.%s" % (blk, col))
            if kind == "blank":
                fired.add("T4-BLANK")
            elif kind != "int" or n < 0:
                fired.add("T4-INT")
            vals.append(None if kind == "text" else n)
        if None not in vals and vals[-1] != sum(vals[:-1]):
            fired.add(T4_RULE[blk])

    # ---- table 二
    for row, _label, cols in t2_spec(template):
        for col, kind_expected in cols:
            kind, n = cell("active.%s.%s" % (row, col))
            if kind == "blank":
                fired.add("T2-EMPTY")
            elif kind_expected == "count":
                if kind != "int" or n < 0:
                    fired.add("T2-INT")
            elif kind_expected == "amount":
                if kind not in ("int", "dec") or n < 0:
                    fired.add("T2-AMT")
            elif kind_expected == "signed":
                if kind != "int":
                    fired.add("T2-SIGN")
        colnames = [c for c, _k in cols]
        if "previous_items" in colnames and "change" in colnames:
            p = num("active.%s.previous_items" % row)
            c = num("active.%s.change" % row)
            if p is not None and c is not None and p + c < 0:
                fired.add("T2-ITEMS-NEG")
        if template == "2019" and "total_published" in colnames:
            pub = num("active.%s.published" % row)
            tot = num("active.%s.total_published" % row)
            if pub is not None and tot is not None and tot < pub:
                fired.add("T2-2019-PUB")

    # ---- cross / metadata
    if template == "2019" and year is not None and year >= 2021:
        fired.add("X-FMT")
    return sorted(fired)


# --------------------------------------------------------------------------- layout styles

# "dfh": structure of the real dongfanghong-2023.txt (2019 layout): vertically centred
#        labels preceded by empty paragraphs, 社会/公益/组织 broken over lines, the
#        3.危及 total cell with 3 trailing empty paragraphs, the 5.要求… total cell
#        with a leading empty paragraph.
# "template": the WPS 2021 template XML as is (no padding paragraphs, 商业/企业 and
#        科研/机构 broken over two paragraphs).
STYLES = {
    "dfh": {"pad": True, "value_quirks": True, "dfh_labels": False, "gaps": (1, 0, 2),
            "gap_before": 0},
    "dfh-exact": {"pad": True, "value_quirks": True, "dfh_labels": True, "gaps": (1, 0, 2),
                  "gap_before": 0},
    "template": {"pad": False, "value_quirks": False, "dfh_labels": False, "gaps": (2, 1, 2),
                 "gap_before": 0},
    "template-padded": {"pad": True, "value_quirks": False, "dfh_labels": False,
                        "gaps": (2, 1, 2), "gap_before": 0},
}


def default_style(template):
    return "dfh" if template == "2019" else "template"


def _style(template, style):
    if style is None:
        style = default_style(template)
    if isinstance(style, str):
        return STYLES[style]
    return style


def C(paras, span=1, vmerge=None, valign="center", path=None):
    if isinstance(paras, str):
        paras = [paras]
    return {"paras": list(paras), "span": span, "vmerge": vmerge, "valign": valign,
            "path": path}


def _pad(label, n, st):
    """A vertically centred label: n empty paragraphs before the text when padding."""
    return ([""] * n + [label]) if st["pad"] else [label]


def _val(fig, path, before=0, after=0, valign="center"):
    return C([""] * before + [fmt(fig.get(path))] + [""] * after, path=path, valign=valign)


def table2(fig, template, st):
    rows = []

    def caption(text):
        rows.append([C(text, span=4)])

    def header(labels, spans=None):
        spans = spans or [1] * len(labels)
        rows.append([C(l, span=s) for l, s in zip(labels, spans)])

    def data(row, label, cols, spans=None):
        spans = spans or [1] * len(cols)
        rows.append([C(label)] + [dict(_val(fig, "active.%s.%s" % (row, c)), span=s)
                                  for c, s in zip(cols, spans)])

    if template == "2021":
        caption("第二十条第（一）项")
        header(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
        data("regulations", "规章", ["issued", "repealed", "in_force"])
        data("normative_documents", "行政规范性文件", ["issued", "repealed", "in_force"])
        caption("第二十条第（五）项")
        header(["信息内容", "本年处理决定数量"], [1, 3])
        data("licensing", "行政许可", ["decisions"], [3])
        caption("第二十条第（六）项")
        header(["信息内容", "本年处理决定数量"], [1, 3])
        data("punishment", "行政处罚", ["decisions"], [3])
        data("coercion", "行政强制", ["decisions"], [3])
        caption("第二十条第（八）项")
        header(["信息内容", "本年收费金额（单位：万元）"], [1, 3])
        data("fees", "行政事业性收费", ["amount"], [3])
        return rows
    q = st["dfh_labels"]
    items = ["previous_items", "change", "decisions"]
    caption("第二十条第(一）项" if q else "第二十条第（一）项")
    header(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"])
    data("regulations", "规章", ["made", "published", "total_published"])
    data("normative_documents", "规范性文件", ["made", "published", "total_published"])
    caption("第二十条第（五）项")
    header(["信息内容", "上一年项目数量", "本年增" if q else "本年增/减", "处理决定数量"])
    data("licensing", "行政许可", items)
    data("other_management_services", "其他对外管理服务事项", items)
    caption("第二十条第（六）项")
    header(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"])
    data("punishment", "行政处罚", items)
    data("coercion", "行政强制", items)
    caption("第二十条第（八）项")
    header(["信息内容", "上一年项目数量", "本年增/减"], [1, 1, 2])
    data("fees", "行政事业性收费", ["previous_items", "change"], [1, 2])
    caption("第二十条第（九）项")
    header(["信息内容", "采购项目数量", "采购总金额"], [1, 1, 2])
    data("procurement", "政府集中采购", ["items", "amount"], [1, 2])
    return rows


def table3(fig, template, st):
    pad = st["pad"]
    rows = [
        [C(_pad(T3_NOTE, 1, st), span=3, vmerge="restart"), C("申请人情况", span=7)],
        [C("", span=3, vmerge="continue"), C(_pad("自然人", 1, st), vmerge="restart"),
         C("法人或其他组织", span=5), C(_pad("总计", 1, st), vmerge="restart")],
        [C("", span=3, vmerge="continue"), C("", vmerge="continue")]
        + ([C("商业企业"), C("科研机构"), C(["社会", "公益", "组织"]), C(["法律", "服务", "机构"])]
           if pad else
           [C(["商业", "企业"]), C(["科研", "机构"]), C("社会公益组织"), C("法律服务机构")])
        + [C("其他"), C("", vmerge="continue")],
    ]
    group_of = {}
    for glabel, members in T3_GROUPS:
        for i, m in enumerate(members):
            group_of[m] = (glabel, i == 0)
    pad_n = {"（三）不予公开": 2, "（四）无法提供": 2, "（五）不予处理": 5, "（六）其他处理": 2}
    vq = st["value_quirks"]

    def values(row):
        out = []
        for col in T3_COLS:
            path = "requests.%s.%s" % (row, col)
            before = after = 0
            if vq and col == "total" and row == "denied_security_stability":
                after = 3
            if vq and col == "total" and row == "rejected_confirmation":
                before = 1
            out.append(_val(fig, path, before, after))
        return out

    first_disposal = True
    for row in t3_rows(template):
        label = T3_LABELS[row]
        if row in ("new_received", "carried_over", "carried_forward"):
            rows.append([C(label, span=3)] + values(row))
            continue
        if first_disposal:
            outer = C(_pad("三、本年度办理结果", 2, st), vmerge="restart")
            first_disposal = False
        else:
            outer = C("", vmerge="continue")
        if row in group_of:
            glabel, first = group_of[row]
            inner = (C(_pad(glabel, pad_n[glabel], st), vmerge="restart") if first
                     else C("", vmerge="continue"))
            rows.append([outer, inner, C(label, valign="top")] + values(row))
        else:
            rows.append([outer, C(label, span=2)] + values(row))
    return rows


def table4(fig, st):
    rows = [[C("行政复议", span=5), C("行政诉讼", span=10)]]
    r1 = []
    for i, lab in enumerate(T4_COL_LABELS):
        r1.append(C(_pad(lab, 3 if i == 4 else 2, st), vmerge="restart"))
    r1 += [C("未经复议直接起诉", span=5), C("复议后起诉", span=5)]
    rows.append(r1)
    r2 = [C("", vmerge="continue") for _ in range(5)]
    for _blk in range(2):
        for i, lab in enumerate(T4_COL_LABELS):
            r2.append(C(_pad(lab, 2 if i == 4 else 1, st)))
    rows.append(r2)
    rows.append([_val(fig, "review_litigation.%s.%s" % (b, c))
                 for b in T4_BLOCKS for c in T4_COLS])
    return rows


# --------------------------------------------------------------------------- prose

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"]


def _agency_kind(agency):
    if agency.endswith("人民政府"):
        place = agency[:-len("人民政府")]
        return {"we": "我" + place[-1], "office": place + "人民政府办公室",
                "portal": place + "人民政府门户网站", "unit": "县政府各部门"}
    for suffix in ("镇", "乡", "街道办事处", "街道"):
        if agency.endswith(suffix):
            short = "街道" if suffix.startswith("街道") else suffix
            return {"we": "我" + short, "office": agency + "党政综合办公室",
                    "portal": agency + "政府信息公开专栏",
                    "unit": "各站所"}
    last = agency[-1]
    we = "我" + last if last in "局委办厅院署" else "本机关"
    return {"we": we, "office": agency + "办公室",
            "portal": agency + "政府信息公开专栏", "unit": "各科室"}


def _int(fig, path):
    """A non-negative integer cell (blank counts as 0); None for anything else."""
    kind, n = classify(fig.get(path))
    if kind in ("blank", "int") and n >= 0:
        return n
    return None


def _t2int(fig, path):
    """Table 二 cell usable in prose: a non-negative integer; blank is not usable."""
    kind, n = classify(fig.get(path))
    return n if kind == "int" and n >= 0 else None


def _sum(vals):
    return None if None in vals else sum(vals)


def _fmt_clauses(clauses):
    """clauses: list of (text pattern, values...) kept only if every value is known."""
    out = []
    for text, *vals in clauses:
        if None not in vals:
            out.append(text.format(*vals))
    return out


def prose_blocks(fig, template, year, agency):
    """-> dict heading index -> (paragraphs before the table, paragraphs after)."""
    k = _agency_kind(agency)
    we, portal, office = k["we"], k["portal"], k["office"]
    t = lambda row: _int(fig, "requests.%s.total" % row)  # noqa: E731
    new, co, tp, fwd = t("new_received"), t("carried_over"), t("total_processed"), \
        t("carried_forward")
    g, pg = t("granted"), t("partially_granted")
    d = _sum([t(r) for r in DENIED])
    u = _sum([t(r) for r in UNABLE])
    r = _sum([t(x) for x in REJECTED])
    o = _sum([t(x) for x in other_rows(template)])
    rl = lambda b, c: _int(fig, "review_litigation.%s.%s" % (b, c))  # noqa: E731
    rev_total = rl("review", "total")
    lit_b, lit_c = rl("litigation_direct", "total"), rl("litigation_after_review", "total")
    lit_total = _sum([lit_b, lit_c])

    pre = ("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级政务公开工作要求编制。"
           "本报告中所列数据的统计期限自{0}年1月1日起至{0}年12月31日止。"
           "本报告电子版可在{1}查阅和下载。如对本报告有疑问，请与{2}联系。").format(year, portal, office)

    # 一、总体情况
    s1 = ["{0}年，{1}坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《条例》和上级关于"
          "政务公开工作的各项部署，以公开促落实、以公开促规范、以公开促服务，政府信息公开工作"
          "质量和实效不断提升。".format(year, we),
          "（一）主动公开。{0}围绕中心工作和群众关切，通过{1}、政务新媒体和政务公开栏等渠道，"
          "及时发布政策文件、财政资金、重大项目、民生保障和公共服务等信息，持续加大重点领域信息公开"
          "力度。".format(we, portal)]
    req = _fmt_clauses([("本年新收政府信息公开申请{}件", new), ("上年结转{}件", co)])
    req2 = _fmt_clauses([("本年度办结{}件", tp), ("结转下年度继续办理{}件", fwd)])
    text = "（二）依申请公开。{0}严格按照《条例》规定的程序和时限办理政府信息公开申请".format(we)
    if req or req2:
        text += "。" + "，".join(req) + ("；" if req and req2 else "") + "，".join(req2)
    s1.append(text + "。")
    s1.append("（三）政府信息管理。{0}落实公文公开属性源头认定机制，严格执行信息发布前保密审查制度，"
              "对已公开的政府信息进行动态更新和定期清理，确保公开信息准确、规范。".format(we))
    s1.append("（四）政府信息公开平台建设。{0}持续完善{1}栏目设置，明确专人负责栏目内容维护，"
              "做到信息发布及时、栏目更新规范。".format(we, portal))
    sup = "（五）监督保障。{0}将政务公开工作纳入{1}年度工作考核，定期开展自查，及时整改发现的问题".format(
        we, k["unit"])
    if rev_total == 0 and lit_total == 0:
        sup += "。本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况"
    else:
        parts = _fmt_clauses([("被申请行政复议{}件", rev_total), ("被提起行政诉讼{}件", lit_total)])
        if parts:
            sup += "。本年度因政府信息公开工作" + "，".join(parts)
    s1.append(sup + "。")

    # 二、主动公开政府信息情况
    a = lambda row, col: _t2int(fig, "active.%s.%s" % (row, col))  # noqa: E731
    if template == "2021":
        c = _fmt_clauses([("制发行政规范性文件{}件", a("normative_documents", "issued")),
                          ("废止行政规范性文件{}件", a("normative_documents", "repealed")),
                          ("截至年底现行有效行政规范性文件{}件", a("normative_documents", "in_force"))])
    else:
        c = _fmt_clauses([("新制作规范性文件{}件", a("normative_documents", "made")),
                          ("新公开规范性文件{}件", a("normative_documents", "published")),
                          ("对外公开规范性文件总数量{}件", a("normative_documents", "total_published"))])
    c2 = _fmt_clauses([("作出行政许可决定{}件", a("licensing", "decisions")),
                       ("行政处罚决定{}件", a("punishment", "decisions")),
                       ("行政强制决定{}件", a("coercion", "decisions"))])
    s2 = "{0}年，{1}".format(year, we)
    s2 += ("，".join(c) + "；" if c else "") + ("，".join(c2) + "。" if c2 else "")
    s2 = s2.rstrip("；") + ("" if s2.endswith("。") else "。")
    s2 += "具体情况如下："

    # 三、收到和处理政府信息公开申请情况
    s3 = "{0}年，{1}".format(year, we)
    p1 = _fmt_clauses([("本年新收政府信息公开申请{}件", new), ("上年结转{}件", co)])
    s3 += "，".join(p1) + "。" if p1 else "依法办理政府信息公开申请。"
    if tp is not None:
        s3 += "本年度办结{}件".format(tp)
        br = _fmt_clauses([("予以公开{}件", g), ("部分公开{}件", pg), ("不予公开{}件", d),
                           ("无法提供{}件", u), ("不予处理{}件", r), ("其他处理{}件", o)])
        if len(br) == 6:
            s3 += "，其中" + "，".join(br)
        s3 += "；"
    if fwd is not None:
        s3 += "结转下年度继续办理{}件；".format(fwd)
    s3 = s3.rstrip("；") + ("" if s3.endswith("。") else "。") + "具体情况如下："

    # 四、政府信息公开行政复议、行政诉讼情况
    if rev_total == 0 and lit_total == 0:
        s4 = ("{0}年，{1}未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。"
              "具体情况如下：").format(year, we)
    else:
        s4 = "{0}年，{1}因政府信息公开工作".format(year, we)
        res = lambda vals: _fmt_clauses(list(zip(  # noqa: E731
            ["结果维持{}件", "结果纠正{}件", "其他结果{}件", "尚未审结{}件"], vals)))
        bits = []
        if rev_total is not None:
            rv = [rl("review", c) for c in T4_COLS[:4]]
            r_ = res(rv)
            bits.append("被申请行政复议{}件".format(rev_total)
                        + ("，其中" + "，".join(r_) if rev_total and len(r_) == 4 else ""))
        if lit_total is not None:
            lv = [_sum([rl("litigation_direct", c), rl("litigation_after_review", c)])
                  for c in T4_COLS[:4]]
            l_ = res(lv)
            bits.append("被提起行政诉讼{}件".format(lit_total)
                        + ("，其中未经复议直接起诉{}件，复议后起诉{}件".format(lit_b, lit_c)
                           if lit_total else "")
                        + ("，" + "，".join(l_) if lit_total and len(l_) == 4 else ""))
        s4 += "；".join(bits) + "。具体情况如下："

    # 五、存在的主要问题及改进情况
    s5 = []
    if year >= 2021:
        s5.append("（一）上年度问题整改情况。针对上年度报告中提出的部分信息发布不够及时、"
                  "政策解读形式较为单一等问题，{0}完善了信息发布审核流程，丰富了图文解读等解读形式，"
                  "相关问题已整改到位。".format(we))
        s5.append("（二）存在的主要问题。一是主动公开的深度和广度有待进一步拓展；二是依申请公开"
                  "答复的规范化水平仍需提高；三是工作人员业务能力有待加强。")
        s5.append("（三）改进措施。{0}年，{1}将进一步细化公开内容，规范依申请公开办理流程，"
                  "加强业务培训，推动政府信息公开工作提质增效。".format(year + 1, we))
    else:
        s5.append("（一）存在的主要问题。一是主动公开的深度和广度有待进一步拓展；二是政策解读的"
                  "形式较为单一；三是工作人员业务能力有待加强。")
        s5.append("（二）改进情况。{0}年，{1}将进一步细化公开内容，丰富政策解读形式，规范依申请"
                  "公开办理流程，加强业务培训，推动政府信息公开工作提质增效。".format(year + 1, we))

    # 六、其他需要报告的事项
    s6 = []
    if year >= 2021:
        fee_rows = _int(fig, "requests.other_overdue_fee.total") if template == "2021" else 0
        if fee_rows:
            fee = ("（一）信息处理费收取情况。本年度{0}依照《政府信息公开信息处理费管理办法》向申请人"
                   "发出收费通知，申请人逾期未缴纳费用，全年实际收取信息处理费0元。").format(we)
        else:
            fee = "（一）信息处理费收取情况。本年度未收取信息处理费。"
        s6.append(fee)
        s6.append("（二）人大代表建议和政协提案办理结果公开情况。{0}按规定公开人大代表建议和政协提案"
                  "办理结果，接受社会监督。".format(we))
        s6.append("（三）年度政务公开工作创新情况。{0}探索通过政务新媒体开展政策“一图读懂”，"
                  "提升政策知晓度。".format(we))
    else:
        s6.append("{0}无其他需要报告的事项。".format(we))
    return {"pre": [pre], 0: (s1, []), 1: ([s2], []), 2: ([s3], []), 3: ([s4], []),
            4: (s5, []), 5: (s6, [])}


# --------------------------------------------------------------------------- document

def build_document(fig, template, year, agency, prose=True, style=None):
    if template not in ("2019", "2021"):
        raise ValueError("template must be '2019' or '2021'")
    unknown = set(fig) - set(all_keys(template))
    if unknown:
        raise KeyError("figures not in the %s template: %s" % (template, sorted(unknown)))
    st = _style(template, style)
    blocks = [("title", "%s%d年政府信息公开工作年度报告" % (agency, year)), ("p", "")]
    pr = prose_blocks(fig, template, year, agency) if prose else None
    if pr:
        blocks += [("p", x) for x in pr["pre"]]
    tables = {1: table2(fig, template, st), 2: table3(fig, template, st), 3: table4(fig, st)}
    for i, h in enumerate(HEADINGS):
        blocks.append(("heading", h))
        if pr:
            blocks += [("p", x) for x in pr[i][0]]
        if i in tables:
            blocks += [("p", "")] * st["gap_before"]
            blocks.append(("table", tables[i]))
            blocks += [("p", "")] * st["gaps"][i - 1]
        if pr:
            blocks += [("p", x) for x in pr[i][1]]
    return blocks


def render_blocks(blocks):
    out = []
    for kind, payload in blocks:
        if kind == "table":
            for row in payload:
                for cell in row:
                    out.append("\t" + "\n".join(cell["paras"]) + "\n")
                out.append("\n")          # </tr>
            out.append("\n")              # </table>
        else:
            out.append(payload + "\n")    # </p>
    return "".join(out)


def render_tika(fig, template, year, agency, prose=True, style=None):
    """The report as Apache Tika's text output of a Word document of that layout."""
    return render_blocks(build_document(fig, template, year, agency, prose, style))


# --------------------------------------------------------------------------- figures

def t3_figures(template, disposal, carried_over, carried_forward):
    """Table 三 from per-column disposal rows (unlisted rows are 0); derives 一 and totals."""
    fig = {}
    rows = disposal_rows(template)
    for k in disposal:
        assert k in rows, k
    vals = {r: list(disposal.get(r, [0] * 6)) for r in rows}
    vals["carried_over"] = list(carried_over)
    vals["carried_forward"] = list(carried_forward)
    vals["total_processed"] = [sum(vals[r][i] for r in rows) for i in range(6)]
    vals["new_received"] = [vals["total_processed"][i] + carried_forward[i] - carried_over[i]
                            for i in range(6)]
    assert min(vals["new_received"]) >= 0, vals["new_received"]
    for r in t3_rows(template):
        v = vals[r]
        assert len(v) == 6 and min(v) >= 0
        for c, x in zip(APPLICANT_COLS, v):
            fig["requests.%s.%s" % (r, c)] = x
        fig["requests.%s.total" % r] = sum(v)
    return fig


def t4_figures(review, direct, after):
    fig = {}
    for blk, v in zip(T4_BLOCKS, (review, direct, after)):
        assert len(v) == 4
        for c, x in zip(T4_COLS, list(v) + [sum(v)]):
            fig["review_litigation.%s.%s" % (blk, c)] = x
    return fig


def t2_figures(rows):
    return {"active.%s.%s" % (r, c): v for r, cols in rows.items() for c, v in cols.items()}


def fig_hongxing():
    fig = t2_figures({
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 2, "repealed": 1, "in_force": 9},
        "licensing": {"decisions": 36},
        "punishment": {"decisions": 5},
        "coercion": {"decisions": 1},
        "fees": {"amount": "1.25"},
    })
    fig.update(t3_figures("2021", {
        "granted": [4, 1, 1, 0, 0, 0],
        "partially_granted": [1, 0, 0, 0, 0, 0],
        "denied_third_party": [1, 0, 0, 0, 0, 0],
        "unable_not_held": [2, 1, 0, 0, 0, 1],
        "unable_unclear": [0, 0, 0, 0, 1, 0],
        "rejected_duplicate": [1, 0, 0, 0, 0, 0],
        "other_overdue_correction": [1, 0, 0, 0, 0, 0],
        "other_reasons": [0, 1, 0, 0, 0, 0],
    }, carried_over=[1, 1, 0, 0, 0, 0], carried_forward=[2, 0, 0, 0, 0, 0]))
    fig.update(t4_figures([1, 0, 0, 1], [1, 1, 0, 0], [0, 0, 0, 1]))
    return fig


def fig_qingshan():
    fig = t2_figures({
        "regulations": {"issued": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"issued": 14, "repealed": 6, "in_force": 87},
        "licensing": {"decisions": 5231},
        "punishment": {"decisions": 1876},
        "coercion": {"decisions": 312},
        "fees": {"amount": "1234.5"},
    })
    fig.update(t3_figures("2021", {
        "granted": [86, 12, 2, 1, 3, 4],
        "partially_granted": [9, 2, 0, 0, 1, 0],
        "denied_state_secret": [1, 0, 0, 0, 0, 0],
        "denied_prohibited_by_law": [2, 0, 0, 0, 0, 0],
        "denied_security_stability": [1, 0, 0, 0, 0, 0],
        "denied_third_party": [4, 1, 0, 0, 0, 0],
        "denied_internal_affairs": [3, 0, 0, 0, 0, 0],
        "denied_process_info": [5, 1, 0, 0, 0, 0],
        "denied_enforcement_files": [2, 0, 0, 0, 1, 0],
        "denied_inquiry": [3, 0, 0, 0, 0, 0],
        "unable_not_held": [41, 6, 1, 0, 2, 1],
        "unable_needs_creation": [7, 1, 0, 0, 0, 0],
        "unable_unclear": [4, 0, 0, 0, 0, 0],
        "rejected_petition": [11, 1, 0, 0, 0, 0],
        "rejected_duplicate": [6, 0, 0, 0, 0, 0],
        "rejected_publication": [1, 0, 0, 0, 0, 0],
        "rejected_excessive": [2, 0, 0, 0, 0, 0],
        "rejected_confirmation": [3, 0, 0, 0, 0, 0],
        "other_overdue_correction": [8, 1, 0, 0, 0, 0],
        "other_overdue_fee": [1, 0, 0, 0, 0, 0],
        "other_reasons": [5, 0, 0, 0, 0, 1],
    }, carried_over=[7, 1, 0, 0, 0, 0], carried_forward=[12, 2, 0, 0, 1, 0]))
    fig.update(t4_figures([5, 2, 1, 3], [3, 1, 0, 2], [2, 0, 1, 1]))
    return fig


def fig_lishui():
    fig = t2_figures({
        "regulations": {"made": 0, "published": 0, "total_published": 0},
        "normative_documents": {"made": 3, "published": 3, "total_published": 21},
        "licensing": {"previous_items": 12, "change": "+2", "decisions": 356},
        "other_management_services": {"previous_items": 5, "change": 0, "decisions": 48},
        "punishment": {"previous_items": 30, "change": -3, "decisions": 27},
        "coercion": {"previous_items": 4, "change": 1, "decisions": 2},
        "fees": {"previous_items": 3, "change": 0},
        "procurement": {"items": 6, "amount": "152.36"},
    })
    fig.update(t3_figures("2019", {
        "granted": [18, 5, 0, 1, 2, 0],
        "partially_granted": [3, 1, 0, 0, 0, 0],
        "denied_third_party": [2, 0, 0, 0, 0, 0],
        "denied_process_info": [1, 1, 0, 0, 0, 0],
        "unable_not_held": [9, 2, 0, 0, 1, 1],
        "unable_needs_creation": [2, 0, 0, 0, 0, 0],
        "unable_unclear": [1, 0, 0, 0, 0, 0],
        "rejected_petition": [4, 0, 0, 0, 0, 0],
        "rejected_duplicate": [2, 0, 0, 0, 0, 0],
        "rejected_confirmation": [1, 0, 0, 0, 0, 0],
        "other_handling": [3, 1, 0, 0, 0, 0],
    }, carried_over=[2, 0, 0, 0, 1, 0], carried_forward=[3, 1, 0, 0, 0, 0]))
    fig.update(t4_figures([2, 1, 0, 1], [1, 0, 0, 1], [1, 0, 0, 0]))
    return fig


def fig_dongfanghong():
    """The figures of the real samples/dongfanghong-2023.txt (blanks included)."""
    fig = {k: 0 for k in all_keys("2019") if k.startswith("active.")}
    fig["active.other_management_services.decisions"] = None
    fig["active.procurement.items"] = None
    fig["active.procurement.amount"] = None
    for k in all_keys("2019"):
        if k.startswith("requests."):
            fig[k] = 0 if k.endswith(".total") else None
        elif k.startswith("review_litigation."):
            fig[k] = 0 if k.endswith(".total") else None
    return fig


def _mod(fig, changes):
    out = dict(fig)
    for k, v in changes.items():
        assert k in out, k
        if callable(v):
            out[k] = v(out[k])
        else:
            out[k] = v
    return out


def _add(n):
    return lambda x: x + n


R = "requests."
RL = "review_litigation."


def samples_full():
    """Yield (filename, template, year, agency, figs, style, expected_rules)."""
    hx, qs, ls = fig_hongxing(), fig_qingshan(), fig_lishui()
    yield ("hongxing-2021.txt", "2021", 2021, "红星镇", hx, "template-padded", [])
    yield ("qingshan-county-2022.txt", "2021", 2022, "青山县人民政府", qs, "template", [])
    yield ("lishui-bureau-2020.txt", "2019", 2020, "澧水县自然资源局", ls, "dfh", [])

    inv = [
        # 1 moved between two disposal rows of one column: both row sums break,
        # every column identity still holds.
        ("T3-ROW", hx, {R + "granted.natural_person": _add(1),
                        R + "partially_granted.natural_person": _add(-1)}),
        # （七） raised in one column (and its row total, to keep T3-ROW) and 一 raised
        # the same way, so the balance still holds.
        ("T3-DISP", hx, {R + "total_processed.commercial": _add(1),
                         R + "total_processed.total": _add(1),
                         R + "new_received.commercial": _add(1),
                         R + "new_received.total": _add(1)}),
        ("T3-BAL", hx, {R + "new_received.natural_person": _add(1),
                        R + "new_received.total": _add(1)}),
        ("T3-INT", hx, {R + "new_received.commercial": "abc"}),
        ("T3-BLANK", hx, {R + "denied_state_secret.natural_person": None}),
        ("T4-SUM-A", hx, {RL + "review.total": _add(1)}),
        ("T4-SUM-B", hx, {RL + "litigation_direct.corrected": _add(1)}),
        ("T4-SUM-C", hx, {RL + "litigation_after_review.upheld": _add(1)}),
        ("T4-INT", hx, {RL + "litigation_direct.corrected": "abc"}),
        ("T4-BLANK", hx, {RL + "review.corrected": None}),
        ("T2-INT", hx, {"active.punishment.decisions": -2}),
        ("T2-AMT", hx, {"active.fees.amount": "-1.5"}),
        ("T2-EMPTY", hx, {"active.coercion.decisions": None}),
        ("T2-SIGN", ls, {"active.licensing.change": "1.5"}),
        ("T2-ITEMS-NEG", ls, {"active.coercion.previous_items": 3,
                              "active.coercion.change": -5}),
        ("T2-2019-PUB", ls, {"active.normative_documents.published": 5,
                             "active.normative_documents.total_published": 3}),
        ("X-FMT", ls, {}),
    ]
    for rule, base, changes in inv:
        fig = _mod(base, changes)
        if base is ls:
            year = 2022 if rule == "X-FMT" else 2020
            yield ("invalid/%s.txt" % rule, "2019", year, "澧水县自然资源局", fig, "dfh", [rule])
        else:
            yield ("invalid/%s.txt" % rule, "2021", 2021, "红星镇", fig, "template", [rule])


def samples_table():
    """Yield (filename, template, year, agency, figs); filename is relative to samples/."""
    for fn, tpl, year, agency, fig, _style_name, _exp in samples_full():
        yield fn, tpl, year, agency, fig


# --------------------------------------------------------------------------- main

# The shared reference copy, beside the repository (../shared/ in the team layout).
REAL_SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "samples", "dongfanghong-2023.txt")


def _selftest_dongfanghong(path):
    """Our 2019 table layout must reproduce the real sample's tables byte for byte."""
    with open(path, encoding="utf-8") as f:
        real = f.read()
    ours = render_tika(fig_dongfanghong(), "2019", 2023, "东方红乡", prose=False,
                       style="dfh-exact")

    def region(text):
        start = text.index("二、主动公开政府信息情况\n") + len("二、主动公开政府信息情况\n")
        end = text.index("五、存在的主要问题及改进情况\n")
        return text[start:end]

    a, b = region(real), region(ours)
    if a != b:
        al, bl = a.split("\n"), b.split("\n")
        for i, (x, y) in enumerate(zip(al, bl)):
            if x != y:
                raise AssertionError("dongfanghong self-test: line %d differs: %r vs %r"
                                     % (i, x, y))
        raise AssertionError("dongfanghong self-test: length differs %d vs %d"
                             % (len(al), len(bl)))
    got = check(fig_dongfanghong(), "2019", 2023)
    assert got == ["T2-EMPTY", "T3-BLANK", "T4-BLANK", "X-FMT"], got


def _selftest_prose(text, fig, template, year):
    """The narrative figures written by prose_blocks agree with the tables."""
    def tot(row):
        return classify(fig.get("requests.%s.total" % row))[1]
    expect = {
        "本年新收政府信息公开申请": tot("new_received"),
        "上年结转": tot("carried_over"),
        "办结": tot("total_processed"),
        "结转下年度继续办理": tot("carried_forward"),
    }
    for pat, v in expect.items():
        for m in re.finditer(re.escape(pat) + r"(\d+)件", text):
            assert int(m.group(1)) == v, (pat, m.group(1), v)
    a = fig.get("review_litigation.review.total")
    for m in re.finditer(r"行政复议(\d+)件", text):
        assert int(m.group(1)) == a, ("行政复议", m.group(1), a)
    lt = (classify(fig.get("review_litigation.litigation_direct.total"))[1]
          + classify(fig.get("review_litigation.litigation_after_review.total"))[1])
    for m in re.finditer(r"行政诉讼(\d+)件", text):
        assert int(m.group(1)) == lt, ("行政诉讼", m.group(1), lt)
    years = {int(y) for y in re.findall(r"(?<!\d)(\d{4})年", text)}
    assert years <= {year, year + 1}, years
    assert ("%d年1月1日起至%d年12月31日止" % (year, year)) in text
    for h in HEADINGS:
        assert text.count("\n" + h + "\n") == 1, h
    if year >= 2021:
        assert "信息处理费" in text.split("\n六、其他需要报告的事项\n")[1]


def main():
    root = os.getcwd()
    if not os.path.isdir(os.path.join(root, "samples")) or \
            not os.path.isdir(os.path.join(root, "scripts")):
        sys.exit("run from the repository root: python3 scripts/gen_samples.py")
    samples = os.path.join(root, "samples")
    os.makedirs(os.path.join(samples, "invalid"), exist_ok=True)

    dfh = os.path.join(samples, "dongfanghong-2023.txt")
    if not os.path.exists(dfh) and os.path.exists(REAL_SAMPLE):
        shutil.copyfile(REAL_SAMPLE, dfh)
    if os.path.exists(dfh):
        _selftest_dongfanghong(dfh)

    names = set()
    for fn, tpl, year, agency, fig, style, expected in samples_full():
        assert fn not in names, fn
        names.add(fn)
        assert fn != "dongfanghong-2023.txt"
        missing = set(all_keys(tpl)) - set(fig)
        assert not missing, (fn, sorted(missing))
        got = check(fig, tpl, year)
        assert got == sorted(expected), "%s: expected %s, checker says %s" % (fn, expected, got)
        text = render_tika(fig, tpl, year, agency, prose=True, style=style)
        _selftest_prose(text, fig, tpl, year)
        assert text == render_tika(fig, tpl, year, agency, prose=True, style=style)
        with open(os.path.join(samples, fn), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print("wrote samples/%s  (%s template, %d; expects: %s)"
              % (fn, tpl, year, ", ".join(expected) or "no rule"))


if __name__ == "__main__":
    main()
