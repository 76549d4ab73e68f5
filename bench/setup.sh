#!/usr/bin/env bash
# Installs what the benchmark needs beyond the normal build (scripts/setup.sh): GNU time (the
# peak RSS of each run) and Debian's python3-docx for the python-docx baseline
# (bench/python_docx_baseline.py runs it with /usr/bin/python3). Runs apt-get as root, or
# through sudo when not root.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if dpkg-query -W -f='${Status}' python3-docx 2>/dev/null | grep -q "install ok installed" &&
  [ -x /usr/bin/time ]; then
  exit 0
fi
echo "xxgk bench setup: installing python3-docx and time" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "xxgk bench setup: need root or sudo to install python3-docx" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends python3-docx time >/dev/null
