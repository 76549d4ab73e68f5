#!/usr/bin/env python3
"""Replays the malformed-input corpus (tests/corpus/, issue 9) through `xxgk check`.

    python3 tests/corpus/replay.py --xxgk build/xxgk [--asan] [--no-big] [--only SUBSTRING]

For every file of tests/corpus/<category>/ (copied to a temporary directory first) and every
test-time input of `scripts/gen_corpus.py --big` (100 MB lines, 100,000-row tables, 100,000
levels of nesting, a 2 GiB deflate bomb …) it runs `xxgk check --lang en FILE` (files under schema/:
`xxgk check --lang en --schema FILE <sample>`) and asserts:

- the process exits by itself with 0, 1 or 2 (never a signal, never a sanitizer report), and
  with one of the codes expect.tsv allows for the file;
- on exit 2, stderr names the file; expect.tsv's regexes match stderr / do not match stdout;
- it finishes within --timeout seconds and within a memory bound: an address-space limit of
  --mem-mib (setrlimit RLIMIT_AS), or under ASan, which reserves terabytes of virtual address
  space, a bound on the peak resident set size (wait4's ru_maxrss) instead;
- nothing is written: the input's bytes, mode and mtime are unchanged, no file appears beside it
  or in the working directory, and any write to a regular file would raise SIGXFSZ
  (RLIMIT_FSIZE 0).
"""

import argparse
import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATEGORIES = ["truncated", "bitflip", "zip", "xml", "text", "numbers", "tables", "schema", "pdf",
              "regressions", "big"]
SANITIZER_MARKERS = re.compile(r"AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|"
                               r"runtime error:|Segmentation fault|terminate called")
SCHEMA_SAMPLE = "samples/hongxing-2021.txt"


def load_expect(path):
    out = {}
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        fields = (line.split("\t") + ["", "", "", ""])[:4]
        out[fields[0]] = fields[1:]
    return out


def fingerprint(path):
    st = path.stat()
    return (hashlib.sha256(path.read_bytes()).hexdigest(), st.st_mode, st.st_mtime_ns, st.st_size)


def listing(directory):
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*"))


