#!/usr/bin/env bash
# Runs one golden case: `cmd` (a shell line using $XXGK) in the case directory; compares stdout
# with expected.out, the exit code with expected.exit and, if present, stderr with expected.err.
# XXGK_UPDATE_GOLDEN=1 rewrites the expected files instead.
set -u
XXGK="$1"
case_dir="$2"
cd "$case_dir" || exit 2
export XXGK NO_COLOR=1 LC_ALL=C.UTF-8
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
bash -c "$(cat cmd)" >"$out" 2>"$err"
code=$?
if [ "${XXGK_UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$out" expected.out
  echo "$code" > expected.exit
  if [ -f expected.err ] || [ -s "$err" ]; then cp "$err" expected.err; fi
  exit 0
fi
status=0
if ! diff -u expected.out "$out"; then
  echo "golden: stdout differs in $case_dir" >&2
  status=1
fi
want=$(cat expected.exit 2>/dev/null || echo 0)
if [ "$code" != "$want" ]; then
  echo "golden: exit code $code, expected $want in $case_dir" >&2
  cat "$err" >&2
  status=1
fi
if [ -f expected.err ] && ! diff -u expected.err "$err"; then
  echo "golden: stderr differs in $case_dir" >&2
  status=1
fi
exit $status
