#!/usr/bin/env python3
"""The whole test suite (`make check`, `make check-full`).

    tests/check.sh [--full] [-j N] [--only STEP[,STEP...]] [--list]

First builds everything the steps need (one `make -jN check-build`, so the
steps never race to build the same file), then runs the steps N at a time
(N = CPU count), longest first, and keeps going after a failure.  Each step
writes its whole output to build/check/STEP.log; the terminal gets one line
per step when it ends:

    PASS samples        41.0s  cpu  62.3s  samples: 114 passed, 0 failed (...)

(wall seconds, CPU seconds = user + sys of the step and all its children,
and the step's own count line), the last lines of the log when it fails,
and a total at the end.  Exit status 1 if any step failed.

`make check` is the quick suite: the clang and sanitizer builds of the
samples run on a rotating quarter of them (tests/run_samples.py --rotate),
the fuzzer on 200 programs, samples/Makefile on a few samples.  `--full`
(`make check-full`) runs the full sample matrix, 500 fuzz programs and
samples/Makefile on every sample.
"""
import argparse
import os
import re
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOGS = os.path.join(ROOT, "build", "check")
PY = sys.executable
TAIL = 25          # log lines shown for a failing step


def steps(full, make):
    """(name, command), longest first: the order they start in."""
    m = [make, "--no-print-directory"]
    return [
        ("samples", [PY, "tests/run_samples.py"] + ([] if full else ["--rotate", "4"])),
        ("fuzz", [PY, "tests/fuzz/difftest.py", "--count", "500" if full else "200", "--seed", "1"]),
        ("libfuzzer", m + ["fuzz-smoke"] + (["FUZZ_SMOKE_SECONDS=120", "FUZZ_SMOKE_CC=cc"] if full else [])),
        ("make", ["sh", "tests/test_make.sh"] + (["--full"] if full else [])),
        ("errors", m + ["test-errors"]),
        ("stress", ["sh", "tests/test_stress.sh"]),
        ("stripped", [PY, "tests/strip_annotations.py", "--compile"]),
        ("bench-strip", [PY, "tests/bench_stripped.py"]),
        ("runtime", m + ["test-runtime"]),
        ("host", ["sh", "tests/test_host.sh"]),
        ("two-modules", ["sh", "tests/test_two_modules.sh"]),
        ("tracebacks", [PY, "tests/test_tracebacks.py"]),
        ("annotate", [PY, "tests/test_annotate.py"]),
        ("pty", [PY, "tests/test_pty.py"]),
        ("install", ["sh", "tests/test_install.sh"]),
        ("cli", ["sh", "tests/test_cli.sh"]),
        ("robust", [PY, "tests/test_robust.py"]),
        ("oom", [PY, "tests/test_oom.py"] + (["--all"] if full else [])),
        ("pymod", [PY, "tests/test_pymod.py"]),
        ("gdb", ["sh", "tests/test_gdb.sh"]),
        ("unit", m + ["test-unit"]),
        ("memory", ["sh", "tests/test_memory.sh"]),
        ("union-alloc", [PY, "tests/test_union_alloc.py"]),
        ("gen-frames", ["sh", "tests/test_gen_frames.sh"]),
    ]


# bench-smoke times programs: it runs alone, after the others
LAST = [("bench-smoke", "bench-smoke")]

COUNT_LINE = re.compile(r"^(samples|errors|difftest|tracebacks|annotate|pty|stripped|bench-stripped|oom|union-alloc): .*$", re.M)
UNITTEST = re.compile(r"^Ran (\d+) tests?", re.M)


def count_of(log):
    """The step's own summary line, or PASS/FAIL lines counted."""
    found = COUNT_LINE.findall(log)
    if found:
        return [ln for ln in log.splitlines() if COUNT_LINE.match(ln)][-1].strip()
    ran = UNITTEST.search(log)
    if ran:
        return f"{ran.group(1)} tests" + (", OK" if re.search(r"^OK", log, re.M) else "")
    npass = len(re.findall(r"^PASS\b", log, re.M))
    nfail = len(re.findall(r"^FAIL\b", log, re.M))
    return f"{npass} passed, {nfail} failed" if npass or nfail else ""


