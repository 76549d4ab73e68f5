#!/usr/bin/env python3
"""Write the sample reports in every text form and encoding xxgk reads.

Run from the repository root (after scripts/gen_samples.py):

    python3 scripts/gen_text_forms.py

For each valid constructed sample of scripts/gen_samples.py (same figures, same prose, same
layout as samples/<name>.txt) it writes tests/data/textforms/:

  <name>.tsv.txt         rows as TAB-separated lines, as Excel copies a table: a merged cell is
                         its text followed by empty fields, a multi-paragraph cell is quoted
                         ("社会<LF>公益<LF>组织"), quotes inside are doubled
  <name>.md              Markdown: '#'/'##' headings, pipe tables (spans written as empty
                         cells, paragraphs inside a cell joined by <br>, '|' escaped)
  <name>.grid.txt        pandoc-style plain text with grid tables, column and row spans drawn
                         with partial borders, cell paragraphs separated by blank lines,
                         widths counted in display columns (CJK = 2)
  <name>.crlf.txt        the Tika form with CRLF line ends
  <name>.gbk.txt         the Tika form in GBK
  <name>.utf16le.txt     the Tika form in UTF-16LE with BOM
  <name>.utf16be.txt     the Tika form in UTF-16BE with BOM
  <name>.utf8bom.txt     the Tika form in UTF-8 with BOM
  <name>.tsv-gbk-crlf.txt  the TSV form in GBK with CRLF line ends

and for the real samples/dongfanghong-2023.txt, whose prose is not generated, only the byte
level variants (.crlf, .gbk, .utf16le, .utf16be) and .nobookmark.txt (its "[bookmark: …]"
artifact removed).

Every form must give the same `xxgk convert --to json` output as samples/<name>.txt, apart
from "format" (and the reported encoding); tests/golden/textform-* check that.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_samples  # noqa: E402  (the same figures and layout as samples/)

OUT_DIR = os.path.join("tests", "data", "textforms")


# --------------------------------------------------------------------------- cells

def paras_of(cell):
    """A cell's paragraphs without the empty padding paragraphs of centred labels."""
    return [p for p in cell["paras"] if p.strip()]


def grid_of(rows):
    """Places the cells of a table on its grid: returns (owner, origins, ncols).

    owner[r][c] is the id of the cell covering grid position (r, c); origins[id] is
    (cell, r0, r1, c0, c1) with rows r0..r1 inclusive and columns c0..c1-1. A vmerge
    "continue" cell extends the cell above it.
    """
    ncols = sum(c["span"] for c in rows[0])
    owner = []
    origins = []
    for r, row in enumerate(rows):
        line = []
        for cell in row:
            c0 = len(line)
            if cell["vmerge"] == "continue" and r > 0:
                oid = owner[r - 1][c0]
                o = origins[oid]
                origins[oid] = (o[0], o[1], r, o[3], o[4])
            else:
                oid = len(origins)
                origins.append((cell, r, r, c0, c0 + cell["span"]))
            line += [oid] * cell["span"]
        if len(line) != ncols:
            raise ValueError("row %d covers %d columns, not %d" % (r, len(line), ncols))
        owner.append(line)
    return owner, origins, ncols


# --------------------------------------------------------------------------- TSV (Excel)

def tsv_field(text):
    if any(ch in text for ch in "\t\n\"") or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def render_tsv_table(rows):
    out = []
    for row in rows:
        fields = []
        for cell in row:
            text = "" if cell["vmerge"] == "continue" else "\n".join(paras_of(cell))
            fields.append(tsv_field(text))
            fields += [""] * (cell["span"] - 1)
        out.append("\t".join(fields) + "\n")
    return "".join(out)


def render_tsv(blocks):
    out = []
    for kind, payload in blocks:
        if kind == "table":
            out.append(render_tsv_table(payload))
            out.append("\n")
        else:
            out.append(payload + "\n")
    return "".join(out)


# --------------------------------------------------------------------------- Markdown

def md_cell(cell):
    if cell["vmerge"] == "continue":
        return ""
    return "<br>".join(p.replace("\\", "\\\\").replace("|", "\\|") for p in paras_of(cell))


def render_md_table(rows):
    _owner, _origins, ncols = grid_of(rows)
    lines = []
    for i, row in enumerate(rows):
        fields = []
        for cell in row:
            fields.append(md_cell(cell))
            fields += [""] * (cell["span"] - 1)
        lines.append("| " + " | ".join(fields) + " |")
        if i == 0:
            lines.append("|" + "|".join(["---"] * ncols) + "|")
    return "\n".join(lines) + "\n"


def render_md(blocks):
    out = []
    for kind, payload in blocks:
        if kind == "table":
            out.append(render_md_table(payload) + "\n")
        elif kind == "title":
            out.append("# " + payload + "\n\n")
        elif kind == "heading":
            out.append("## " + payload + "\n\n")
        elif payload.strip():
            out.append(payload + "\n\n")
    return "".join(out)


# --------------------------------------------------------------------------- grid tables

def char_width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(s):
    return sum(char_width(ch) for ch in s)


