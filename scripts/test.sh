#!/usr/bin/env bash
# Sets up, builds, and runs every test (unit, golden, rule samples) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --test-dir "${XXGK_BUILD_DIR:-build}" --output-on-failure -j"$(nproc)"
