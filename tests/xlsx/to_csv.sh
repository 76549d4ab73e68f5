#!/usr/bin/env bash
# Converts every sheet of an .xlsx to CSV with LibreOffice headless: to_csv.sh BOOK.xlsx DIR
# writes DIR/<book>-<sheet>.csv (UTF-8, comma-separated, text cells quoted and numbers not, so a
# test sees which cells are numbers). A profile of its own per call: a second soffice on a shared
# profile hands its work to the first and exits 0 without converting.
set -euo pipefail
book=$1
dir=$2
if ! command -v soffice >/dev/null 2>&1; then
  echo "to_csv.sh: soffice not found: run scripts/setup.sh (libreoffice-calc-nogui)" >&2
  exit 2
fi
mkdir -p "$dir"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# Filter options: separator 44 (,), quote 34 ("), charset 76 (UTF-8), first line 1, no column
# formats, language 0, quote all text cells, detect special numbers, save as shown, export
# formulas off, remove spaces off, sheet -1 (every sheet to its own file).
HOME=$profile soffice -env:UserInstallation="file://$profile/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1' \
  --outdir "$dir" "$book" >/dev/null 2>&1
ls "$dir"/*.csv >/dev/null
