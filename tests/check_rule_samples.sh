#!/usr/bin/env bash
# Every rule that `xxgk rules` lists has a sample samples/invalid/<RULE>[.<variant>].txt (or, for
# cross-document rules, a directory samples/batch/<RULE>/) that triggers exactly that rule, and
# every valid sample (samples/*.txt) triggers no error. A directory with an `aggregate.args` file
# is run as `xxgk aggregate ARGS` in that directory (X-AGG, X-MISSING, X-UNLISTED).
set -u
XXGK="$1"
ROOT="$2"
status=0
rules=$("$XXGK" rules | awk 'NR > 1 {print $1}')
[ -n "$rules" ] || { echo "xxgk rules listed nothing"; exit 1; }
for rule in $rules; do
  case "$rule" in READ-*) continue ;; esac # reader findings: covered by the reader tests
  if [ -f "$ROOT/samples/batch/$rule/aggregate.args" ]; then
    # shellcheck disable=SC2046 # the arguments are words on purpose
    got=$(cd "$ROOT/samples/batch/$rule" && "$XXGK" aggregate --format json \
      $(cat aggregate.args) 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
reports = d["reports"] + d.get("cross_document", [])
print(" ".join(sorted({x["rule"] for r in reports for x in r.get("diagnostics", [])})))')
    if [ "$got" != "$rule" ]; then
      echo "FAIL: samples/batch/$rule triggers [$got], expected exactly [$rule]"
      status=1
    fi
    continue
  fi
  if [ -d "$ROOT/samples/batch/$rule" ]; then
    # Cross-document rules: a directory of reports that together trigger exactly the rule.
    got=$("$XXGK" check --format json "$ROOT/samples/batch/$rule" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
reports = d["reports"] + d.get("cross_document", [])
print(" ".join(sorted({x["rule"] for r in reports for x in r.get("diagnostics", [])})))')
    if [ "$got" != "$rule" ]; then
      echo "FAIL: samples/batch/$rule triggers [$got], expected exactly [$rule]"
      status=1
    fi
    continue
  fi
  shopt -s nullglob
  files=("$ROOT/samples/invalid/$rule.txt" "$ROOT/samples/invalid/$rule".*.txt)
  found=0
  for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    found=1
    got=$("$XXGK" check --format json "$f" | python3 -c '
import json, sys
d = json.load(sys.stdin)
reports = d["reports"] + d.get("cross_document", [])
print(" ".join(sorted({x["rule"] for r in reports for x in r.get("diagnostics", [])})))')
    if [ "$got" != "$rule" ]; then
      echo "FAIL: $f triggers [$got], expected exactly [$rule]"
      status=1
    fi
  done
  if [ $found = 0 ]; then
    echo "FAIL: rule $rule has no sample under samples/invalid/"
    status=1
  fi
done
for f in "$ROOT"/samples/*.txt; do
  "$XXGK" check "$f" > /dev/null
  code=$?
  if [ $code != 0 ]; then
    echo "FAIL: valid sample $f exits $code"
    status=1
  fi
done
[ $status = 0 ] && echo "rule samples: every rule has a sample that triggers exactly it"
exit $status
