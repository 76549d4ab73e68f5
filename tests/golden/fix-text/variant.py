"""Test fixture: samples/hongxing-2021.txt (Tika text: a row label line, then its seven values,
one a line) with values replaced. Usage: variant.py OUT LABEL:INDEX=TEXT... ("" TEXT = blank)."""
import sys

lines = open("../../../samples/hongxing-2021.txt", encoding="utf-8").read().split("\n")
for spec in sys.argv[2:]:
    head, text = spec.split("=", 1)
    label, index = head.rsplit(":", 1)
    row = next(i for i, l in enumerate(lines) if l.startswith("\t" + label))
    lines[row + 1 + int(index)] = "\t" + text
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(lines))
