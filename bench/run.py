#!/usr/bin/env python3
"""asyncc benchmark suite (issues 7 and 18).

    python3 bench/run.py                 # full run: tables + bench/results.csv
    python3 bench/run.py --python PATH   # compare against another CPython
    python3 bench/run.py --runs 9        # more runs per measurement
    python3 bench/run.py --only chain    # benchmarks whose name contains "chain"
    python3 bench/run.py --skip PyPy,mypyc
    python3 bench/run.py --smoke         # tiny sizes: builds, runs, outputs; no figures

Every benchmark program in bench/*.py is written once in the asyncc dialect
(only `import asyncio`; pingpong_tinyio.py imports tinyio instead and is
compared with the real tinyio under CPython only, from ../shared/ref/tinyio
when that exists).  Sizes are module-level constants written as
`NAME: int = value`; this script rewrites those lines to make each size
variant in build/bench/ (the dialect has no sys.argv).

Runtimes (bench/peers.py finds and builds the Python ones):
  asyncc   build/asyncc build (-O2), run with ASYNCC_CLOCK=monotonic
  CPython  asyncio on the interpreter given by --python (default
           /usr/bin/python3, Debian's optimised build)
  uvloop   the same interpreter with uvloop.install()
  PyPy     pypy3 running the same .py
  Cython   the same .py compiled by cython3 -3 into an extension module for
           the --python interpreter, imported by it
  mypyc    the same .py compiled by mypyc, imported by the --python interpreter
  hand-C   bench/baseline/*.c, gcc -O2 (pingpong, spawn, timers, chain): the limit

Each measurement is the whole process: wall time on CLOCK_MONOTONIC around
fork/exec/wait4, user+system CPU time and peak RSS from wait4's rusage.  The
same runtime's trivial program (bench/trivial.py, compiled the same way, or
baseline/trivial.c) is measured the same way and its medians are subtracted
("net").  Medians of --runs runs (default 5); a program whose first run takes
under 0.2 s is run at least 21 times, since a few ms of scheduling noise would
otherwise swamp it.  Ratios against CPython use CPU time: the machine this
runs on is usually shared, and CPU time moves much less with the load than
wall time does.

--smoke: tiny sizes, one run each of asyncc, CPython and hand-C (--peers adds
the peers that are present); every program must build, exit 0 and print what
CPython prints (timers: ASYNCC_CLOCK=virtual for asyncc and
tests/ref/asyncc_ref.py's virtual clock for CPython, so the wake order is
deterministic).  It prints no timings: runs this small measure nothing.
Exits 1 on any failure.
"""

import argparse
import csv
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import peers
from peers import CPYTHON, CYTHON, MYPYC, PYPY, UVLOOP

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = ROOT / "build" / "bench"
ASYNCC = ROOT / "build" / "asyncc"
REF = ROOT / "tests" / "ref" / "asyncc_ref.py"
# the real tinyio, beside the repository (the tinyio benchmarks' CPython side)
TINYIO_REF = (ROOT / ".." / "shared" / "ref" / "tinyio").resolve()
CFLAGS = ["-std=c99", "-D_POSIX_C_SOURCE=200809L", "-O2", "-Wall", "-Wextra"]

RT_ASYNCC, RT_C, RT_CM = "asyncc", "hand-C", "hand-C-malloc"
NATIVE = (RT_ASYNCC, RT_C, RT_CM)
ALL_RUNTIMES = [RT_ASYNCC, CPYTHON, UVLOOP, PYPY, CYTHON, MYPYC, RT_C, RT_CM]
PY_RUNTIMES = (CPYTHON, UVLOOP, PYPY, CYTHON, MYPYC)

# ---------------------------------------------------------------- benchmarks


def fanout_tasks(s):
    return s["REPS"] * sum(s["FAN"] ** k for k in range(1, s["DEPTH"] + 1))


