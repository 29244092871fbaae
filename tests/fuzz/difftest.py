#!/usr/bin/env python3
"""Differential random testing: CPython vs programs compiled by asyncc.

    python3 tests/fuzz/difftest.py --count 500 --seed 1 [-j J]
    python3 tests/fuzz/difftest.py --show SEED        # print one program
    python3 tests/fuzz/difftest.py --replay SEED      # test one program alone
    python3 tests/fuzz/difftest.py --python-only ...  # check the generator only

Program i of a run with --seed S has its own seed S*100000 + i; programs are
produced by tests/fuzz/gen.py (statically typed dialect code: ints, floats,
bools, strs, lists, f-strings, slicing, exceptions, loops, typed helpers;
the programs of odd seeds with every annotation stripped: inference).

Fast path: programs are concatenated BATCH at a time into one file (names
suffixed _k, each program's main under a catch-all that prints
`uncaught: repr(exc)`), so one `asyncc build` serves BATCH programs.  CPython
and the compiled batch must print the same stdout, exit status and last
stderr line.  When a batch fails (build error, crash, mismatch), every
program of the batch is re-checked STANDALONE (its own main, uncaught
exceptions reach the top level: exit status 1 and the exception's last line
are compared too) and each failing program is reported with its seed, its
source and both outputs, and saved under build/fuzz-fail/.

Exit status: 0 when everything matched, 1 on any mismatch, 2 when the
compiler is missing or the generator produced a program CPython rejects.
"""

import argparse
import concurrent.futures as cf
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "ref"))
sys.path.insert(0, HERE)
import harness as H  # noqa: E402
import gen  # noqa: E402

WORK = os.path.join(H.ROOT, "build", "fuzz")
FAILDIR = os.path.join(H.ROOT, "build", "fuzz-fail")

# exceptions that only a generator bug can cause under CPython
GENERATOR_BUGS = ("NameError", "UnboundLocalError", "TypeError", "AttributeError",
                  "SyntaxError", "IndentationError", "RecursionError",
                  "OverflowError: int too large", "SystemError")


def prog_seed(seed, i):
    return seed * 100000 + i


def python_run(path, timeout):
    return H.run([sys.executable, path], env=H.base_env(ASYNCC_CLOCK="virtual"),
                 timeout=timeout)


def build_and_run(path, exe, timeout, cflags):
    cmd = [H.ASYNCC, "build", os.path.relpath(path, H.ROOT), "-o", exe]
    if cflags:
        cmd += ["--"] + cflags
    if os.path.exists(exe):
        os.remove(exe)
    b = H.run(cmd, env=H.base_env(CC=os.environ.get("CC", "gcc")), timeout=timeout * 3)
    if b.status != 0 or b.timed_out or not os.path.exists(exe):
        return b, None
    r = H.run([exe], env=H.base_env(ASYNCC_CLOCK="virtual"), timeout=timeout)
    return b, r


def generator_bug(r):
    if r.timed_out:
        return "CPython run timed out"
    last = r.last_err
    for name in GENERATOR_BUGS:
        if name in last or (b"\n" + name.encode() + b":") in r.stderr:
            return f"CPython raised {last!r}"
    if r.status not in (0, 1):
        return f"CPython {r.describe_status()}"
    return None


def differ(py, c):
    """None when the compiled run matches CPython, else a short reason."""
    if c.timed_out:
        return "compiled program timed out"
    why = []
    if c.status != py.status:
        why.append(f"status: python {py.status}, asyncc {c.describe_status()}")
    if c.stdout != py.stdout:
        why.append("stdout differs")
    if c.last_err != py.last_err:
        why.append(f"last stderr line: python {py.last_err!r}, asyncc {c.last_err!r}")
    return "; ".join(why) or None


def report(seed, src, py, b, c, reason):
    os.makedirs(FAILDIR, exist_ok=True)
    path = os.path.join(FAILDIR, f"prog_{seed}.py")
    with open(path, "w") as f:
        f.write(src)
    lines = [H.color(f"MISMATCH seed {seed}: {reason}", "31"),
             f"  saved: {os.path.relpath(path, H.ROOT)}   "
             f"(replay: python3 tests/fuzz/difftest.py --replay {seed})",
             "  ---- program ----"]
    lines += ["  " + ln for ln in src.splitlines()]
    lines.append(f"  ---- CPython ({py.describe_status()}) ----")
    lines.append(H.head(py.stdout, 60))
    if py.last_err:
        lines.append(f"    [stderr] {py.last_err}")
    if c is None:
        lines.append(f"  ---- asyncc build ({b.describe_status()}) ----")
        lines.append(H.head(b.stderr or b.stdout, 30))
    else:
        lines.append(f"  ---- asyncc ({c.describe_status()}) ----")
        lines.append(H.head(c.stdout, 60))
        if c.last_err:
            lines.append(f"    [stderr] {c.last_err}")
        if c.stdout != py.stdout:
            lines.append("  ---- diff (python -> asyncc) ----")
            lines.append(H.short_diff(py.stdout, c.stdout, "python", "asyncc", 30))
    return "\n".join(lines)


