"""Test check: what `xxgk fix` changed between IN and its copy OUT (.docx, or one XML file).
Prints whether the package has the same parts, which other parts changed, the figures of the runs
added, and whether the XML is otherwise byte-identical (removing those runs gives IN back)."""
import re
import sys
import zipfile

a_path, b_path = sys.argv[1], sys.argv[2]
if zipfile.is_zipfile(a_path):
    a, b = zipfile.ZipFile(a_path), zipfile.ZipFile(b_path)
    print("same parts:", a.namelist() == b.namelist())
    for n in a.namelist():
        if n != "word/document.xml" and a.read(n) != b.read(n):
            print("changed:", n)
    x, y = a.read("word/document.xml").decode(), b.read("word/document.xml").decode()
else:
    x, y = open(a_path, encoding="utf-8").read(), open(b_path, encoding="utf-8").read()
run = re.compile(r"<w:r>(?:<w:rPr>(?:(?!</w:r>).)*</w:rPr>)?<w:t>(\d+)</w:t></w:r>")
# Walk both texts together; where they part, the copy must have a whole added run there.
i = j = 0
figures, identical = [], True
while i < len(x) or j < len(y):
    if i < len(x) and j < len(y) and x[i] == y[j]:
        i += 1
        j += 1
        continue
    # The run may start a few characters back (an added run shares its "<w:r" with what follows).
    for back in range(0, 8):
        m = run.match(y, j - back) if j - back >= 0 else None
        if m and y[m.end():].startswith(x[i - back:i - back + 200] if i - back < len(x) else ""):
            figures.append(m.group(1))
            i -= back
            j = m.end()
            break
    else:
        identical = False
        break
print("runs added:", figures)
print("XML otherwise identical:", identical)
