#!/usr/bin/env python3
"""The benchmark driver (issue 8): xxgk `check` against the floor and python-docx, on one corpus.

    python3 bench/run.py                  # the full benchmark (docs/performance.md)
    python3 bench/run.py --quick          # < 1 minute; exits 1 on a regression against the
                                          # quick-mode figures recorded in docs/performance.md
    python3 bench/run.py --quick --record # measure and write those figures into the document

It needs a build with the benchmark programs (`cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
-DXXGK_BENCH=ON && cmake --build build`) and writes its corpus with bench/gen_corpus.py into the
build directory (reused while its parameters are the same). Every program runs as a child
process: wall time, CPU time (user + system) and peak RSS come from wait4(2). Each measurement
is repeated (--repeat) and the fastest run counts; the load average is printed with the figures,
because other processes on the machine slow the wall-clock figures down.

Targets (issue 8): .docx single-threaded ≤ 1.5 × the floor; ≥ 50 × faster than python-docx;
text form ≥ 10,000 reports/s per core; -j 2 ≥ 1.8 × single-threaded throughput; peak RSS < 64 MiB
for 10,000 reports. Issue 6: peak RSS for 100 and 5,000 reports differ by < 20 %.

Batch rows (issue 18), on a second corpus with duplicates and year pairs (gen_corpus.py --cross):
a directory against the same files named as arguments (text form and .docx; a directory also
runs the cross-document checks), -j 1 against -j N, and the peak RSS of a directory of 100, 5,000
and 10,000 text reports. Each pair runs interleaved (A B A B …, at least 7 pairs: --pairs) and
the median of the per-pair ratios counts, so that a change in the machine's load hits both sides.
Targets: a directory within 10 % of the argument list; 10,000 reports' peak RSS within 20 % of
100's; -j 2 at least 1.7 x -j 1 on a directory.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PERF_DOC = os.path.join(ROOT, "docs", "performance.md")
GNU_TIME = "/usr/bin/time"  # Debian package "time" (bench/setup.sh)
DEBIAN_PYTHON = "/usr/bin/python3"  # python3-docx is installed for Debian's python

# Quick mode: small corpus, figures compared as ratios (to the floor, or to themselves).
QUICK = {"docx": 300, "text": 2000, "python": 0}
FULL = {"docx": 2000, "text": 10000, "python": 100}
# The batch rows' corpus (issue 18): reports, of which this fraction derived from earlier ones.
QUICK_BATCH = {"docx": 100, "text": 1000, "rss": (100, 1000)}
FULL_BATCH = {"docx": 400, "text": 10000, "rss": (100, 5000, 10000)}
CROSS = 0.3


# --------------------------------------------------------------------------- measuring

class Run:
    def __init__(self, name, reports, wall, cpu, rss_kib, stdout, stderr, code):
        self.name, self.reports = name, reports
        self.wall, self.cpu, self.rss_kib = wall, cpu, rss_kib
        self.stdout, self.stderr, self.code = stdout, stderr, code

    @property
    def rss_mib(self):
        return self.rss_kib / 1024.0


def run_once(cmd):
    """Runs cmd; (wall s, user+sys s, peak RSS KiB, stdout, stderr, exit code)."""
    out_path = os.path.join(WORK, "stdout.txt")
    err_path = os.path.join(WORK, "stderr.txt")
    # The peak RSS comes from GNU time (-o file), not from wait4: a child forked (or vforked)
    # from this Python process inherits its resident size until it execs, and Linux counts that
    # in the child's ru_maxrss — which made the memory rows grow with the outputs read so far.
    # time's own memory is a few MiB, below xxgk's.
    rss_path = os.path.join(WORK, "maxrss.txt")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([GNU_TIME, "-f", "%M", "-o", rss_path] + list(cmd), stdout=out,
                                stderr=err, stdin=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        returncode = os.waitstatus_to_exitcode(status)
    with open(rss_path) as f:
        maxrss = int(f.read().split()[-1])  # after "Command exited with non-zero status N"
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    return wall, usage.ru_utime + usage.ru_stime, maxrss, stdout, stderr, returncode


def measure(name, cmd, reports, repeat, ok_codes=(0,)):
    """The fastest of `repeat` runs (wall and CPU separately), the largest peak RSS."""
    best = None
    walls, cpus, rss = [], [], []
    for _ in range(repeat):
        wall, cpu, maxrss, stdout, stderr, code = run_once(cmd)
        if code not in ok_codes:
            sys.exit("bench: %s failed (exit %d): %s\n%s" % (name, code, " ".join(cmd),
                                                            stderr[-2000:]))
        walls.append(wall)
        cpus.append(cpu)
        rss.append(maxrss)
        best = (stdout, stderr, code)
    r = Run(name, reports, min(walls), min(cpus), max(rss), *best)
    print("  %-34s %6d reports  wall %7.3f s  cpu %7.3f s  %9.1f reports/s  peak RSS %6.1f MiB"
          % (name, reports, r.wall, r.cpu, reports / r.wall, r.rss_mib), flush=True)
    return r


def median(values):
    v = sorted(values)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


class Pair:
    """Two commands run interleaved; medians of each side and of the per-pair ratios A/B."""

    def __init__(self, name, a, b):
        self.name, self.a, self.b = name, a, b

    def ratio(self, what):
        return median([getattr(x, what) / getattr(y, what) for x, y in zip(self.a, self.b)])

    def med(self, side, what):
        return median([getattr(x, what) for x in getattr(self, side)])


def measure_pair(name, a_name, a_cmd, b_name, b_cmd, reports, repeat, ok_codes=(0, 1)):
    runs = {"a": [], "b": []}
    for _ in range(repeat):
        for side, cmd in (("a", a_cmd), ("b", b_cmd)):
            wall, cpu, maxrss, stdout, stderr, code = run_once(cmd)
            if code not in ok_codes:
                sys.exit("bench: %s failed (exit %d): %s\n%s" % (name, code, " ".join(cmd[:8]),
                                                                stderr[-2000:]))
            runs[side].append(Run(a_name if side == "a" else b_name, reports, wall, cpu, maxrss,
                                  stdout, stderr, code))
    p = Pair(name, runs["a"], runs["b"])
    for side, label in (("a", a_name), ("b", b_name)):
        print("  %-34s %6d reports  wall %7.3f s  cpu %7.3f s  %9.1f reports/s  peak RSS %6.1f MiB"
              "  (medians of %d)" % (label, reports, p.med(side, "wall"), p.med(side, "cpu"),
                                     reports / p.med(side, "wall"),
                                     p.med(side, "rss_kib") / 1024.0, repeat), flush=True)
    print("  %-34s wall %.3f x, cpu %.3f x (median of the %d pairs' ratios)"
          % (name, p.ratio("wall"), p.ratio("cpu"), repeat), flush=True)
    return p


def linked_dir(path, sources):
    """A directory of hard links to `sources` (the first N files of a corpus, as one batch)."""
    import shutil
    if os.path.isdir(path):
        shutil.rmtree(path)
    os.makedirs(path)
    for f in sources:
        os.link(f, os.path.join(path, os.path.basename(f)))
    return path


def batch_rows(xxgk, build, sizes, args, jobs):
    """The rows of issue 18 (see the module docstring); (results, problems)."""
    corpus = os.path.join(build, "bench-corpus-cross" + ("-quick" if args.quick else ""))
    ensure_corpus(corpus, sizes["docx"], sizes["text"], args.seed, CROSS)
    rows = manifest(corpus)
    check = [xxgk, "check", "--no-config", "--color", "never", "--lang", "en"]
    global CROSS_ROWS
    CROSS_ROWS = True
    results, problems = {}, []
    print("bench: batch rows (issue 18): %s, %d text and %d .docx reports, %.0f %% of them "
          "duplicates, conflicting copies or next-year reports of earlier ones; %s"
          % (corpus, sizes["text"], sizes["docx"], 100 * CROSS, load()), flush=True)
    # This VM's noise alone moves a single pair's ratio by up to a third (the quick corpus's runs
    # take a few tenths of a second; even the full corpus's -j pairs ranged 1.65-2.27 x in eleven
    # pairs): every ratio is the median of at least 7 pairs (--pairs).
    pairs = max(args.pairs, 7)
    for kind, sub, ext in (("text", "text", ".txt"), ("docx", "docx", ".docx")):
        n = sizes[kind]
        if not n:
            continue
        d = os.path.join(corpus, sub)
        names = files(corpus, sub, ext)
        p = results["dir_vs_args_" + kind] = measure_pair(
            "directory / arguments (%s)" % kind, "xxgk check -j 1 DIR (%s)" % kind,
            check + ["-j", "1", d], "xxgk check -j 1 FILE... (%s)" % kind,
            check + ["-j", "1"] + names, n, pairs)
        problems.append(verify(p.a[-1], rows, n))
        problems.append(verify(p.b[-1], rows, n, cross=False))
    if sizes["text"]:
        d = os.path.join(corpus, "text")
        p = results["jN_vs_j1_text"] = measure_pair(
            "-j 1 / -j %d (text, wall)" % jobs, "xxgk check -j 1 DIR (text)",
            check + ["-j", "1", d], "xxgk check -j %d DIR (text)" % jobs,
            check + ["-j", str(jobs), d], sizes["text"], pairs)
        problems.append(verify(p.b[-1], rows, sizes["text"]))
        texts = files(corpus, "text", ".txt")
        for n in sizes["rss"]:
            if n > len(texts):
                continue
            d = linked_dir(os.path.join(WORK, "rss-%d" % n), texts[:n])
            r = results["rss_dir_%d" % n] = measure("xxgk check -j 1 DIR, %d text" % n,
                                                    check + ["-j", "1", d], n, args.repeat,
                                                    (0, 1))
            problems.append(verify(r, rows, n))
    return results, problems


# --------------------------------------------------------------------------- corpus

def ensure_corpus(path, docx, text, seed, cross=0.0):
    stamp = os.path.join(path, "STAMP")
    gen = os.path.join(HERE, "gen_corpus.py")
    want = "seed=%d docx=%d text=%d generator=%d\n" % (seed, docx, text,
                                                        int(os.path.getmtime(gen)))
    if cross:
        want = "cross=%g %s" % (cross, want)
    if os.path.exists(stamp) and open(stamp).read() == want:
        return
    if os.path.isdir(path):
        import shutil
        shutil.rmtree(path)
    print("bench: writing the corpus (%d .docx, %d text) to %s" % (docx, text, path), flush=True)
    subprocess.run([sys.executable, gen, "--out", path, "--docx", str(docx), "--text", str(text),
                    "--seed", str(seed)] + (["--cross", str(cross)] if cross else []), check=True)
    with open(stamp, "w") as f:
        f.write(want)


def manifest(path):
    rows = []
    with open(os.path.join(path, "manifest.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def files(path, sub, ext):
    d = os.path.join(path, sub)
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(ext))


def write_list(path, items):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(items) + "\n")
    return "@" + path


STDOUT_SUMMARY = re.compile(r"(\d+) reports? checked: .*\((\d+) clean, (\d+) with errors")
CROSS_ROWS = False  # set while the batch rows run on the corpus with cross-document findings
SUMMARY = re.compile(r"xxgk: checked (\d+) reports?: (\d+) clean, (\d+) with errors, "
                     r"(\d+) with warnings, (\d+) unreadable")


def verify(run, rows, n, cross=True):
    """xxgk must find exactly the planted reports (a benchmark of wrong results is no
    benchmark); returns a message, or None. cross=False: files named one by one, which the
    cross-document checks do not compare (their X- rules are not expected)."""
    m = SUMMARY.search(run.stderr)
    if m:
        checked, clean, errors, _warnings, unreadable = map(int, m.groups())
    else:
        # Files named one by one: no batch summary on stderr, the text output's last line.
        m = STDOUT_SUMMARY.search(run.stdout)
        if not m:
            return "%s: no summary on stderr or stdout" % run.name
        checked, clean, errors = map(int, m.groups())
        unreadable = 0
    planted = sum(1 for r in rows[:n]
                  if [x for x in r[-1].split(",") if x and (cross or not x.startswith("X-"))])
    # The cross-document warnings (X-TEXT, X-VALID) are not predicted by the corpus: with them a
    # report that is not clean need not have a planted error.
    unexpected = checked - clean != planted if not CROSS_ROWS else checked - clean < planted
    if checked != n or unreadable or unexpected or errors != planted:
        return ("%s: %d checked, %d clean, %d with errors, %d unreadable; the corpus has %d "
                "reports, %d with a planted error" % (run.name, checked, clean, errors,
                                                       unreadable, n, planted))
    return None


# --------------------------------------------------------------------------- recorded figures

BEGIN = "<!-- quick-figures:begin"
END = "<!-- quick-figures:end -->"


def read_recorded():
    try:
        text = open(PERF_DOC, encoding="utf-8").read()
    except OSError:
        return {}
    if BEGIN not in text:
        return {}
    block = text[text.index(BEGIN):text.index(END)]
    return {k: float(v) for k, v in re.findall(r"^\| `(\w+)` \| ([0-9.]+) \|", block, re.M)}


def write_recorded(figures, meta):
    text = open(PERF_DOC, encoding="utf-8").read()
    lines = [BEGIN + ": written by `python3 bench/run.py --quick --record`, read by --quick -->",
             "", "Recorded %s." % meta, "", "| figure | value | lower is better |",
             "|---|---|---|"]
    for k, v in figures.items():
        lines.append("| `%s` | %.3f | %s |" % (k, v, "yes" if QUICK_LOWER[k] else "no"))
    block = "\n".join(lines) + "\n\n"
    if BEGIN in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END):]
    else:
        text += "\n" + block + END + "\n"
    with open(PERF_DOC, "w", encoding="utf-8") as f:
        f.write(text)


# What --quick compares (all machine-independent: ratios, or memory).
QUICK_LOWER = {
    "docx_cpu_vs_floor": True,        # xxgk -j 1 CPU time / floor CPU time, same .docx files
    "text_cpu_per_report_vs_floor": True,  # CPU per text report / floor CPU per .docx
    "text_batch_rss_mib": True,       # peak RSS of the text batch
    "docx_batch_rss_mib": True,       # peak RSS of the .docx batch (-j 1)
    "text_dir_vs_args_cpu": True,     # CPU time of a directory / the same files as arguments
    "docx_dir_vs_args_cpu": True,     # the same, .docx
    "text_rss_largest_vs_100": True,  # peak RSS of the largest directory / of 100 reports
}


# --------------------------------------------------------------------------- main

def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return "%s, %d cores, %s %s" % (model, os.cpu_count() or 1, platform.system(),
                                    platform.release())


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def verdict(ok):
    return "meets" if ok else "MISSES"


def main():
    ap = argparse.ArgumentParser(description="xxgk benchmark (issue 8)")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"),
                    help="build directory with xxgk and bench/xxgk-bench-floor (default build/)")
    ap.add_argument("--quick", action="store_true",
                    help="a small corpus, compared with the figures in docs/performance.md")
    ap.add_argument("--record", action="store_true",
                    help="with --quick: write the measured figures into docs/performance.md")
    ap.add_argument("--tolerance", type=float, default=0.30,
                    help="--quick: allowed slowdown or growth over the recorded figure (0.30)")
    ap.add_argument("--docx", type=int, help=".docx reports (full: %d)" % FULL["docx"])
    ap.add_argument("--text", type=int, help="text-form reports (full: %d)" % FULL["text"])
    ap.add_argument("--python", type=int,
                    help=".docx files for the python-docx baseline (full: %d)" % FULL["python"])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (fastest counts)")
    ap.add_argument("--pairs", type=int, default=7,
                    help="interleaved pairs per batch ratio, at least 7 (the median counts)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                    help="-j of the parallel run (default: the number of cores)")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--only-batch", action="store_true",
                    help="only the batch rows of issue 18 (directory vs arguments, -j, RSS)")
    args = ap.parse_args()

    sizes = dict(QUICK if args.quick else FULL)
    for k in sizes:
        if getattr(args, k) is not None:
            sizes[k] = getattr(args, k)
    build = os.path.abspath(args.build)
    xxgk = os.path.join(build, "xxgk")
    floor = os.path.join(build, "bench", "xxgk-bench-floor")
    for exe in (xxgk, floor):
        if not os.access(exe, os.X_OK):
            sys.exit("bench: %s is missing; build with: cmake -S . -B %s -DCMAKE_BUILD_TYPE=Release "
                     "-DXXGK_BENCH=ON && cmake --build %s" % (exe, args.build, args.build))
    global WORK
    WORK = os.path.join(build, "bench-work")
    os.makedirs(WORK, exist_ok=True)
    if args.only_batch:
        sizes.update(docx=0, text=0, python=0)
    corpus = os.path.join(build, "bench-corpus-quick" if args.quick else "bench-corpus")
    rows = []
    if not args.only_batch:
        ensure_corpus(corpus, sizes["docx"], sizes["text"], args.seed)
        rows = manifest(corpus)
    docx_dir = os.path.join(corpus, "docx")
    text_dir = os.path.join(corpus, "text")
    n_docx, n_text = sizes["docx"], sizes["text"]
    check = [xxgk, "check", "--no-config", "--color", "never", "--lang", "en"]
    findings = (0, 1)  # planted errors make the exit code 1

    print("bench: %s" % machine())
    print("bench: %s; %s (before)" % (time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), load()))
    print("bench: corpus %s: %d .docx, %d text-form reports; %d runs per measurement"
          % (corpus, n_docx, n_text, args.repeat), flush=True)
    results = {}
    problems = []

    if n_docx:
        results["floor"] = measure("floor (zip + pugixml)", [floor, docx_dir], n_docx, args.repeat)
        if not args.quick:
            results["floor_plain"] = measure("floor, the allocator's defaults",
                                             [floor, "--plain-malloc", docx_dir], n_docx,
                                             args.repeat)
        r = results["docx1"] = measure("xxgk check -j 1 (.docx)", check + ["-j", "1", docx_dir],
                                       n_docx, args.repeat, findings)
        problems.append(verify(r, rows, n_docx))
        if not args.quick:
            r = results["docxN"] = measure("xxgk check -j %d (.docx)" % args.jobs,
                                           check + ["-j", str(args.jobs), docx_dir], n_docx,
                                           args.repeat, findings)
            problems.append(verify(r, rows, n_docx))
    if sizes["python"] and n_docx:
        n_py = min(sizes["python"], n_docx)
        if subprocess.run([DEBIAN_PYTHON, "-c", "import docx"], capture_output=True).returncode:
            print("  python-docx baseline skipped: %s has no python-docx (bash bench/setup.sh)"
                  % DEBIAN_PYTHON)
        else:
            results["python"] = measure("python-docx (all table cells)",
                                        [DEBIAN_PYTHON, os.path.join(HERE, "python_docx_baseline.py")]
                                        + files(corpus, "docx", ".docx")[:n_py], n_py, 1)
    if n_text:
        r = results["text1"] = measure("xxgk check -j 1 (text form)", check + ["-j", "1", text_dir],
                                       n_text, args.repeat, findings)
        problems.append(verify(r, rows, n_text))
        if not args.quick:
            r = results["textN"] = measure("xxgk check -j %d (text form)" % args.jobs,
                                           check + ["-j", str(args.jobs), text_dir], n_text,
                                           args.repeat, findings)
            problems.append(verify(r, rows, n_text))
            texts = files(corpus, "text", ".txt")
            for n in (100, 5000):
                if n <= n_text:
                    lst = write_list(os.path.join(WORK, "text-%d.list" % n), texts[:n])
                    r = results["rss%d" % n] = measure("xxgk check -j 1, %d reports" % n,
                                                       check + ["-j", "1", lst], n, 1, findings)
                    problems.append(verify(r, rows, n))
    batch, more = batch_rows(xxgk, build, dict(QUICK_BATCH if args.quick else FULL_BATCH), args,
                             args.jobs)
    problems += more
    print("bench: %s (after)" % load())
    for p in problems:
        if p:
            print("bench: WRONG RESULTS: %s" % p)

    # ---- ratios
    print("\nTargets:")
    f, d1 = results.get("floor"), results.get("docx1")
    if f and d1:
        cpu_ratio, wall_ratio = d1.cpu / f.cpu, d1.wall / f.wall
        print("  .docx -j 1 vs floor:     %.2f x CPU time, %.2f x wall time (target <= 1.5): %s"
              % (cpu_ratio, wall_ratio, verdict(cpu_ratio <= 1.5)))
        print("      per report: xxgk %.0f us CPU, floor %.0f us CPU"
              % (1e6 * d1.cpu / d1.reports, 1e6 * f.cpu / f.reports))
        fp = results.get("floor_plain")
        if fp:
            print("      (against the floor with the allocator's default settings, %.0f us CPU per "
                  "report: %.2f x CPU time)" % (1e6 * fp.cpu / fp.reports, d1.cpu / fp.cpu))
    py = results.get("python")
    if py and d1:
        speedup = (py.wall / py.reports) / (d1.wall / d1.reports)
        print("  vs python-docx:          %.0f x faster (wall time per report; target >= 50): %s"
              % (speedup, verdict(speedup >= 50)))
    t1 = results.get("text1")
    if t1:
        per_core_cpu, per_core_wall = t1.reports / t1.cpu, t1.reports / t1.wall
        print("  text form per core:      %.0f reports/s by CPU time, %.0f by wall time "
              "(target >= 10000): %s" % (per_core_cpu, per_core_wall, verdict(per_core_cpu >= 10000)))
    for single, multi, kind in (("docx1", "docxN", ".docx"), ("text1", "textN", "text")):
        s, m = results.get(single), results.get(multi)
        if s and m:
            scale = s.wall / m.wall
            print("  -j %d vs -j 1 (%s):%s %.2f x throughput (target >= 1.8 with 2 cores): %s"
                  % (args.jobs, kind, " " * (7 - len(kind)), scale, verdict(scale >= 1.8)))
    if t1 and n_text >= 10000:
        print("  peak RSS, %d reports:  %.1f MiB (target < 64): %s"
              % (n_text, t1.rss_mib, verdict(t1.rss_mib < 64)))
    a, b = results.get("rss100"), results.get("rss5000")
    if a and b:
        growth = b.rss_kib / a.rss_kib - 1
        print("  peak RSS 100 vs 5000:    %.1f vs %.1f MiB, +%.0f%% (issue 6 target < 20%%): %s"
              % (a.rss_mib, b.rss_mib, 100 * growth, verdict(growth < 0.2)))

    for kind in ("text", "docx"):
        p = batch.get("dir_vs_args_" + kind)
        if p:
            print("  directory vs arguments (%s): %.3f x CPU, %.3f x wall (target <= 1.10): %s"
                  % (kind, p.ratio("cpu"), p.ratio("wall"), verdict(p.ratio("cpu") <= 1.10)))
    p = batch.get("jN_vs_j1_text")
    if p:
        print("  -j %d vs -j 1 (text dir): %.2f x throughput (wall; issue 18 target >= 1.7)"
              % (args.jobs, p.ratio("wall")))
    rss = sorted((int(k.rsplit("_", 1)[1]), r) for k, r in batch.items() if k.startswith("rss_dir"))
    if len(rss) >= 2:
        (n0, r0), (n1, r1) = rss[0], rss[-1]
        growth = r1.rss_kib / r0.rss_kib
        print("  peak RSS of a directory:  %s; %d vs %d: %.3f x (target <= 1.20): %s"
              % (", ".join("%d: %.1f MiB" % (n, r.rss_mib) for n, r in rss), n1, n0, growth,
                 verdict(growth <= 1.20)))

    status = 1 if any(problems) else 0
    if args.quick:
        figures = {}
        if f and d1:
            figures["docx_cpu_vs_floor"] = d1.cpu / f.cpu
            figures["docx_batch_rss_mib"] = d1.rss_mib
        if t1 and f:
            figures["text_cpu_per_report_vs_floor"] = (t1.cpu / t1.reports) / (f.cpu / f.reports)
            figures["text_batch_rss_mib"] = t1.rss_mib
        for kind in ("text", "docx"):
            if batch.get("dir_vs_args_" + kind):
                figures["%s_dir_vs_args_cpu" % kind] = batch["dir_vs_args_" + kind].ratio("cpu")
        if len(rss) >= 2:
            figures["text_rss_largest_vs_100"] = rss[-1][1].rss_kib / rss[0][1].rss_kib
        if args.record:
            # A partial run (--only-batch) keeps the figures it did not measure.
            kept = {k: v for k, v in read_recorded().items() if k not in figures}
            meta = "%s; %s; %s" % (time.strftime("%Y-%m-%d", time.gmtime()), machine(), load())
            if kept:
                meta += " (%s: recorded earlier)" % ", ".join("`%s`" % k for k in kept)
            write_recorded(dict(kept, **figures), meta)
            print("\nbench: recorded the quick figures in docs/performance.md")
            return status
        recorded = read_recorded()
        if not recorded:
            print("\nbench: no quick figures recorded in docs/performance.md (--record)")
            return 1
        print("\nQuick check against docs/performance.md (tolerance %.0f%%):" % (100 * args.tolerance))
        for k, v in figures.items():
            if k not in recorded:
                continue
            limit = recorded[k] * (1 + args.tolerance)
            ok = v <= limit
            print("  %-30s %8.3f  recorded %8.3f  limit %8.3f  %s"
                  % (k, v, recorded[k], limit, "ok" if ok else "REGRESSION"))
            status |= 0 if ok else 1
    return status


WORK = ""

if __name__ == "__main__":
    sys.exit(main())