def check_standalone(seed, a, tag):
    """Check one program alone; returns (ok, text)."""
    src = gen.standalone(seed, a.unicode)
    d = os.path.join(WORK, tag)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, f"prog_{seed}.py")
    with open(path, "w") as f:
        f.write(src)
    py = python_run(path, a.timeout)
    bug = generator_bug(py)
    if bug:
        return False, f"GENERATOR BUG seed {seed}: {bug}\n" + "\n".join(
            "  " + ln for ln in src.splitlines()) + "\n" + H.head(py.stderr, 10), True
    if a.python_only:
        return True, None, False
    b, c = build_and_run(path, path[:-3], a.timeout, a.cflags)
    if c is None:
        return False, report(seed, src, py, b, None, "asyncc build failed"), False
    why = differ(py, c)
    if why:
        return False, report(seed, src, py, b, c, why), False
    return True, None, False


_FAILED = [0]   # failures so far, across threads (approximate is fine)


def check_batch(bi, seeds, a):
    """Returns (n_ok, [failure texts], generator_bug_found)."""
    d = os.path.join(WORK, f"batch{bi}")
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "batch.py")
    with open(path, "w") as f:
        f.write(gen.batch(seeds, a.unicode))
    py = python_run(path, a.timeout)
    if generator_bug(py) is None:
        if a.python_only:
            return len(seeds), [], False
        b, c = build_and_run(path, os.path.join(d, "batch"), a.timeout, a.cflags)
        if c is not None and differ(py, c) is None:
            return len(seeds), [], False
    # slow path: find the guilty programs one by one (unless there are
    # already plenty of failures: a broken compiler must not take an hour)
    if _FAILED[0] >= a.max_fail and not a.python_only:
        _FAILED[0] += len(seeds)
        return 0, [f"batch {bi} (seeds {seeds[0]}..{seeds[-1]}) failed; not bisected "
                   f"(over --max-fail failures): {os.path.relpath(path, H.ROOT)}"] * len(seeds), False
    fails, genbug = [], False
    for s in seeds:
        ok, text, gb = check_standalone(s, a, f"batch{bi}")
        if not ok:
            fails.append(text)
            genbug |= gb
            _FAILED[0] += 1
    if not fails and not a.python_only:
        fails.append(f"batch {bi} (seeds {seeds[0]}..{seeds[-1]}) failed as a batch "
                     f"but every program passes alone: see {os.path.relpath(path, H.ROOT)}")
    return len(seeds) - len(fails), fails, genbug


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", "--jobs", type=int, default=H.jobs_default())
    ap.add_argument("--batch", type=int, default=10, help="programs per build (default 10)")
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--cflags", default="", help="extra C compiler flags for asyncc build")
    ap.add_argument("--unicode", action="store_true", help="also use non-ASCII strings")
    ap.add_argument("--python-only", action="store_true",
                    help="only run the programs under CPython (generator self-check)")
    ap.add_argument("--show", type=int, metavar="SEED", help="print one program and exit")
    ap.add_argument("--replay", type=int, metavar="SEED", help="test one program alone")
    ap.add_argument("--max-fail", type=int, default=5, help="stop reporting after N failures")
    a = ap.parse_args()
    a.cflags = a.cflags.split()

    if a.show is not None:
        sys.stdout.write(gen.standalone(a.show, a.unicode))
        return 0
    if not a.python_only:
        problem = H.compiler_problem()
        if problem:
            print(H.color(f"error: {problem}", "31"))
            print("difftest: not run (no compiler)")
            return 2
    if a.replay is not None:
        ok, text, gb = check_standalone(a.replay, a, "replay")
        print(text if text else f"seed {a.replay}: ok")
        return 0 if ok else (2 if gb else 1)

    t0 = time.monotonic()
    seeds = [prog_seed(a.seed, i) for i in range(a.count)]
    batches = [seeds[i:i + a.batch] for i in range(0, len(seeds), max(1, a.batch))]
    passed, failures, genbug = 0, [], False
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [ex.submit(check_batch, bi, b, a) for bi, b in enumerate(batches)]
        for fut in futs:
            n, fails, gb = fut.result()
            passed += n
            failures += fails
            genbug |= gb
    for text in failures[:a.max_fail]:
        print(text)
    if len(failures) > a.max_fail:
        print(f"... {len(failures) - a.max_fail} more failures (programs saved in "
              f"{os.path.relpath(FAILDIR, H.ROOT)}/)")
    mode = "CPython only" if a.python_only else "CPython vs asyncc"
    print(f"difftest: {passed} passed, {len(failures)} failed  "
          f"({a.count} programs, seed {a.seed}, {mode}, {time.monotonic() - t0:.1f}s)")
    if genbug:
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