class Step:
    def __init__(self, name, cmd):
        self.name, self.cmd = name, cmd
        self.status = None      # exit status, None: not run
        self.wall = self.cpu = 0.0
        self.log = os.path.join(LOGS, name + ".log")

    def run(self, env):
        t0 = time.monotonic()
        with open(self.log, "wb") as out:
            try:
                p = subprocess.Popen(self.cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                     stdout=out, stderr=subprocess.STDOUT)
            except OSError as e:
                out.write(f"{self.cmd[0]}: {e}\n".encode())
                self.status = 127
                return
            # wait4, not wait: its rusage is this step's own CPU time
            # (children included), which stays meaningful on a busy machine
            _, st, ru = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(st)
        self.wall = time.monotonic() - t0
        self.cpu = ru.ru_utime + ru.ru_stime
        self.status = p.returncode

    def text(self):
        with open(self.log, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def line(self):
        word = "PASS" if self.status == 0 else "SKIP" if self.status is None else "FAIL"
        extra = "" if self.status in (0, None) else f" (exit {self.status})"
        count = count_of(self.text()) if self.status is not None else "not run"
        return (f"{word} {self.name:<12} {self.wall:6.1f}s  cpu {self.cpu:6.1f}s  "
                f"{count}{extra}")

    def tail(self):
        lines = self.text().rstrip("\n").splitlines()
        head = f"---- last {min(TAIL, len(lines))} of {len(lines)} lines of " \
               f"{os.path.relpath(self.log, ROOT)}"
        return "\n".join([head] + ["    " + ln for ln in lines[-TAIL:]])


def report(step, lock):
    with lock:
        print(step.line(), flush=True)
        if step.status not in (0, None):
            print(step.tail(), flush=True)


def run_pool(todo, jobs, env, lock):
    queue = list(todo)
    qlock = threading.Lock()

    def worker():
        while True:
            with qlock:
                if not queue:
                    return
                step = queue.pop(0)
            step.run(env)
            report(step, lock)

    threads = [threading.Thread(target=worker) for _ in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--full", action="store_true", help="the full matrix (make check-full)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2,
                    help="steps run at once and make -j for the build (default: CPU count)")
    ap.add_argument("--only", help="comma-separated step names")
    ap.add_argument("--list", action="store_true", help="print the step names and exit")
    a = ap.parse_args()
    make = os.environ.get("MAKE", "make")
    full = a.full or os.environ.get("CHECK_FULL") == "1"
    all_steps = [Step(n, c) for n, c in steps(full, make)] + \
                [Step(n, [make, "--no-print-directory", t]) for n, t in LAST]
    if a.list:
        print(" ".join(s.name for s in all_steps))
        return 0
    chosen = all_steps
    if a.only:
        names = a.only.split(",")
        unknown = [n for n in names if n not in {s.name for s in all_steps}]
        if unknown:
            ap.error(f"unknown step(s): {', '.join(unknown)}")
        chosen = [s for s in all_steps if s.name in names]

    os.makedirs(LOGS, exist_ok=True)
    env = dict(os.environ)
    # the steps' own make calls choose their -j; a jobserver inherited from
    # `make -jN check` would only be half passed down (warnings, -j1)
    for k in ("MAKEFLAGS", "MFLAGS"):
        env.pop(k, None)
    # a private compiler cache: a fresh clone measures a cold cache, and
    # `make clean` empties it
    if not env.get("ASYNCC_CACHE"):
        env["ASYNCC_CACHE"] = os.path.join(ROOT, "build", "cache")
    lock = threading.Lock()
    t0 = time.monotonic()
    ru0 = os.times()
    print(f"check: {'full' if full else 'quick (make check-full runs everything)'}, "
          f"{a.jobs} at a time, logs in {os.path.relpath(LOGS, ROOT)}/", flush=True)

    build = Step("build", [make, "--no-print-directory", f"-j{a.jobs}", "check-build"])
    build.run(env)
    report(build, lock)
    if build.status != 0:
        print("check: the build failed; no test ran")
        return 1

    last_names = {n for n, _ in LAST}
    run_pool([s for s in chosen if s.name not in last_names], a.jobs, env, lock)
    run_pool([s for s in chosen if s.name in last_names], 1, env, lock)

    ru1 = os.times()
    cpu = (ru1.children_user - ru0.children_user) + (ru1.children_system - ru0.children_system)
    failed = [s.name for s in [build] + chosen if s.status != 0]
    verdict = "ALL PASSED" if not failed else "FAILED: " + " ".join(failed)
    print(f"check: {len(chosen) + 1} steps in {time.monotonic() - t0:.0f}s "
          f"(cpu {cpu:.0f}s) -- {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
