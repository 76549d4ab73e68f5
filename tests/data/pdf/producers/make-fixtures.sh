#!/usr/bin/env bash
# Regenerates the PDF producer fixtures (issue 15) from the bundled samples:
#   <name>.docx                    xxgk convert samples/<sample>.txt --to docx
#   <name>-libreoffice.pdf         LibreOffice headless "export as PDF" of that .docx
#   <name>-libreoffice-rot*.pdf    the same with pages turned by qpdf --rotate (/Rotate)
#   <page>-chromium.pdf            Chromium headless printing tests/data/html/<page>.html
#   *-noborder.pdf                 the same without ruling lines: the .docx with every table and
#                                  cell border set to nil, the web page with borders styled away
# Usage: bash tests/data/pdf/producers/make-fixtures.sh build/xxgk   (from the repository root)
# Needs soffice (libreoffice-writer-nogui), qpdf, a Chinese font (fonts-wqy-microhei: without one
# the producers draw boxes, and Chromium drops characters from the text layer) and, for the
# browser prints, chromium.
set -euo pipefail
xxgk="$(realpath "${1:?usage: make-fixtures.sh XXGK}")"
cd "$(dirname "$0")"
root=../../../..
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$xxgk" convert "$root/samples/hongxing-2021.txt" --to docx -o hongxing-2021.docx
"$xxgk" convert "$root/samples/lishui-bureau-2020.txt" --to docx -o lishui-2020.docx
for name in hongxing-2021 lishui-2020; do
  soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf --outdir "$work" \
    "$name.docx" >/dev/null 2>&1
  cp "$work/$name.pdf" "$name-libreoffice.pdf"
done
# Tables without ruling lines (the word-position fallback): borders of the .docx set to nil.
for name in hongxing-2021 lishui-2020; do
  python3 - "$name.docx" "$work/$name-noborder.docx" <<'PY'
import re, sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename in ("word/document.xml", "word/styles.xml"):
        data = re.sub(rb"<w:(top|left|bottom|right|insideH|insideV|start|end) w:val=\"[^\"]*\"[^>]*/>",
                      rb'<w:\1 w:val="nil"/>', data)
    dst.writestr(item, data)
dst.close()
PY
  soffice -env:UserInstallation="file://$work/lo" --headless --convert-to pdf --outdir "$work" \
    "$work/$name-noborder.docx" >/dev/null 2>&1
  cp "$work/$name-noborder.pdf" "$name-libreoffice-noborder.pdf"
done
qpdf --rotate=+90 hongxing-2021-libreoffice.pdf hongxing-2021-libreoffice-rot90.pdf
qpdf --rotate=+270:1 lishui-2020-libreoffice.pdf lishui-2020-libreoffice-rot270p1.pdf
qpdf --rotate=180 lishui-2020-libreoffice.pdf lishui-2020-libreoffice-rot180.pdf

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -n "$browser" ]; then
  # A real published page (shanghai-2019) and Word's "save as web page" of the two samples.
  for page in shanghai-2019 hongxing-2021.word lishui-bureau-2020.word; do
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --user-data-dir="$work/chromium" --print-to-pdf="$work/$page.pdf" \
      "file://$(realpath "$root/tests/data/html/$page.html")" >/dev/null 2>&1
    cp "$work/$page.pdf" "${page%.word}-chromium.pdf"
  done
  # …and the two Word pages with their borders styled away.
  for page in hongxing-2021.word lishui-bureau-2020.word; do
    python3 - "$root/tests/data/html/$page.html" "$work/$page-noborder.html" <<'PY'
import re, sys
s = open(sys.argv[1], "rb").read()
s = re.sub(rb'border="?\d+"?', b'border="0"', s)
s = re.sub(rb"border(-top|-bottom|-left|-right)?:[^;\"']*", rb"border\1:none", s)
s = s.replace(b"</head>", b"<style>table,tr,td,th{border:none !important}</style></head>", 1)
open(sys.argv[2], "wb").write(s)
PY
    "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
      --user-data-dir="$work/chromium" --print-to-pdf="$work/$page-noborder.pdf" \
      "file://$work/$page-noborder.html" >/dev/null 2>&1
    cp "$work/$page-noborder.pdf" "${page%.word}-chromium-noborder.pdf"
  done
fi