# name -> program, sizes, smoke sizes, hand-C argv, unit count.  kind selects
# the metric (see numbers()); idle is the time the program spends asleep by
# design (spawn's 10 ms sleep, timers' 0.5 s of deadlines), taken off the
# wall time before comparing.  native: sizes for asyncc and hand-C, ten times
# the repetitions over the same working set, so that their CPU time is tens
# of ms rather than a few (comparisons are per unit of work).
CASES = [
    dict(name="pingpong", prog="pingpong", kind="rate", unit="switches/CPU s", idle=0.0,
         sizes=dict(TASKS=1000, ITERS=1000), smoke=dict(TASKS=10, ITERS=20),
         native=dict(TASKS=1000, ITERS=10000),
         count=lambda s: s["TASKS"] * s["ITERS"],
         c=lambda s: ["pingpong", s["TASKS"], s["ITERS"]]),
    # the tinyio spelling: CPython runs it on the real tinyio (TINYIO_REF)
    dict(name="pingpong-tinyio", prog="pingpong_tinyio", kind="rate", unit="switches/CPU s", idle=0.0,
         sizes=dict(TASKS=100, ITERS=1000), smoke=dict(TASKS=10, ITERS=20),
         native=dict(TASKS=1000, ITERS=10000),
         count=lambda s: s["TASKS"] * s["ITERS"], c=None, only=(RT_ASYNCC, CPYTHON), tinyio=True),
    dict(name="spawn", prog="spawn", kind="bytes", unit="bytes/task", idle=0.01,
         sizes=dict(N=100000), smoke=dict(N=300),
         count=lambda s: s["N"], c=lambda s: ["spawn", s["N"]]),
    dict(name="spawn-1M", prog="spawn", kind="bytes", unit="bytes/task", idle=0.01,
         sizes=dict(N=1000000), smoke=None, only=(RT_ASYNCC, RT_C),
         count=lambda s: s["N"], c=lambda s: ["spawn", s["N"]]),
    dict(name="timers", prog="timers", kind="overhead", unit="CPU us/task", idle=0.5,
         sizes=dict(N=100000, SEED=12345), smoke=dict(N=300, SEED=12345),
         count=lambda s: s["N"], c=lambda s: ["timers", s["N"], s["SEED"]]),
    dict(name="chain", prog="chain", kind="rate", unit="awaits/CPU s", idle=0.0,
         sizes=dict(DEPTH=100, REPS=10000), smoke=dict(DEPTH=10, REPS=20),
         native=dict(DEPTH=100, REPS=100000),
         count=lambda s: s["REPS"] * (s["DEPTH"] + 1),
         c=lambda s: ["chain", s["DEPTH"], s["REPS"]],
         cm=lambda s: ["chain", s["DEPTH"], s["REPS"], "malloc"]),
    dict(name="fanout", prog="fanout", kind="rate", unit="tasks/CPU s", idle=0.0,
         sizes=dict(FAN=10, DEPTH=4, REPS=10), smoke=dict(FAN=3, DEPTH=2, REPS=2),
         native=dict(FAN=10, DEPTH=4, REPS=100),
         count=fanout_tasks, c=None),
    dict(name="queue", prog="queue_bench", kind="rate", unit="items/CPU s", idle=0.0,
         sizes=dict(PRODUCERS=10, CONSUMERS=10, ITEMS=10000, MAXSIZE=100),
         smoke=dict(PRODUCERS=2, CONSUMERS=2, ITEMS=50, MAXSIZE=4),
         native=dict(PRODUCERS=10, CONSUMERS=10, ITEMS=100000, MAXSIZE=100),
         count=lambda s: s["PRODUCERS"] * s["ITEMS"], c=None),
    # issue 14: object-heavy synchronous code (classes, overridden methods,
    # attributes that may be None), no event loop; a unit is one simulation
    dict(name="richards", prog="richards", kind="rate", unit="runs/CPU s", idle=0.0,
         sizes=dict(RUNS=20), smoke=dict(RUNS=1), native=dict(RUNS=200),
         count=lambda s: s["RUNS"], c=None),
    dict(name="event", prog="event", kind="rate", unit="wake-ups/CPU s", idle=0.0,
         sizes=dict(WAITERS=1000, ROUNDS=100), smoke=dict(WAITERS=10, ROUNDS=3),
         native=dict(WAITERS=1000, ROUNDS=1000),
         count=lambda s: s["WAITERS"] * s["ROUNDS"], c=None),
]

# callgrind: (case, sizes at N, sizes at N/2, units at each, what a unit is)
CALLGRIND = [
    ("pingpong", "pingpong", dict(TASKS=100, ITERS=2000), dict(TASKS=100, ITERS=1000),
     lambda s: s["TASKS"] * s["ITERS"], "switch"),
    ("chain", "chain", dict(DEPTH=100, REPS=2000), dict(DEPTH=100, REPS=1000),
     lambda s: s["REPS"] * (s["DEPTH"] + 1), "await"),
]

TRANSPILE_COPIES = 2000
SHORT, SHORT_RUNS = 0.2, 21     # see measure() in main()

# ---------------------------------------------------------------- helpers


QUIET = False   # --smoke: only the result table, for `make check`'s log


def log(msg):
    if not QUIET:
        print(msg, file=sys.stderr, flush=True)


def variant(prog, sizes, tag):
    """Write build/bench/<tag>.py: bench/<prog>.py with its size constants replaced."""
    src = (BENCH / f"{prog}.py").read_text()
    for k, v in sizes.items():
        src, n = re.subn(rf"^{k}: int = -?\d+$", f"{k}: int = {v}", src, flags=re.M)
        if n != 1:
            raise SystemExit(f"bench/{prog}.py: no line `{k}: int = ...`")
    # a file named like a stdlib module (queue.py) would be imported in its
    # place by every program run from that folder (tinyio imports queue)
    name = f"{tag}_bench" if tag in sys.stdlib_module_names else tag
    path = OUT / f"{name}.py"
    if not path.exists() or path.read_text() != src:
        path.write_text(src)
    return path


def first_error(text):
    for line in text.splitlines():
        if "error" in line:
            return line.strip()[:160]
    lines = [l for l in text.splitlines() if l.strip()]
    return (lines[0].strip()[:160] if lines else "no output")


