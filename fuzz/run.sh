#!/usr/bin/env bash
# Builds one libFuzzer target (clang, ASan+UBSan) into build-fuzz/ and runs it for N seconds at
# the lowest CPU priority, seeded from the samples, the test fixtures and the schemas.
#
#   bash fuzz/run.sh TARGET [SECONDS] [extra libFuzzer flags…]
#   TARGET: text_reader | docx_reader | word_xml_reader | schema_loader | pipeline | pdf_reader
#
# Needs clang and libFuzzer (Debian: clang-14 libclang-rt-14-dev; `XXGK_FUZZ_SETUP=1 bash
# scripts/setup.sh` installs them). New inputs go to build-fuzz/corpus/TARGET, crashes to
# build-fuzz/artifacts/TARGET/, the log to build-fuzz/logs/TARGET.log. Copy every crash into
# tests/corpus/regressions/ once it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: fuzz/run.sh TARGET [SECONDS] [libFuzzer flags…]}"
seconds="${2:-60}"
shift $(( $# >= 2 ? 2 : 1 ))
build="${XXGK_FUZZ_BUILD_DIR:-build-fuzz}"

case "$target" in
text_reader) max_len=32768 ;;
schema_loader) max_len=65536 ;;
docx_reader) max_len=131072 ;;
word_xml_reader) max_len=65536 ;; # the fixtures' document.xml (180 KB) is cut; small seeds added
pipeline) max_len=262144 ;;
pdf_reader) max_len=524288 ;; # the real PDFs are 240-410 KB
*)
  echo "fuzz/run.sh: unknown target '$target'" >&2
  exit 2
  ;;
esac

if [ ! -f "$build/CMakeCache.txt" ]; then
  CC="${CC:-clang}" CXX="${CXX:-clang++}" cmake -S . -B "$build" -DXXGK_FUZZ=ON -DXXGK_WERROR=OFF \
    -DXXGK_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
# XXGK_FUZZ_NO_BUILD=1 runs the binary already built (e.g. two targets at once: one build first).
if [ -z "${XXGK_FUZZ_NO_BUILD:-}" ]; then
  nice -n 19 cmake --build "$build" -j"${XXGK_FUZZ_JOBS:-1}" --target "fuzz_$target"
fi

# Seeds: copied (never linked) so that libFuzzer cannot touch the sources.
seeds="$build/seeds/$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$build/corpus/$target" "$build/artifacts/$target" "$build/logs"
add_seeds() {
  local f
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$seeds/$(echo "$f" | tr '/' '_')"
  done
  return 0
}
shopt -s nullglob globstar
case "$target" in
text_reader)
  add_seeds samples/*.txt samples/invalid/*.txt tests/data/textforms/* tests/corpus/text/* \
    tests/corpus/numbers/*.txt tests/corpus/regressions/text_reader-*
  ;;
schema_loader)
  add_seeds schemas/*.json tests/corpus/schema/* tests/corpus/regressions/schema_loader-*
  ;;
docx_reader)
  add_seeds tests/data/**/*.docx tests/corpus/zip/* tests/corpus/bitflip/*.docx \
    tests/corpus/regressions/docx_reader-*
  ;;
word_xml_reader)
  add_seeds tests/data/docx/*.xml tests/corpus/xml/*.xml tests/corpus/truncated/*xml* \
    tests/corpus/regressions/word_xml_reader-*
  ;;
pdf_reader)
  add_seeds tests/data/pdf/**/*.pdf tests/corpus/pdf/* tests/corpus/regressions/pdf_reader-*
  ;;
pipeline)
  add_seeds samples/*.txt samples/invalid/*.txt tests/data/textforms/* tests/data/html/*.html \
    tests/data/**/*.docx tests/data/docx/*.xml tests/corpus/*/* tests/corpus/regressions/pipeline-*
  ;;
esac

dict=()
if [ -f "fuzz/$target.dict" ]; then
  dict=(-dict="fuzz/$target.dict")
fi
echo "fuzz/run.sh: $target for ${seconds}s, $(ls "$seeds" | wc -l) seeds, log $build/logs/$target.log" >&2
# Run a copy, so that rebuilding the target while it runs does not pull the binary away.
mkdir -p "$build/run"
# fuzz_pipeline reads PDFs through the backend module built beside the library (the others link
# it or never meet a PDF).
export XXGK_PDF_MODULE="${XXGK_PDF_MODULE:-$PWD/$build/xxgk-pdf.so}"
cp "$build/fuzz/fuzz_$target" "$build/run/fuzz_$target"
nice -n 19 "$build/run/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 \
  -max_len="$max_len" -timeout=30 -print_final_stats=1 -artifact_prefix="$build/artifacts/$target/" \
  "${dict[@]}" "$@" "$build/corpus/$target" "$seeds" 2>&1 | tee -a "$build/logs/$target.log"
