#!/usr/bin/env bash
# Configures and builds xxgk (warnings as errors) into build/ — or into $XXGK_BUILD_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build_dir="${XXGK_BUILD_DIR:-build}"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="${XXGK_BUILD_TYPE:-RelWithDebInfo}" -DXXGK_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)"
