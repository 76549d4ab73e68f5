#!/usr/bin/env python3
"""Writes tests/data/layouts/: one real report in the forms converters and people lay its tables
out (format.md §7 items 15-18), for the golden input-layouts-same-report, which checks that every
form gives the same normalized JSON.

The report is 淮安市洪泽区人民政府2024年政府信息公开工作年度报告 (the published PDF, real-pdf/
003_huaian_hongzequ_2024.pdf), figures and labels exactly as published: its own typo
"2.其他法律行政止公开", its single （六）其他处理 row and its prose total "受理…17件" that
differs from the table's 95. Forms:
  hongzequ-2024.txt             Tika text of the Word original (a line per cell, TAB first)
  hongzequ-2024.joined.md       converter Markdown: label paths joined in one cell, header paths
                                joined ("法人或其他组织 商业企业"), 表四 header "行政复议·结果维持"
  hongzequ-2024.split.md        converter Markdown: each group its own small table with
                                placeholder headers 数据1…数据7, 表四 as three blocks of five,
                                page markers between tables
  hongzequ-2024.fragment.html   a saved page body: no <html>/<head>, prose in <p>, the tables far
                                into the file
Run from the repository root."""

from pathlib import Path

OUT = Path("tests/data/layouts")
NAME = "hongzequ-2024"

TITLE = "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
PREAMBLE = (
    "本报告由淮安市洪泽区人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第711号）"
    "（以下简称《条例》）要求编制此报告。报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。"
    "如对本报告有疑问，请与淮安市洪泽区人民政府办公室联系（地址：淮安市洪泽区洪泽湖大道90号，"
    "邮编：223100，电话：0517-87290606）。"
)
SECTION1 = [
    "2024年，淮安市洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央国务院、"
    "省委省政府、淮安市委市政府关于全面推进政务公开工作的各项决策部署，围绕区委、区政府中心工作，"
    "以完善信息公开制度、推进公开平台建设为抓手，全面推动政务公开工作转职能、增效能、强功能，"
    "有力服务保障我区经济社会高质量发展。",
    "（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。"
    "2024年，我区在政府网站平台主动发布各类政府信息2428条，公开政府常务会议7期，解读信息发布7条。",
    "（二）依申请公开情况。根据《条例》和上级部门关于依申请办理的规范要求，强化组织领导、规范办理流程，"
    "指导各部门采取自行办理、协同办理、会商办理相结合的工作方式，确保依申请答复工作规范高效。"
    "2024年，区政府办代表区政府受理政府信息公开申请17件，均已在法定期限内予以答复。",
    "（三）政府信息管理情况。加强区政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，"
    "新增信息审核发布报备制度。严格执行“分级审核、先审后发”程序，落实“三审三校”制度，"
    "从严从实把好政治关、法律关、政策关、保密关、文字关，未经审核报备的信息一律不准发布。",
    "（四）政府信息公开平台建设情况。加强对区政府网站、政务新媒体动态全面监管，按照政务新媒体管理标准定期检查，"
    "对存在未及时更新、不良链接等问题进行严格督查，及时关停整合用户关注度低、更新不及时、"
    "无力运维的政务新媒体账号，确保公开信息及时准确规范。",
    "（五）政府信息公开监督保障情况。将政府网站平台信息公开工作纳入全区高质量发展考核内容，"
    "促进信息公开工作持续向好。紧盯重要时间节点，保障政务新媒体安全平稳运行，及时转载党中央、国务院重大方针政策。",
]
SECTION5 = [
    "2024年，全区政府信息公开工作虽取得一定成绩，但对照上级要求和群众期盼，仍存在一些不足，主要是："
    "个别部门对复杂申请件的研判能力不足，答复文书规范性有待提升，疑难问题协调处理机制尚需完善，"
    "政策解读的形式还不够丰富，政务新媒体运维管理还需加强等。",
    "针对存在问题，2025年我们将切实抓好以下工作：一是扎实推进依申请公开工作，全面梳理和优化工作流程、"
    "健全工作机制、强化部门协同配合，全面提升政府信息依申请公开规范化、专业化水平。"
    "二是加强对典型案例的研究、梳理和汇总。不定期更新编制适用性广、操作性强的依申请公开政府信息答复书模板，"
    "使各行政机关答复的方式、格式、不予公开依据等更加规范，有效降低行政复议、行政诉讼发生率和纠错率。"
    "三是继续加强业务指导培训，实行政府信息公开工作人员跟班学习制度，"
    "不断提高各单位政府信息公开工作人员的思想认识和业务工作水平。",
]
SECTION6 = [
    "2024年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。"
]
HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

# 表二: (caption, columns, rows)
ACTIVE = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"],
     [("规章", ["0", "0", "0"]), ("行政规范性文件", ["3", "0", "8"])]),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["9487"])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["2776"]), ("行政强制", ["84"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["7545"])]),
]