def build_asyncc(py):
    exe = py.with_suffix(".asyncc")
    r = subprocess.run([str(ASYNCC), "build", str(py), "-o", str(exe)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, first_error(r.stderr + r.stdout)
    return exe, None


def build_c(name):
    exe = OUT / f"c_{name}"
    src = BENCH / "baseline" / f"{name}.c"
    r = subprocess.run(["gcc", *CFLAGS, "-o", str(exe), str(src)],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None, first_error(r.stderr)
    return exe, None


MEASURE = OUT / "measure"


def build_measure():
    r = subprocess.run(["gcc", "-O2", "-D_POSIX_C_SOURCE=200809L", "-o", str(MEASURE),
                        str(BENCH / "measure.c")], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("cannot build bench/measure.c:\n" + r.stderr)


def run_once(cmd, env=None, timeout=900):
    """Run cmd through build/bench/measure; return (wall seconds, peak RSS
    KiB, exit status, stdout, stderr, CPU seconds)."""
    rfd, wfd = os.pipe()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen([str(MEASURE), str(wfd), *cmd], stdin=subprocess.DEVNULL,
                             stdout=out, stderr=err, env=env, pass_fds=(wfd,),
                             start_new_session=True)
        os.close(wfd)
        try:
            p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, 9)
            p.wait()
        with os.fdopen(rfd) as f:
            line = f.read().split()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
        if len(line) != 4:
            return (0.0, 0, 124, stdout, stderr or "measure failed or timed out", 0.0)
        return (int(line[0]) / 1e9, int(line[1]), int(line[2]), stdout, stderr, int(line[3]) / 1e9)


def lcg_durations_us(n, seed):
    state, d = seed, []
    for _ in range(n):
        state = (state * 1103515245 + 12345) % 2147483648
        d.append(state % 500000)
    return d


def check_timers(output, sizes, strict):
    """Check a timers run's output.  strict (virtual clock, every sleep set at
    time 0): wake order must be exactly (duration, index) order.  Otherwise
    (real clock; task i set its timer no later than task j > i, but the exact
    times are unknown): a wake of i after some j > i with d[j] >= d[i] is a
    definite deadline-order violation, since deadline(j) >= deadline(i) and a
    tie goes to the earlier timer.  Returns None or a message."""
    n = sizes["N"]
    lines = output.split("\n")
    if len(lines) < 2 or lines[0].strip() != str(n):
        return f"expected {n} wakes, got {lines[0][:40]!r}"
    try:
        order = [int(x) for x in lines[1].split()]
    except ValueError:
        return "unparsable wake order"
    if sorted(order) != list(range(n)):
        return "wake order is not a permutation of the tasks"
    d = lcg_durations_us(n, sizes["SEED"])
    if strict:
        want = sorted(range(n), key=lambda i: (d[i], i))
        bad = sum(1 for a, b in zip(order, want) if a != b)
        return f"{bad} wakes differ from deadline order" if bad else None
    # Fenwick tree over reversed index: max duration among woken tasks j > i
    tree = [-1] * (n + 1)
    bad = 0
    for i in order:
        q, pos = -1, n - 1 - i   # reversed positions < pos  <=>  j > i
        while pos > 0:
            if tree[pos] > q:
                q = tree[pos]
            pos -= pos & -pos
        if q >= d[i]:
            bad += 1
        pos = n - i
        while pos <= n:
            if tree[pos] < d[i]:
                tree[pos] = d[i]
            pos += pos & -pos
    return f"{bad} wakes after a later-set timer with a no-later duration" if bad else None


def fmt_rate(v):
    if v is None:
        return "-"
    for div, suf in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= div:
            return f"{v / div:.3g}{suf}"
    return f"{v:.3g}"


def fmt_num(v, digits=3):
    if v is None:
        return "-"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    return f"{v:.{digits}g}"


def fmt_x(v):
    return "-" if v is None else (f"{v:,.0f}x" if v >= 100 else f"{v:.3g}x")


def choose_python(requested, smoke):
    """The CPython to compare against: --python, else Debian's optimised
    build.  A smoke run only needs an oracle, so it falls back to the python3
    on PATH rather than failing."""
    exe = requested or peers.DEBIAN_PY
    info = peers.probe_python(exe)
    if info is None and smoke and not requested:
        info = peers.probe_python(shutil.which("python3") or sys.executable)
    if info is None:
        raise SystemExit(f"bench/run.py: cannot run {exe} (`make bench` installs Debian's python3; "
                         "or pass --python PATH)")
    return info


class Programs:
    """Builds each runtime's program for one size variant and gives its
    command line (None: the runtime has no such program)."""

    def __init__(self, cpy, failures):
        self.cpy = cpy
        self.failures = failures
        self.c_exes = {}
        self.pypy = shutil.which("pypy3")

    def build_c_baselines(self):
        for name in ("pingpong", "spawn", "timers", "chain", "trivial"):
            exe, err = build_c(name)
            self.c_exes[name] = exe
            if err:
                self.failures.append(f"hand-C {name}: {err}")

    def c_cmd(self, argv):
        if not argv or not self.c_exes.get(argv[0]):
            return None
        return [str(self.c_exes[argv[0]])] + [str(a) for a in argv[1:]]

    def command(self, rt, case, py, tag, sizes):
        """(argv, None), (None, None) for no program, or (None, build error)."""
        if rt == RT_ASYNCC:
            exe, err = build_asyncc(py)
            return ([str(exe)] if exe else None), err
        if rt == CPYTHON:
            return [self.cpy["path"], str(py)], None
        if rt == UVLOOP:
            return peers.uvloop_cmd(self.cpy, py), None
        if rt == PYPY:
            return [self.pypy, str(py)], None
        if rt == CYTHON:
            return peers.build_cython(py, tag, self.cpy, OUT)
        if rt == MYPYC:
            return peers.build_mypyc(py, tag, self.cpy, OUT)
        if case is None:       # the trivial program
            return self.c_cmd(["trivial"]), None
        spec = case.get("c" if rt == RT_C else "cm")
        return self.c_cmd(spec(sizes) if spec else None), None


def numbers(row, case, res, base):
    """Fill row with medians net of the runtime's trivial program (base) and
    the metric; the ratio to CPython is filled in later."""
    walls = [r[0] for r in res]
    wall = statistics.median(walls)
    rss = statistics.median(r[1] for r in res)
    tw, trss, tcpu = base
    net = wall - tw
    cpu = statistics.median(r[5] for r in res) - tcpu
    count = case["count"](row["size_map"])
    work = net - case["idle"]
    row.update(wall=wall, wall_min=min(walls), net=net, work_wall=work, cpu=cpu, rss_kb=rss,
               count=count, runs=len(res), cpu_per=cpu / count, wall_per=work / count)
    if case["kind"] == "rate":
        row["value"] = count / cpu if cpu > 0 else None
        row["value_wall"] = count / work if work > 0 else None
    elif case["kind"] == "bytes":
        row["value"] = (rss - trss) * 1024 / count
        row["value_wall"] = row["value"]
    else:
        row["value"] = cpu / count * 1e6
        row["value_wall"] = work / count * 1e6


def ratios(rows):
    """x CPython: CPython's net CPU (wall) time per unit of work divided by
    the row's, so 10x means ten times faster.  asyncc rows also get their
    time over hand-C's (the limit)."""
    for row in rows:
        if row.get("cpu") is None:
            continue
        same = {r["runtime"]: r for r in rows if r["bench"] == row["bench"] and r.get("cpu") is not None}
        c = same.get(CPYTHON)
        if c and row["cpu"] > 0 and c["cpu"] > 0:
            row["x_cpu"] = c["cpu_per"] / row["cpu_per"]
        if c and row["work_wall"] > 0 and c["work_wall"] > 0:
            row["x_wall"] = c["wall_per"] / row["wall_per"]
        h = same.get(RT_C)
        if row["runtime"] == RT_ASYNCC and h:
            if h["cpu"] > 0:
                row["vs_c_cpu"] = row["cpu_per"] / h["cpu_per"]
            if h["work_wall"] > 0 and row["work_wall"] > 0:
                row["vs_c_wall"] = row["wall_per"] / h["wall_per"]
            if row["kind"] == "bytes" and h["value"]:
                row["vs_c_bytes"] = row["value"] / h["value"]


def check_outputs(case, rt, res, sizes, smoke, row, env_virt, cmd):
    """Problems with one runtime's outputs on their own (agreement with
    CPython is checked once every runtime has run)."""
    outs = [r[3] for r in res]
    checks = []
    if case["prog"] == "timers":
        strict = smoke and rt in (RT_ASYNCC, CPYTHON)
        for o in outs:
            msg = check_timers(o, sizes, strict)
            if msg:
                checks.append(msg)
                break
        if not smoke and rt == RT_ASYNCC:
            # one extra run on the virtual clock: the exact order
            v = run_once(cmd, env_virt)
            msg = v[2] and f"exit {v[2]}" or check_timers(v[3], sizes, True)
            if msg:
                checks.append("virtual clock: " + msg)
            else:
                row["note"] = "exact deadline order on the virtual clock"
    elif len(set(outs)) > 1:
        checks.append("output differs between runs")
    return checks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--python", default="",
                    help=f"the CPython to compare against (default {peers.DEBIAN_PY}, Debian's optimised build)")
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--smoke", action="store_true",
                    help="tiny sizes: build, run and compare outputs with CPython; no figures; exit 1 on failure")
    ap.add_argument("--peers", action="store_true", help="--smoke: also run the peers that are present")
    ap.add_argument("--only", default="", help="only benchmarks whose name contains this")
    ap.add_argument("--skip", default="", help="comma-separated runtimes to leave out (e.g. PyPy,mypyc)")
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--no-transpile", action="store_true")
    ap.add_argument("--csv", default=str(BENCH / "results.csv"))
    args = ap.parse_args()
    global QUIET
    QUIET = args.smoke

    OUT.mkdir(parents=True, exist_ok=True)
    build_measure()
    if not ASYNCC.exists():
        log("build/asyncc missing: running make")
        subprocess.run(["make", "-C", str(ROOT)], stdout=sys.stderr)
    failures = []
    smoke = args.smoke
    runs = 1 if smoke else max(1, args.runs)
    load0 = os.getloadavg()
    cpy = choose_python(args.python, smoke)
    notes = peers.describe_python(cpy)
    skip = {s.strip().lower() for s in args.skip.split(",") if s.strip()}

    runtimes = [RT_ASYNCC, CPYTHON]
    missing = []
    if not smoke or args.peers:
        for name, (ok, info) in peers.find_peers(cpy).items():
            if name.lower() in skip:
                notes.append(f"{name}: skipped (--skip)")
            elif ok:
                runtimes.append(name)
                notes.append(f"{name}: {info}")
            else:
                missing.append(name)
                notes.append(f"{name}: MISSING ({info}; Debian: {peers.PACKAGE[name]}, "
                             "which `make bench` installs)")
    runtimes.append(RT_C)
    runtimes = [rt for rt in runtimes if rt == CPYTHON or rt.lower() not in skip]

    env_mono = dict(os.environ, ASYNCC_CLOCK="monotonic")
    env_virt = dict(os.environ, ASYNCC_CLOCK="virtual")
    progs = Programs(cpy, failures)
    progs.build_c_baselines()
    prefix = "smoke_" if smoke else ""

    def measure(cmd, env):
        """--runs runs; programs that finish in under SHORT seconds get at
        least SHORT_RUNS runs, since on a busy machine the median of 5 runs
        of a 5 ms process is mostly scheduling noise."""
        res = [run_once(cmd, env)]
        n = runs
        if not smoke and res[0][0] < SHORT:
            n = max(runs, SHORT_RUNS)
        res += [run_once(cmd, env) for _ in range(n - 1)]
        return res

    # ---- trivial programs: what each runtime costs before any work
    trivial = {}
    triv_py = variant("trivial", {}, prefix + "trivial")
    for rt in runtimes:
        log(f"== trivial {rt}")
        cmd, err = progs.command(rt, None, triv_py, prefix + "trivial", {})
        if err:
            failures.append(f"{rt} trivial: {err}")
        if not cmd:
            continue
        res = measure(cmd, env_mono)
        if any(r[2] != 0 for r in res):
            failures.append(f"{rt} trivial: exit {res[0][2]}: {first_error(res[0][4])}")
            continue
        trivial[rt] = (statistics.median(r[0] for r in res), statistics.median(r[1] for r in res),
                       statistics.median(r[5] for r in res))

    # ---- benchmarks
    rows = []
    outputs = {}
    for case in CASES:
        if args.only and args.only not in case["name"]:
            continue
        sizes = case["smoke"] if smoke else case["sizes"]
        if sizes is None:
            continue
        tag = prefix + case["name"]
        py = variant(case["prog"], sizes, tag)
        log(f"== {case['name']} {sizes}")
        rts = [rt for rt in runtimes if rt in case.get("only", runtimes)]
        if case.get("cm") and not smoke:
            rts.append(RT_CM)
        for rt in rts:
            native = not smoke and rt in NATIVE and case.get("native")
            msizes, mtag = (case["native"], tag + "-native") if native else (sizes, tag)
            mpy = variant(case["prog"], msizes, mtag) if native else py
            row = dict(bench=case["name"], runtime=rt, sizes=" ".join(f"{k}={v}" for k, v in msizes.items()),
                       size_map=msizes, unit=case["unit"], kind=case["kind"], check="", note="")
            cmd, err = progs.command(rt, case, mpy, mtag, msizes)
            if err:
                row["check"] = "FAIL build: " + err
                failures.append(f"{rt} {case['name']}: {row['check']}")
                rows.append(row)
                continue
            if cmd is None:
                continue
            env = env_mono
            if case.get("tinyio") and rt != RT_ASYNCC:
                if not (TINYIO_REF / "tinyio").is_dir():
                    log(f"   {rt}: skipped (no ../shared/ref/tinyio)")
                    continue
                env = dict(env, PYTHONPATH=str(TINYIO_REF))
            rows.append(row)
            if smoke and case["prog"] == "timers":
                # deterministic wake order: virtual clocks on both sides
                if rt == RT_ASYNCC:
                    env = env_virt
                elif rt == CPYTHON:
                    cmd = [cpy["path"], str(REF), str(py)]
                    env = env_virt
            res = measure(cmd, env)
            bad = [r for r in res if r[2] != 0]
            if bad:
                row["check"] = f"FAIL exit {bad[0][2]}: {first_error(bad[0][4])}"
                failures.append(f"{rt} {case['name']}: {row['check']}")
                continue
            outputs[(case["name"], rt)] = res[0][3]
            if native:
                # the output CPython's can be compared with: one run at its size
                ocmd, err = progs.command(rt, case, py, tag, sizes)
                o = run_once(ocmd, env) if ocmd else (0, 0, 1, "", err or "no program")
                outputs[(case["name"], rt)] = o[3] if o[2] == 0 else f"exit {o[2]}: {first_error(o[4])}"
            checks = check_outputs(case, rt, res, msizes, smoke, row, env_virt, cmd)
            row["check"] = "; ".join(checks) or "ok"
            if checks:
                failures.append(f"{rt} {case['name']}: {row['check']}")
            if not smoke:
                base = trivial.get(RT_C if rt == RT_CM else rt, (0.0, 0, 0.0))
                numbers(row, case, res, base)
        # output agreement with CPython (the oracle); timers' real-clock
        # order is checked on its own above
        ref = outputs.get((case["name"], CPYTHON))
        if ref is not None and (case["prog"] != "timers" or smoke):
            for row in rows:
                if row["bench"] != case["name"] or row["runtime"] == CPYTHON:
                    continue
                o = outputs.get((case["name"], row["runtime"]))
                if o is None or (case["prog"] == "timers" and row["runtime"] != RT_ASYNCC):
                    continue
                if o != ref:
                    row["check"] = "output differs from CPython"
                    failures.append(f"{row['runtime']} {case['name']}: output differs from CPython "
                                    f"({o[:40]!r} vs {ref[:40]!r})")
        if smoke and ref is not None:
            for row in rows:
                if row["bench"] == case["name"] and row["runtime"] == CPYTHON:
                    row["expected"] = ref.strip().replace("\n", " | ")
    ratios(rows)

    cg_rows = [] if smoke or args.no_callgrind else callgrind(args, progs, env_mono)
    tp_rows = [] if args.no_transpile or (args.only and "transpile" not in args.only) else \
        transpile(smoke, runs, cpy, failures, env_mono)

    notes.append("load average at start %.2f %.2f %.2f, at end %.2f %.2f %.2f (nproc %d)"
                 % (*load0, *os.getloadavg(), os.cpu_count()))
    if smoke:
        print_smoke(rows, runtimes, tp_rows, notes)
    else:
        print_report(rows, trivial, cg_rows, tp_rows, notes, runs, runtimes, missing)
        write_csv(args.csv, rows, trivial, cg_rows, tp_rows)
        log(f"wrote {args.csv}")
    # a peer's own bug (a wrong output, uvloop's timer order) is a finding
    # about that peer, not a failure of asyncc's benchmarks
    peer_problems = [f for f in failures if f.split()[0] in peers.PEERS]
    failures = [f for f in failures if f not in peer_problems]
    for title, items in (("problems", failures), ("peer problems (theirs, not asyncc's)", peer_problems)):
        if items:
            print(f"\n{title}:")
            for f in items:
                print("  " + f)
    if smoke:
        print("bench-smoke:", "FAIL" if failures else "ok")
        return 1 if failures else 0
    return 0


def callgrind(args, progs, env_mono):
    """Instructions per switch / await for asyncc and hand-C: Ir at size N
    minus Ir at N/2, so start-up cancels; independent of the machine's load."""
    cg_rows = []
    if not shutil.which("valgrind"):
        log("valgrind not found: no callgrind table")
        return cg_rows
    for name, prog, big, half, units, what in CALLGRIND:
        if args.only and args.only not in name:
            continue
        case = next(c for c in CASES if c["name"] == name)
        log(f"== callgrind {name}")
        for rt in (RT_ASYNCC, RT_C, RT_CM):
            irs = []
            for tag, sizes in (("big", big), ("half", half)):
                cg_tag = f"cg_{name}_{tag}"
                cmd, _ = progs.command(rt, case, variant(prog, sizes, cg_tag) if rt == RT_ASYNCC else None,
                                       cg_tag, sizes)
                if not cmd:
                    break
                r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                                    *cmd], capture_output=True, text=True, env=env_mono)
                m = re.search(r"Collected : (\d+)", r.stderr)
                if r.returncode != 0 or not m:
                    break
                irs.append(int(m.group(1)))
            if len(irs) == 2:
                per = (irs[0] - irs[1]) / (units(big) - units(half))
                cg_rows.append(dict(bench=name, runtime=rt, what=what, ir_big=irs[0], ir_half=irs[1],
                                    units=units(big) - units(half), ir_per=per))
    for row in cg_rows:
        c = next((r for r in cg_rows if r["bench"] == row["bench"] and r["runtime"] == RT_C), None)
        if row["runtime"] == RT_ASYNCC and c:
            row["vs_handc"] = row["ir_per"] / c["ir_per"]
    return cg_rows


