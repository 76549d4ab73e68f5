#!/usr/bin/env bash
# Regenerates the PDF producer fixtures (issue 15) from the bundled samples:
#   <name>.docx                    xxgk convert samples/<sample>.txt --to docx
#   <name>-libreoffice.pdf         LibreOffice headless "export as PDF" of that .docx
#   <name>-libreoffice-rot*.pdf    the same with pages turned by qpdf --rotate (/Rotate)
#   <page>-chromium.pdf            Chromium headless printing tests/data/html/<page>.html
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
fi
