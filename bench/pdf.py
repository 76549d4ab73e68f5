#!/usr/bin/env python3
"""PDF speed (issue 15): `xxgk check FILE.pdf` against poppler alone extracting the text with
boxes (`pdftotext -bbox-layout FILE.pdf`), on the same files in the same run.

    python3 bench/pdf.py --xxgk build-rel/xxgk [--runs 11] [--check] [FILE_OR_DIR …]

Default inputs: tests/data/pdf/real/ and tests/data/pdf/producers/. Each file is run --runs
times by both programs, interleaved (xxgk, pdftotext, xxgk, …) so that load changes hit both
alike; every run is a child process measured with wait4 (wall and CPU = user + system time). The
medians per file and their ratio are printed as a Markdown table (docs/performance.md, "PDF").
--check exits 1 when a file's median CPU ratio exceeds 3 (the target of issue 15).
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.0


def measure(cmd):
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, code


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--xxgk", default=str(ROOT / "build-rel" / "xxgk"))
    ap.add_argument("--pdftotext", default=shutil.which("pdftotext") or "pdftotext")
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--check", action="store_true", help=f"exit 1 if a CPU ratio exceeds {TARGET}")
    ap.add_argument("inputs", nargs="*")
    args = ap.parse_args()
    inputs = args.inputs or [str(ROOT / "tests/data/pdf/real"),
                             str(ROOT / "tests/data/pdf/producers")]
    files = []
    for i in inputs:
        p = Path(i)
        files += sorted(p.glob("*.pdf")) if p.is_dir() else [p]
    if not files:
        sys.exit("bench/pdf.py: no PDF files")
    print(f"load average before: {os.getloadavg()[0]:.1f}; {args.runs} runs each, medians",
          file=sys.stderr)
    print("| file | pages | xxgk check wall ms | pdftotext -bbox-layout wall ms | xxgk CPU ms | "
          "pdftotext CPU ms | CPU ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    ratios = []
    for f in files:
        x_wall, x_cpu, p_wall, p_cpu = [], [], [], []
        for _ in range(args.runs):
            w, c, code = measure([args.xxgk, "check", "--exit-zero", str(f)])
            if code != 0:
                sys.exit(f"bench/pdf.py: xxgk check {f} exited {code}")
            x_wall.append(w)
            x_cpu.append(c)
            w, c, code = measure([args.pdftotext, "-bbox-layout", str(f), os.devnull])
            if code != 0:
                sys.exit(f"bench/pdf.py: pdftotext {f} exited {code}")
            p_wall.append(w)
            p_cpu.append(c)
        pages = subprocess.run(["pdfinfo", str(f)], capture_output=True, text=True).stdout
        pages = next((ln.split()[-1] for ln in pages.splitlines() if ln.startswith("Pages:")), "?")
        mx, mp = statistics.median(x_cpu), statistics.median(p_cpu)
        ratio = mx / mp if mp > 0 else float("inf")
        ratios.append(ratio)
        worst = max(worst, ratio)
        print(f"| {f.name} | {pages} | {statistics.median(x_wall) * 1000:.0f} | "
              f"{statistics.median(p_wall) * 1000:.0f} | {mx * 1000:.0f} | {mp * 1000:.0f} | "
              f"{ratio:.2f} |")
    print(f"\nmedian CPU ratio {statistics.median(ratios):.2f}, worst {worst:.2f} "
          f"(target ≤ {TARGET}); load average after: {os.getloadavg()[0]:.1f}")
    if args.check and worst > TARGET:
        sys.exit(1)


if __name__ == "__main__":
    main()