def transpile(smoke, runs, cpy, failures, env_mono):
    """Compiler speed on a large generated program (full run), or (smoke)
    that check and emit succeed on a small one and its program agrees with
    CPython."""
    tp_rows = []
    copies = 20 if smoke else TRANSPILE_COPIES
    big = OUT / f"{'smoke_' if smoke else ''}transpile_big.py"
    text = gen_transpile(copies)
    big.write_text(text)
    nlines = text.count("\n")
    log(f"== transpile {nlines} lines")
    # the floor: tree-sitter's parse alone (bench/ts_parse.c), when the
    # compiler's grammar objects are at hand
    objs = [ROOT / "build" / "obj" / f"grammar_{k}.o" for k in ("parser", "scanner")]
    tsp = OUT / "ts_parse"
    if not smoke and all(o.exists() for o in objs):
        r = subprocess.run(["gcc", "-O2", "-D_POSIX_C_SOURCE=200809L", "-o", str(tsp),
                            str(BENCH / "ts_parse.c"), *map(str, objs), "-ltree-sitter"],
                           capture_output=True, text=True)
        if r.returncode == 0:
            res = [run_once([str(tsp), str(big)]) for _ in range(runs)]
            if all(x[2] == 0 for x in res):
                secs = statistics.median(float(x[3].split()[0]) for x in res)
                tp_rows.append(dict(cmd="tree-sitter parse only (ts_parse)", lines=nlines,
                                    wall=secs, rate=nlines / secs,
                                    rss_kb=statistics.median(x[1] for x in res)))
    for sub in ("check", "emit"):
        cmd = [str(ASYNCC), sub, str(big)]
        if sub == "emit":
            cmd += ["-o", str(big.with_suffix(".c"))]
        res = [run_once(cmd) for _ in range(runs)]
        bad = [r for r in res if r[2] != 0]
        if bad:
            msg = f"asyncc {sub} on the generated program: exit {bad[0][2]}: {first_error(bad[0][4])}"
            failures.append(msg)
            tp_rows.append(dict(cmd="asyncc " + sub, lines=nlines, note=msg))
            continue
        wall = statistics.median(r[0] for r in res)
        cpu = statistics.median(r[5] for r in res)
        tp_rows.append(dict(cmd="asyncc " + sub, lines=nlines, wall=wall, rate=nlines / wall,
                            cpu=cpu, rate_cpu=nlines / cpu if cpu > 0 else None,
                            rss_kb=statistics.median(r[1] for r in res), note="ok"))
    if smoke:
        # the generated program must also run and agree with CPython
        exe, err = build_asyncc(big)
        if err:
            failures.append(f"asyncc transpile program: does not compile: {err}")
            tp_rows.append(dict(cmd="generated program", lines=nlines, note="FAIL: " + err))
        else:
            a = run_once([str(exe)], env_mono)
            c = run_once([cpy["path"], str(big)])
            ok = a[2] == 0 and a[3] == c[3]
            if not ok:
                failures.append("transpile program: asyncc output differs from CPython")
            tp_rows.append(dict(cmd="generated program", lines=nlines,
                                note="ok" if ok else "FAIL: output differs from CPython"))
    return tp_rows