def cell_lines(cell):
    """A grid cell's lines: its paragraphs with blank lines between them."""
    lines = []
    for p in paras_of(cell):
        if lines:
            lines.append("")
        lines.append(p)
    return lines


def render_grid_table(rows):
    owner, origins, ncols = grid_of(rows)
    nrows = len(rows)
    # Column widths (interior, padding included) and row heights (content lines).
    widths = [3] * ncols
    heights = [1] * nrows
    for cell, r0, r1, c0, c1 in sorted(origins, key=lambda o: o[4] - o[3]):
        need = max([text_width(x) for x in cell_lines(cell)] + [1]) + 2
        have = sum(widths[c0:c1]) + (c1 - c0 - 1)
        if need > have:
            widths[c1 - 1] += need - have
    for cell, r0, r1, c0, c1 in sorted(origins, key=lambda o: o[2] - o[1]):
        need = len(cell_lines(cell))
        have = sum(heights[r0:r1 + 1]) + (r1 - r0)
        if need > have:
            heights[r1] += need - have
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w + 1)
    ys = [0]
    for h in heights:
        ys.append(ys[-1] + h + 1)
    # A canvas of display columns; a wide character fills its first column, None the second.
    canvas = [[" "] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    horiz = [[None] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    vert = [[False] * (xs[-1] + 1) for _ in range(ys[-1] + 1)]
    # The header separator: '=' under the first row when no cell crosses it.
    header_sep = all(o[2] == 0 or o[1] > 0 for o in origins)
    for cell, r0, r1, c0, c1 in origins:
        left, right, top, bottom = xs[c0], xs[c1], ys[r0], ys[r1 + 1]
        for x in range(left, right + 1):
            horiz[top][x] = horiz[top][x] or "-"
            horiz[bottom][x] = "=" if (header_sep and r1 == 0) else (horiz[bottom][x] or "-")
        for y in range(top, bottom + 1):
            vert[y][left] = True
            vert[y][right] = True
        for i, line in enumerate(cell_lines(cell)):
            x = left + 2
            for ch in line:
                canvas[top + 1 + i][x] = ch
                w = char_width(ch)
                for k in range(1, w):
                    canvas[top + 1 + i][x + k] = None
                x += w
    for y in range(len(canvas)):
        for x in range(len(canvas[y])):
            if horiz[y][x] and vert[y][x]:
                canvas[y][x] = "+"
            elif horiz[y][x]:
                canvas[y][x] = horiz[y][x]
            elif vert[y][x]:
                canvas[y][x] = "|"
    return "".join("".join(ch for ch in line if ch is not None).rstrip() + "\n"
                   for line in canvas)


def render_grid(blocks):
    out = []
    for kind, payload in blocks:
        if kind == "table":
            out.append(render_grid_table(payload) + "\n")
        else:
            out.append(payload + "\n")
    return "".join(out)


# --------------------------------------------------------------------------- files

def crlf(text):
    return text.replace("\n", "\r\n")


def write(name, data):
    path = os.path.join(OUT_DIR, name)
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s" % path)


def byte_variants(base, tika):
    write(base + ".crlf.txt", crlf(tika).encode("utf-8"))
    write(base + ".gbk.txt", tika.encode("gbk"))
    write(base + ".utf16le.txt", b"\xff\xfe" + tika.encode("utf-16-le"))
    write(base + ".utf16be.txt", b"\xfe\xff" + tika.encode("utf-16-be"))


def main():
    root = os.getcwd()
    if not os.path.isdir(os.path.join(root, "samples")) or \
            not os.path.isdir(os.path.join(root, "scripts")):
        sys.exit("run from the repository root: python3 scripts/gen_text_forms.py")
    os.makedirs(OUT_DIR, exist_ok=True)

    for fn, tpl, year, agency, fig, style, expected in gen_samples.samples_full():
        if fn.startswith("invalid/"):
            continue
        base = fn[:-len(".txt")]
        blocks = gen_samples.build_document(fig, tpl, year, agency, prose=True, style=style)
        tika = gen_samples.render_blocks(blocks)
        with open(os.path.join("samples", fn), encoding="utf-8") as f:
            if f.read() != tika:
                sys.exit("samples/%s is not what gen_samples.py writes: run it first" % fn)
        tsv = render_tsv(blocks)
        write(base + ".tsv.txt", tsv.encode("utf-8"))
        write(base + ".md", render_md(blocks).encode("utf-8"))
        write(base + ".grid.txt", render_grid(blocks).encode("utf-8"))
        write(base + ".utf8bom.txt", b"\xef\xbb\xbf" + tika.encode("utf-8"))
        write(base + ".tsv-gbk-crlf.txt", crlf(tsv).encode("gbk"))
        byte_variants(base, tika)

    dfh = os.path.join("samples", "dongfanghong-2023.txt")
    if os.path.exists(dfh):
        with open(dfh, encoding="utf-8") as f:
            real = f.read()
        byte_variants("dongfanghong-2023", real)
        stripped = re.sub(r"\[bookmark: [^\]]*\]", "", real)
        assert stripped != real, "the real sample lost its bookmark artifact"
        write("dongfanghong-2023.nobookmark.txt", stripped.encode("utf-8"))


if __name__ == "__main__":
    main()