def run(cmd, cwd, timeout, mem_bytes, asan):
    def limits():
        os.setsid()
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
        if not asan:
            resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))

    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, preexec_fn=limits)
    chunks = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    readers = [threading.Thread(target=drain, args=(proc.stdout, "out")),
               threading.Thread(target=drain, args=(proc.stderr, "err"))]
    for t in readers:
        t.start()
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            break
        if time.monotonic() - start > timeout:
            timed_out = True
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.005)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    for t in readers:
        t.join()
    elapsed = time.monotonic() - start
    return {
        "code": proc.returncode,
        "timed_out": timed_out,
        "seconds": elapsed,
        "rss_mib": usage.ru_maxrss / 1024.0,
        "stdout": b"".join(chunks["out"]).decode("utf-8", "replace"),
        "stderr": b"".join(chunks["err"]).decode("utf-8", "replace"),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--xxgk", required=True, help="the xxgk binary")
    ap.add_argument("--asan", action="store_true",
                    help="the binary is built with sanitizers: RSS bound instead of RLIMIT_AS")
    ap.add_argument("--timeout", type=float, default=None,
                    help="seconds per file (default 60, 300 with --asan)")
    ap.add_argument("--mem-mib", type=int, default=1536,
                    help="address-space bound (RSS bound ×2 with --asan); default 1536")
    ap.add_argument("--no-big", action="store_true", help="skip the test-time inputs")
    ap.add_argument("--only", default="", help="replay only paths containing this")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()
    timeout = args.timeout or (300.0 if args.asan else 60.0)
    rss_bound = args.mem_mib * (2 if args.asan else 1)
    xxgk = str(Path(args.xxgk).resolve())

    tmp = Path(tempfile.mkdtemp(prefix="xxgk-corpus-"))
    inputs = tmp / "in"
    cwd = tmp / "cwd"
    cwd.mkdir()
    expect = {}
    for cat in CATEGORIES[:-1]:
        if (HERE / cat).is_dir():
            shutil.copytree(HERE / cat, inputs / cat)
    expect.update(load_expect(HERE / "expect.tsv"))
    if not args.no_big:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--big",
                        str(inputs)], check=True)
        expect.update(load_expect(inputs / "expect.tsv"))
        (inputs / "expect.tsv").unlink()
    sample = tmp / "sample.txt"
    shutil.copyfile(ROOT / SCHEMA_SAMPLE, sample)

    files = sorted(p for p in inputs.rglob("*") if p.is_file())
    files = [p for p in files if args.only in str(p.relative_to(inputs))]
    before_listing = listing(inputs)
    env = dict(os.environ)
    if args.asan:
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1")
        env.setdefault("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1")
    os.environ.update(env)

    failures = []
    stats = []
    started = time.monotonic()
    for path in files:
        rel = str(path.relative_to(inputs))
        allowed, stderr_re, stdout_not = expect.get(rel, ["", "", ""])
        allowed_codes = {int(c) for c in allowed.split(",") if c} or {0, 1, 2}
        # --lang en: expect.tsv's regexes match the English wording of the errors.
        if rel.startswith("schema/") or path.name.startswith("schema_loader-"):
            cmd = [xxgk, "check", "--lang", "en", "--schema", str(path), str(sample)]
        else:
            cmd = [xxgk, "check", "--lang", "en", str(path)]
        before = fingerprint(path)
        sample_before = fingerprint(sample)
        r = run(cmd, cwd, timeout, args.mem_mib << 20, args.asan)
        stats.append((r["seconds"], r["rss_mib"], rel))
        problems = []
        if r["timed_out"]:
            problems.append(f"no result within {timeout:.0f} s")
        elif r["code"] < 0:
            problems.append(f"killed by signal {-r['code']} ({signal.Signals(-r['code']).name})")
        elif r["code"] not in (0, 1, 2):
            problems.append(f"exit code {r['code']}")
        elif r["code"] not in allowed_codes:
            problems.append(f"exit code {r['code']}, expected {allowed}")
        if SANITIZER_MARKERS.search(r["stderr"]):
            problems.append("sanitizer or runtime report on stderr")
        if r["code"] == 2 and str(path) not in r["stderr"]:
            problems.append("exit 2 but stderr does not name the file")
        if stderr_re and not re.search(stderr_re, r["stderr"], re.IGNORECASE):
            problems.append(f"stderr does not match /{stderr_re}/")
        if stdout_not and re.search(stdout_not, r["stdout"]):
            problems.append(f"stdout matches /{stdout_not}/")
        if r["rss_mib"] > rss_bound:
            problems.append(f"peak RSS {r['rss_mib']:.0f} MiB > {rss_bound} MiB")
        if fingerprint(path) != before or fingerprint(sample) != sample_before:
            problems.append("the input file changed")
        if any(cwd.iterdir()):
            problems.append(f"files appeared in the working directory: {listing(cwd)}")
            shutil.rmtree(cwd)
            cwd.mkdir()
        if problems:
            failures.append((rel, problems, r))
            print(f"FAIL {rel}: {'; '.join(problems)}", flush=True)
            print("  stderr: " + r["stderr"][-2000:].replace("\n", "\n  stderr: "), flush=True)
    if listing(inputs) != before_listing:
        failures.append(("<inputs>", ["files appeared or vanished beside the inputs"], None))
        print("FAIL: files appeared or vanished beside the inputs", flush=True)

    total = time.monotonic() - started
    stats.sort(reverse=True)
    print(f"corpus replay: {len(files)} files, {len(failures)} failures, {total:.0f} s; "
          f"timeout {timeout:.0f} s, memory bound {args.mem_mib} MiB "
          f"({'peak RSS ≤ ' + str(rss_bound) + ' MiB, ASan' if args.asan else 'RLIMIT_AS'})")
    print("slowest: " + ", ".join(f"{rel} {s:.1f} s" for s, _, rel in stats[:5]))
    by_rss = sorted(stats, key=lambda x: -x[1])
    print("largest peak RSS: " + ", ".join(f"{rel} {m:.0f} MiB" for _, m, rel in by_rss[:5]))
    if args.keep:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