RESULTS = "三、本年度办理结果"
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
LEGAL = "法人或其他组织"


def z(first):
    """A row whose only non-zero applicant is 自然人 (as in the published table)."""
    return [str(first), "0", "0", "0", "0", "0", str(first)]


# 表三: (group path above the row, row label, values); the group path is () for top-level rows.
REQUESTS = [
    ((), "一、本年新收政府信息公开申请数量", z(95)),
    ((), "二、上年结转政府信息公开申请数量", z(0)),
    ((RESULTS,), "（一）予以公开", z(50)),
    ((RESULTS,), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", z(9)),
    ((RESULTS, "（三）不予公开"), "1.属于国家秘密", z(0)),
    ((RESULTS, "（三）不予公开"), "2.其他法律行政止公开", z(0)),  # sic, as published
    ((RESULTS, "（三）不予公开"), "3.危及“三安全一稳定”", z(1)),
    ((RESULTS, "（三）不予公开"), "4.保护第三方合法权益", z(0)),
    ((RESULTS, "（三）不予公开"), "5.属于三类内部事务信息", z(0)),
    ((RESULTS, "（三）不予公开"), "6.属于四类过程性信息", z(1)),
    ((RESULTS, "（三）不予公开"), "7.属于行政执法案卷", z(1)),
    ((RESULTS, "（三）不予公开"), "8.属于行政查询事项", z(0)),
    ((RESULTS, "（四）无法提供"), "1.本机关不掌握相关政府信息", z(31)),
    ((RESULTS, "（四）无法提供"), "2.没有现成信息需要另行制作", z(1)),
    ((RESULTS, "（四）无法提供"), "3.补正后申请内容仍不明确", z(0)),
    ((RESULTS, "（五）不予处理"), "1.信访举报投诉类申请", z(1)),
    ((RESULTS, "（五）不予处理"), "2.重复申请", z(0)),
    ((RESULTS, "（五）不予处理"), "3.要求提供公开出版物", z(0)),
    ((RESULTS, "（五）不予处理"), "4.无正当理由大量反复申请", z(0)),
    ((RESULTS, "（五）不予处理"), "5.要求行政机关确认或重新出具已获取信息", z(0)),
    ((RESULTS,), "（六）其他处理", z(0)),
    ((RESULTS,), "（七）总计", z(95)),
    ((), "四、结转下年度继续办理", z(0)),
]

REVIEW = ["1", "1", "0", "0", "2"]
DIRECT = ["1", "0", "0", "0", "1"]
AFTER = ["2", "0", "1", "0", "3"]
RESULT_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def body(tables):
    """Title, paragraphs and headings, with `tables[i]` (a list of lines) after heading i."""
    out = [TITLE, "", PREAMBLE, HEADINGS[0], *SECTION1]
    for i in (1, 2, 3):
        out.append(HEADINGS[i])
        out.extend(tables[i])
    out += [HEADINGS[4], *SECTION5, HEADINGS[5], *SECTION6]
    return out


def tika():
    def cells(*texts):
        return ["\t" + t for t in texts]

    active = []
    for caption, cols, rows in ACTIVE:
        active += cells(caption) + [""] + cells("信息内容", *cols) + [""]
        for label, values in rows:
            active += cells(label, *values) + [""]
    requests = cells(NOTE, "申请人情况") + [""]
    requests += cells("", "自然人", LEGAL, "总计") + [""]
    requests += cells("", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他") + [""]
    seen = set()
    for path, label, values in REQUESTS:
        lead = []
        for depth, g in enumerate(path):
            lead.append(g if (depth, g) not in seen else "")
            seen.add((depth, g))
        requests += cells(*lead, label, *values) + [""]
    review = cells("行政复议", "行政诉讼") + [""]
    review += cells(*RESULT_COLUMNS, "未经复议直接起诉", "复议后起诉") + [""]
    review += cells("", "", "", "", "", *RESULT_COLUMNS, *RESULT_COLUMNS) + [""]
    review += cells(*REVIEW, *DIRECT, *AFTER) + [""]
    return body({1: active, 2: requests, 3: review})


def md_row(cells):
    return "| " + " | ".join(cells) + " |"


def md_table(header, rows):
    return [md_row(header), md_row(["---"] * len(header)), *(md_row(r) for r in rows), ""]


def joined():
    active = []
    rows = []
    for caption, cols, items in ACTIVE:
        for label, values in items:
            rows.append([f"{caption} {label}", *values, *([""] * (3 - len(values)))])
    # one table, the header naming the first block's columns (as converters emit it)
    active = md_table(["信息内容", *ACTIVE[0][1]], rows)
    header = [NOTE, "申请人情况 自然人", *(f"申请人情况 {LEGAL} {c}" for c in APPLICANTS[1:6]), "申请人情况 总计"]
    requests = md_table(header, [[" ".join((*path, label)), *values] for path, label, values in REQUESTS])
    review_header = [f"行政复议·{c}" for c in RESULT_COLUMNS]
    review_header += [f"行政诉讼 未经复议直接起诉 {c}" for c in RESULT_COLUMNS]
    review_header += [f"行政诉讼 复议后起诉 {c}" for c in RESULT_COLUMNS]
    review = md_table(review_header, [REVIEW + DIRECT + AFTER])
    return body({1: active, 2: requests, 3: review})


def split():
    placeholders = [f"数据{i}" for i in range(1, 8)]
    active = []
    for caption, cols, items in ACTIVE:
        active += md_table([caption, *cols], [[label, *values] for label, values in items])
    requests = []
    page = 3
    groups = []
    for path, label, values in REQUESTS:
        if not groups or groups[-1][0] != path:
            groups.append((path, []))
        groups[-1][1].append((label, values))
    for n, (path, items) in enumerate(groups):
        # the first small table repeats the real header; the others carry placeholders
        header = ["项目", *APPLICANTS] if n == 0 else ["项目", *placeholders]
        rows = []
        if path:
            rows.append([path[-1] if len(path) > 1 else path[0], *([""] * 7)])
        rows += [[label, *values] for label, values in items]
        requests += md_table(header, rows)
        if n == 3:
            requests += [f"— {page} —", ""]
            page += 1
    review = []
    for caption, values in (("行政复议", REVIEW), ("行政诉讼 未经复议直接起诉", DIRECT),
                            ("行政诉讼 复议后起诉", AFTER)):
        # the caption is the merged first row, which Markdown can only write as the header
        review += md_table([caption, "", "", "", ""], [RESULT_COLUMNS, values])
    return body({1: active, 2: requests, 3: review})


def html_fragment():
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def table(rows):
        out = ['<table border="1" cellspacing="0">', "<tbody>"]
        for r in rows:
            out.append("<tr>" + "".join(
                f"<td{attrs}>{esc(text)}</td>" for text, attrs in r) + "</tr>")
        out += ["</tbody>", "</table>"]
        return out

    def plain(*texts):
        return [(t, "") for t in texts]

    active = []
    for caption, cols, items in ACTIVE:
        width = len(cols) + 1
        rows = [[(caption, f' colspan="{width}"')], plain("信息内容", *cols)]
        rows += [plain(label, *values) for label, values in items]
        active += table(rows)
    rows = [[(NOTE, ' colspan="3" rowspan="3"'), ("申请人情况", ' colspan="7"')],
            [("自然人", ' rowspan="2"'), (LEGAL, ' colspan="5"'), ("总计", ' rowspan="2"')],
            plain(*APPLICANTS[1:6])]
    counts = {}
    for path, label, values in REQUESTS:
        for g in path:
            counts[g] = counts.get(g, 0) + 1
    seen = set()
    for path, label, values in REQUESTS:
        r = []
        if not path:
            r.append((label, ' colspan="3"'))
        else:
            for g in path:
                if g not in seen:
                    seen.add(g)
                    r.append((g, f' rowspan="{counts[g]}"'))
            r.append((label, ' colspan="2"' if len(path) == 1 else ""))
        r += plain(*values)
        rows.append(r)
    requests = table(rows)
    review = table([
        [("行政复议", ' colspan="5"'), ("行政诉讼", ' colspan="10"')],
        [*((c, ' rowspan="2"') for c in RESULT_COLUMNS), ("未经复议直接起诉", ' colspan="5"'),
         ("复议后起诉", ' colspan="5"')],
        plain(*RESULT_COLUMNS, *RESULT_COLUMNS),
        plain(*REVIEW, *DIRECT, *AFTER),
    ])
    lines = body({1: active, 2: requests, 3: review})
    out = []
    for line in lines:
        if not line or line.startswith("<"):
            out.append(line)
        else:
            out.append(f"<p>{esc(line)}</p>")
    return out


def markdown(lines):
    """Paragraphs separated by blank lines; a table's lines together, a blank line after it."""
    out = []
    for line in lines:
        if line.startswith("|"):
            out.append(line + "\n")
        elif line:
            out.append(line + "\n\n")
        elif out and out[-1].startswith("|"):
            out.append("\n")
    return "".join(out)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{NAME}.txt").write_text("\n".join(tika()) + "\n", encoding="utf-8")
    (OUT / f"{NAME}.joined.md").write_text(markdown(joined()), encoding="utf-8")
    (OUT / f"{NAME}.split.md").write_text(markdown(split()), encoding="utf-8")
    (OUT / f"{NAME}.fragment.html").write_text("\n".join(html_fragment()) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
