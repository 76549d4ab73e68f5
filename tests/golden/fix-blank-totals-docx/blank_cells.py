"""Test fixture: a copy of a .docx with the last cell (总计) of the table rows where a cell
starts with one of the given labels emptied (its runs removed). Other parts are copied as they
are. IN may also be a Flat OPC or Word 2003 XML file. Usage: blank_cells.py IN.docx OUT.docx LABEL..."""
import re
import sys
import zipfile

src, dst, labels = sys.argv[1], sys.argv[2], sys.argv[3:]
package = zipfile.is_zipfile(src)
if package:
    zin = zipfile.ZipFile(src)
    xml = zin.read("word/document.xml").decode("utf-8")
else:  # Flat OPC or Word 2003 XML: one file
    xml = open(src, encoding="utf-8").read()


def text_of(fragment):
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", fragment))


out, pos, done = [], 0, set()
for tr in re.finditer(r"<w:tr[ >].*?</w:tr>", xml, re.S):
    cells = list(re.finditer(r"<w:tc>.*?</w:tc>", tr.group(0), re.S))
    if len(cells) < 2:
        continue
    heads = [text_of(c.group(0)).strip() for c in cells[:-1]]
    label = next((l for l in labels if any(h.startswith(l) for h in heads)), None)
    if label is None or label in done:
        continue
    done.add(label)
    last = cells[-1]
    start = tr.start() + last.start()
    end = tr.start() + last.end()
    emptied = re.sub(r"<w:r[ >].*?</w:r>", "", last.group(0), flags=re.S)
    out.append(xml[pos:start])
    out.append(emptied)
    pos = end
out.append(xml[pos:])
missing = set(labels) - done
if missing:
    sys.exit("no row for: " + ", ".join(sorted(missing)))
if not package:
    open(dst, "w", encoding="utf-8").write("".join(out))
    sys.exit(0)
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename == "word/document.xml":
            data = "".join(out).encode("utf-8")
        zout.writestr(info, data)
