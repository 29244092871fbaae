#!/usr/bin/env python3
"""Allocation failures become MemoryError (issue 17): fault injection.

Each sample is built once with ASan/UBSan/LSan, run once as it is, then
again with ASYNCC_FAIL_ALLOC=N (the runtime's Nth allocation fails) for N
in 1 to 64, then 80, 100, 125, ... up to past the program's last allocation.  Every run
must end cleanly: with the plain run's status, or with status 1 and an
exception reported (MemoryError, or what it turned into: a gather
cancelled because a child failed); never a signal, a
sanitizer report (leaks included) or a hang.

    python3 tests/test_oom.py              # a fixed set of samples
    python3 tests/test_oom.py --all        # every sample, subfolders included
    python3 tests/test_oom.py NAME...      # these samples (tinyio/NAME for samples/tinyio)
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASYNCC = os.path.join(ROOT, "build", "asyncc")
SAMPLES = os.path.join(ROOT, "samples")
SAN = ["-O1", "-g", "-fsanitize=address,undefined", "-fno-omit-frame-pointer"]
ENV = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=0",
           UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1", ASYNCC_CLOCK="virtual")
SAN_REPORT = re.compile(r"ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: \w+Sanitizer")
# programs that legitimately never end when a failure hits one task
SKIP_ALL = {"rate_limiter_tokens": "a failed refill task leaves the requests polling forever (CPython too)"}
DEFAULT = ["strings", "lists", "dict_methods", "exceptions", "gather_return_exceptions", "set_operators",
           "asyncio_queue_kinds", "robust_async_recursion", "lang_recursion", "async_10k_tasks",
           "fstrings", "dyn_containers", "async_deep_recursive", "cancel_during_gather",
           # what --all found on the final tree of round 2's third session
           "agen_methods_nested", "asyncio_as_completed", "exc_str_repr_hooks", "err_user_exception_str",
           # round 4: a __next__ whose value came with a MemoryError; a pending future's callbacks
           "iter_class_next_manual", "future_set_by_task_callbacks", "future_callback_never_done"]


DENSE = 64


def points(limit):
    """every N up to DENSE, then each about 1.25 times the last"""
    n = list(range(1, min(DENSE, limit) + 1))
    while n[-1] * 5 // 4 <= limit:
        n.append(n[-1] * 5 // 4)
    return n


def all_samples():
    """every sample as run_samples.py finds it: subfolders (samples/tinyio/)
    included, as tinyio/NAME; samples/host needs its C host and is left out"""
    names = []
    for dirpath, dirnames, filenames in os.walk(SAMPLES):
        rel = os.path.relpath(dirpath, SAMPLES)
        if rel.split(os.sep)[0] == "host":
            dirnames[:] = []
            continue
        names += [os.path.normpath(os.path.join(rel, f[:-3])) for f in filenames if f.endswith(".py")]
    return sorted(names)


def header_args(py):
    with open(py, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                break
            m = re.match(r"#\s*asyncc:\s*args\s+(.*)", line)
            if m:
                return m.group(1).split()
    return []


def run(exe, args, stdin, n):
    env = dict(ENV)
    if n:
        env["ASYNCC_FAIL_ALLOC"] = str(n)
    try:
        r = subprocess.run([exe] + args, input=stdin, capture_output=True, env=env, timeout=60)
    except subprocess.TimeoutExpired:
        return None
    return r


def check_sample(name, limit):
    py = os.path.join(SAMPLES, name + ".py")
    stdin_path = os.path.join(SAMPLES, name + ".in")
    stdin = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    args = header_args(py)
    with tempfile.TemporaryDirectory() as d:
        exe = os.path.join(d, os.path.basename(name))
        b = subprocess.run([ASYNCC, "build", py, "-o", exe] + SAN, capture_output=True, text=True)
        if b.returncode:
            return [f"{name}: build failed: {b.stderr.strip()[-300:]}"]
        plain = run(exe, args, stdin, 0)
        if plain is None or SAN_REPORT.search(plain.stderr.decode(errors="replace")):
            return [f"{name}: the plain run fails"]
        problems, runs, memerr = [], 0, 0
        for n in points(limit):
            r = run(exe, args, stdin, n)
            if r is None:
                problems.append(f"{name} N={n}: timeout")
                continue
            err = r.stderr.decode(errors="replace")
            if r.returncode < 0:
                problems.append(f"{name} N={n}: killed by signal {-r.returncode}\n{err[-600:]}")
            elif SAN_REPORT.search(err):
                problems.append(f"{name} N={n}: sanitizer report\n{err[-1500:]}")
            elif r.returncode not in (plain.returncode, 1):
                problems.append(f"{name} N={n}: status {r.returncode}\n{err[-600:]}")
            elif r.returncode == 1 != plain.returncode and "Traceback" not in err and "MemoryError" not in err:
                problems.append(f"{name} N={n}: status 1 without an exception report\n{err[-600:]}")
            runs += 1
            memerr += "MemoryError" in err or b"MemoryError" in r.stdout
            if n > DENSE and r.returncode == plain.returncode and r.stdout == plain.stdout \
                    and "MemoryError" not in err:
                break  # past the program's last allocation
        return problems or [f"ok: {runs} runs with a failure injected, {memerr} ended in MemoryError"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("names", nargs="*")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--limit", type=int, default=10 ** 7, help="largest N (default: until a run is unaffected)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    a = ap.parse_args()
    names = a.names or ([n for n in all_samples() if n not in SKIP_ALL] if a.all else DEFAULT)
    failed = 0
    with ThreadPoolExecutor(a.jobs) as ex:
        for name, res in zip(names, ex.map(lambda n: check_sample(n, a.limit), names)):
            bad = [p for p in res if not p.startswith("ok: ")]
            print(("FAIL " if bad else "PASS ") + name + ("" if bad else " (" + res[0][4:] + ")"), flush=True)
            for p in bad:
                print("  " + p.replace("\n", "\n  "))
            failed += bool(bad)
    print(f"oom: {len(names) - failed} passed, {failed} failed ({len(names)} samples)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