def gen_transpile(copies):
    """A large valid program: `copies` distinct 20-line async functions and a
    main that awaits each of them."""
    parts = ["# generated by bench/run.py: transpile speed input", "import asyncio", "", ""]
    for k in range(copies):
        parts.append(f"""async def work_{k}(a: int, b: int) -> int:
    total: int = {k}
    i: int = 0
    while i < a:
        if i % 3 == 0:
            total += i * b
        elif i % 3 == 1:
            total -= b
        else:
            total += 1
        i += 1
    items: list[int] = [x * 2 for x in range(b)]
    for x in items:
        if x > 10:
            break
        total += x
    await asyncio.sleep(0)
    s: str = f"{{total}}:{{a}}"
    total += len(s)
    return total


""")
    parts.append("async def main() -> None:\n    total: int = 0\n")
    for k in range(copies):
        parts.append(f"    total += await work_{k}({k % 7}, {k % 5})\n")
    parts.append("    print(total)\n\n\nasyncio.run(main())\n")
    return "\n".join(parts[:4]) + "".join(parts[4:])


def print_smoke(rows, runtimes, tp_rows, notes):
    print("\nasyncc bench-smoke: each benchmark program at tiny sizes, built and run once, its output "
          "compared with CPython's.\nNot a measurement: runs this small time nothing but start-up, so no "
          "figures are printed (`make bench` measures).")
    for n in notes[:1] + [n for n in notes[3:] if not n.startswith("load average")]:
        print("  " + n)
    shown = [rt for rt in runtimes if rt != CPYTHON]
    table = []
    for bench in dict.fromkeys(r["bench"] for r in rows):
        mine = {r["runtime"]: r for r in rows if r["bench"] == bench}
        c = mine.get(CPYTHON, {})
        expected = c.get("expected") or c.get("check") or "-"
        if len(expected) > 28:
            expected = expected[:25] + "..."
        table.append([bench, mine[next(iter(mine))]["sizes"], expected,
                      *[(mine[rt]["check"] or "?") if rt in mine else "-" for rt in shown]])
    print_table(["bench", "sizes", "CPython prints", *shown], table)
    if tp_rows:
        print(f"  transpile ({tp_rows[0]['lines']:,}-line generated program): "
              + ", ".join(f"{r['cmd']} {r.get('note', 'ok')}" for r in tp_rows))


