"""Test fixture: an HTML report with the last cell of the table row holding LABEL emptied.
Usage: blank_td.py IN OUT ENCODING LABEL"""
import re
import sys

src, dst, enc, label = sys.argv[1:5]
s = open(src, encoding=enc).read()
row = next(m for m in re.finditer(r"<tr[ >].*?</tr>", s, re.S | re.I) if label in m.group(0))
cells = list(re.finditer(r"(<td[^>]*>)(.*?)(</td>)", row.group(0), re.S | re.I))
last = cells[-1]
a, b = row.start() + last.start(2), row.start() + last.end(2)
s = s[:a] + s[b:]
open(dst, "w", encoding=enc, newline="").write(s)
