#!/usr/bin/env bash
# Quick start: sets up, builds, and runs `xxgk check` on the bundled sample reports.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
exec build/xxgk check samples/*.txt