def print_report(rows, trivial, cg_rows, tp_rows, notes, runs, runtimes, missing):
    print(f"\nasyncc benchmarks (median of {runs} runs, 21 for programs under {SHORT} s; "
          "net = minus the same runtime's trivial program)")
    for n in notes:
        print("  " + n)
    if missing:
        print("  peers missing on this machine: " + ", ".join(missing))
    benches = list(dict.fromkeys(r["bench"] for r in rows))
    for b in benches:
        case = next(c for c in CASES if c["name"] == b)
        one = lambda sz: " ".join(f"{k}={v}" for k, v in sz.items())
        print(f"  {b}: {one(case['sizes'])}" + (f"; asyncc and hand-C {one(case['native'])} (10x the "
                                                 "work, compared per unit)" if case.get("native") else ""))
    print("  trivial program: " + ", ".join(f"{rt} {w * 1000:.1f} ms ({c * 1000:.1f} ms CPU) {kb / 1024:.1f} MB"
                                            for rt, (w, kb, c) in trivial.items()))

    cols = [rt for rt in runtimes if rt != RT_CM]
    get = lambda b, rt: next((r for r in rows if r["bench"] == b and r["runtime"] == rt), None)
    print("\nspeed against CPython by CPU time (CPython's net CPU s / the runtime's; higher is faster)")
    table = []
    for b in benches:
        if get(b, CPYTHON) is None:
            continue
        cells = []
        for rt in cols:
            r = get(b, rt)
            if r is None or r.get("cpu") is None:
                cells.append("-" if r is None else "fail")
            elif r["check"].startswith("output differs"):
                cells.append("wrong output")
            elif rt == CPYTHON:
                cells.append(f"1 ({r['cpu']:.2f} s)")
            else:
                cells.append(fmt_x(r.get("x_cpu")))
        table.append([b, *cells])
    for b in benches:
        if any(r["kind"] == "bytes" for r in rows if r["bench"] == b):
            table.append([b + " bytes/task", *[fmt_num(get(b, rt).get("value")) if get(b, rt) else "-"
                                               for rt in cols]])
    print_table(["bench", *cols], table)

    print("\nall measurements")
    hdr = ["bench", "runtime", "runs", "wall s", "net wall s", "net CPU s", "value", "metric",
           "peak RSS MB", "xCPython CPU", "xCPython wall", "check"]
    table = []
    for r in rows:
        if r.get("wall") is None:
            table.append([r["bench"], r["runtime"], "-", "-", "-", "-", "-", r["unit"], "-", "", "",
                          r.get("check", "")])
            continue
        val = fmt_rate(r.get("value")) if r["kind"] == "rate" else fmt_num(r.get("value"))
        check = r.get("check", "") + (f" ({r['note']})" if r.get("note") else "")
        table.append([r["bench"], r["runtime"], r["runs"], f"{r['wall']:.3f}", f"{r['net']:.3f}",
                      f"{r['cpu']:.3f}", val, r["unit"], f"{r['rss_kb'] / 1024:.1f}",
                      fmt_x(r.get("x_cpu")) if r["runtime"] != CPYTHON else "",
                      fmt_x(r.get("x_wall")) if r["runtime"] != CPYTHON else "", check])
    print_table(hdr, table)
    print("  net wall s = median wall - trivial's; net CPU s = median user+sys CPU - trivial's.  value: "
          "units per net CPU s; spawn: (peak RSS - trivial's) / N; timers: net CPU us per task.")
    print("  xCPython wall compares net wall time less the time asleep by design (spawn 0.01 s, "
          "timers 0.5 s).")

    print("\nasyncc against the hand-written C (the limit): asyncc's time (or bytes) / hand-C's, "
          "1.0 = as fast as hand-written C")
    table = []
    for b in benches:
        a = get(b, RT_ASYNCC)
        h = get(b, RT_C)
        if not a or not h or a.get("cpu") is None or h.get("cpu") is None:
            continue
        cg = next((r for r in cg_rows if r["bench"] == b and r["runtime"] == RT_ASYNCC), None)
        table.append([b, f"{a['cpu']:.4f}", f"{h['cpu']:.4f}", fmt_x(a.get("vs_c_cpu")),
                      fmt_x(a.get("vs_c_wall")), fmt_x(a.get("vs_c_bytes")),
                      fmt_x(cg.get("vs_handc")) if cg else "-"])
    print_table(["bench", "asyncc net CPU s", "hand-C net CPU s", "by CPU", "by wall", "bytes/task",
                 "instructions (callgrind)"], table)
    if cg_rows:
        print("\ncallgrind instructions (Ir at size N minus Ir at N/2, per unit)")
        print_table(["bench", "runtime", "Ir at N", "Ir at N/2", "units", "Ir/unit", "asyncc/hand-C"],
                    [[r["bench"], r["runtime"], f"{r['ir_big']:,}", f"{r['ir_half']:,}", f"{r['units']:,}",
                      f"{r['ir_per']:.1f} per {r['what']}",
                      f"{r['vs_handc']:.3g}x" if r.get("vs_handc") else ""] for r in cg_rows])
    if tp_rows:
        print("\ntranspile speed (generated program)")
        print_table(["command", "lines", "wall s", "lines/s", "CPU s", "lines/CPU s", "peak RSS MB"],
                    [[r["cmd"], f"{r['lines']:,}",
                      f"{r['wall']:.3f}" if r.get("wall") else "-",
                      f"{r['rate']:,.0f}" if r.get("rate") else (r.get("note") or "-"),
                      f"{r['cpu']:.3f}" if r.get("cpu") else "-",
                      f"{r['rate_cpu']:,.0f}" if r.get("rate_cpu") else "-",
                      f"{r['rss_kb'] / 1024:.1f}" if r.get("rss_kb") else "-"] for r in tp_rows])


