#!/usr/bin/env bash
# Installs the Debian packages xxgk needs to build and test, if any is missing.
# Runs apt-get as root, or through sudo when not root.
set -euo pipefail

packages=(
  cmake g++ make pkg-config python3 python3-jsonschema
  libcli11-dev libpugixml-dev libfmt-dev doctest-dev nlohmann-json3-dev libzip-dev libutf8proc-dev
  libxml2-dev libpoppler-cpp-dev libpoppler-private-dev poppler-utils qpdf
  libreoffice-writer-nogui
  libxlsxwriter-dev help2man dpkg-dev ccache libreoffice-calc-nogui libmimalloc-dev
)
# libmimalloc-dev: the allocator (optional: without it xxgk is slower, the same otherwise).
# libxlsxwriter-dev: convert --to xlsx and check --format xlsx; help2man: the man page (optional
# for the build); dpkg-dev: dpkg-shlibdeps for `cpack -G DEB`; ccache: .ci/run's compiler cache;
# libreoffice-calc-nogui: the xlsx tests read the workbooks back with LibreOffice headless.
# libreoffice-writer-nogui: the convert tests open the generated .docx with LibreOffice headless
# (issue 11); without it that test fails rather than passing silently.
# libpoppler-cpp-dev, libpoppler-private-dev: the PDF reader (issue 15); poppler-utils and qpdf:
# bench/pdf.py compares with pdftotext, and the PDF fixtures (rotated pages) are made with qpdf.
# Optional: clang and libFuzzer for fuzz/run.sh (issue 9); not needed for the normal build.
if [ -n "${XXGK_FUZZ_SETUP:-}" ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "xxgk setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "xxgk setup: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