def print_table(hdr, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(hdr, *rows)] if rows else [len(h) for h in hdr]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"
    print(line(hdr))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))


def write_csv(path, rows, trivial, cg_rows, tp_rows):
    fields = ["section", "bench", "runtime", "sizes", "runs", "wall_median_s", "wall_min_s", "net_wall_s",
              "net_cpu_s", "metric", "value_by_cpu", "value_by_wall", "peak_rss_kb", "x_cpython_cpu",
              "x_cpython_wall", "over_handc_cpu", "over_handc_wall", "check"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for rt, (wall, kb, c) in trivial.items():
            w.writerow(["trivial", "trivial", rt, "", "", f"{wall:.6f}", "", "", f"{c:.6f}", "", "", "", kb,
                        "", "", "", "", ""])
        for r in rows:
            g = lambda k, fmt="{:.6g}": fmt.format(r[k]) if r.get(k) is not None else ""
            w.writerow(["bench", r["bench"], r["runtime"], r["sizes"], r.get("runs", ""), g("wall", "{:.6f}"),
                        g("wall_min", "{:.6f}"), g("net", "{:.6f}"), g("cpu", "{:.6f}"), r["unit"], g("value"),
                        g("value_wall"), g("rss_kb", "{:.0f}"), g("x_cpu"), g("x_wall"), g("vs_c_cpu"),
                        g("vs_c_wall"), (r.get("check") or "") + (f" ({r['note']})" if r.get("note") else "")])
        for r in cg_rows:
            w.writerow(["callgrind", r["bench"], r["runtime"], f"units={r['units']}", "", "", "", "", "",
                        f"Ir/{r['what']}", f"{r['ir_per']:.2f}", "", "", "", "",
                        f"{r['vs_handc']:.4g}" if r.get("vs_handc") else "", "", ""])
        for r in tp_rows:
            w.writerow(["transpile", r["cmd"], "", f"lines={r['lines']}", "",
                        f"{r['wall']:.6f}" if r.get("wall") else "", "", "", f"{r['cpu']:.6f}" if r.get("cpu") else "",
                        "lines/s", f"{r['rate']:.0f}" if r.get("rate") else "", "", r.get("rss_kb", ""),
                        "", "", "", "", r.get("note", "ok")])


if __name__ == "__main__":
    sys.exit(main())
