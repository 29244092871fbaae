#!/usr/bin/env python3
"""asyncc benchmark suite (issue 7).

    python3 bench/run.py                 # full run: table + bench/results.csv
    python3 bench/run.py --runs 9        # more runs per measurement
    python3 bench/run.py --only chain    # benchmarks whose name contains "chain"
    python3 bench/run.py --smoke         # tiny sizes, once, outputs compared

Every benchmark program in bench/*.py is written once in the asyncc dialect
(only `import asyncio`).  Sizes are module-level constants written as
`NAME: int = value`; this script rewrites those lines to make each size
variant in build/bench/ (the dialect has no sys.argv).

Runtimes:
  asyncc   build/asyncc build (-O2), run with ASYNCC_CLOCK=monotonic
  CPython  the python3 on PATH (resolved to the real interpreter), asyncio
  uvloop   /usr/bin/python3 with Debian's python3-uvloop (uvloop.install())
  hand-C   bench/baseline/*.c, gcc -O2 (pingpong, spawn, timers, chain)

Each measurement is the whole process: wall time on time.monotonic around
fork/exec/wait4, peak RSS from wait4's rusage.  The same runtime's trivial
program (bench/trivial.py or baseline/trivial.c) is measured the same way, and
its median wall time and peak RSS are subtracted ("net").  Medians of --runs
runs (default 5); a program whose first run takes under 0.2 s is run at least
21 times (the trivial programs too), since a few ms of scheduling noise would
otherwise swamp it.

--smoke: tiny sizes, one run, no uvloop, no callgrind; asyncc's and hand-C's
outputs must equal CPython's (timers: ASYNCC_CLOCK=virtual for asyncc and
tests/ref/asyncc_ref.py's virtual clock for CPython, so the wake order is
deterministic).  Exits 1 on any failure.  No timing assertions.
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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = ROOT / "build" / "bench"
ASYNCC = ROOT / "build" / "asyncc"
REF = ROOT / "tests" / "ref" / "asyncc_ref.py"
DEBIAN_PY = "/usr/bin/python3"
CFLAGS = ["-std=c99", "-D_POSIX_C_SOURCE=200809L", "-O2", "-Wall", "-Wextra"]

RT_ASYNCC, RT_CPY, RT_UV, RT_C, RT_CM = "asyncc", "CPython", "uvloop", "hand-C", "hand-C-malloc"

# ---------------------------------------------------------------- benchmarks


def fanout_tasks(s):
    return s["REPS"] * sum(s["FAN"] ** k for k in range(1, s["DEPTH"] + 1))


# name -> program, sizes, smoke sizes, hand-C argv, unit count, runtimes.
# kind selects the derived metric (see metric()).
CASES = [
    dict(name="pingpong", prog="pingpong", kind="rate", unit="switches/s",
         sizes=dict(TASKS=1000, ITERS=1000), smoke=dict(TASKS=10, ITERS=20),
         count=lambda s: s["TASKS"] * s["ITERS"],
         c=lambda s: ["pingpong", s["TASKS"], s["ITERS"]]),
    dict(name="spawn", prog="spawn", kind="bytes", unit="bytes/task",
         sizes=dict(N=100000), smoke=dict(N=300),
         count=lambda s: s["N"], c=lambda s: ["spawn", s["N"]]),
    dict(name="spawn-1M", prog="spawn", kind="bytes", unit="bytes/task",
         sizes=dict(N=1000000), smoke=None, only=(RT_ASYNCC, RT_C),
         count=lambda s: s["N"], c=lambda s: ["spawn", s["N"]]),
    dict(name="timers", prog="timers", kind="overhead", unit="us/task",
         sizes=dict(N=100000, SEED=12345), smoke=dict(N=300, SEED=12345),
         count=lambda s: s["N"], c=lambda s: ["timers", s["N"], s["SEED"]]),
    dict(name="chain", prog="chain", kind="rate", unit="awaits/s",
         sizes=dict(DEPTH=100, REPS=10000), smoke=dict(DEPTH=10, REPS=20),
         count=lambda s: s["REPS"] * (s["DEPTH"] + 1),
         c=lambda s: ["chain", s["DEPTH"], s["REPS"]],
         cm=lambda s: ["chain", s["DEPTH"], s["REPS"], "malloc"]),
    dict(name="fanout", prog="fanout", kind="rate", unit="tasks/s",
         sizes=dict(FAN=10, DEPTH=4, REPS=10), smoke=dict(FAN=3, DEPTH=2, REPS=2),
         count=fanout_tasks, c=None),
]
# What a smaller number of in the metric means.
HIGHER_BETTER = {"rate": True, "bytes": False, "overhead": False}

# callgrind: (case, sizes at N, sizes at N/2, units at each, hand-C argv)
CALLGRIND = [
    ("pingpong", "pingpong", dict(TASKS=100, ITERS=2000), dict(TASKS=100, ITERS=1000),
     lambda s: s["TASKS"] * s["ITERS"], "switch"),
    ("chain", "chain", dict(DEPTH=100, REPS=2000), dict(DEPTH=100, REPS=1000),
     lambda s: s["REPS"] * (s["DEPTH"] + 1), "await"),
]

TRANSPILE_COPIES = 2000
SHORT, SHORT_RUNS = 0.2, 21     # see measure() in main()

# ---------------------------------------------------------------- helpers


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def variant(prog, sizes, tag):
    """Write build/bench/<tag>.py: bench/<prog>.py with its size constants replaced."""
    src = (BENCH / f"{prog}.py").read_text()
    for k, v in sizes.items():
        src, n = re.subn(rf"^{k}: int = -?\d+$", f"{k}: int = {v}", src, flags=re.M)
        if n != 1:
            raise SystemExit(f"bench/{prog}.py: no line `{k}: int = ...`")
    path = OUT / f"{tag}.py"
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


def python_cmd(rt, py, interp):
    if rt == RT_CPY:
        return [interp, str(py)]
    code = ("import sys, runpy, uvloop; uvloop.install(); "
            "sys.argv = [sys.argv[1]]; runpy.run_path(sys.argv[0], run_name='__main__')")
    return [DEBIAN_PY, "-c", code, str(py)]


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


def resolve_python():
    exe = shutil.which("python3") or sys.executable
    r = subprocess.run([exe, "-c", "import sys; print(sys.executable)"],
                       capture_output=True, text=True)
    return r.stdout.strip() or exe


def py_version(exe):
    r = subprocess.run([exe, "-c", "import sys; print(sys.version.split()[0])"],
                       capture_output=True, text=True)
    return r.stdout.strip()


def uvloop_available():
    if not os.path.exists(DEBIAN_PY):
        return False, f"{DEBIAN_PY} not found"
    probe = subprocess.run([DEBIAN_PY, "-c", "import uvloop; print(uvloop.__version__)"],
                           capture_output=True, text=True)
    if probe.returncode == 0:
        return True, probe.stdout.strip()
    if os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing python3-uvloop with apt-get ...")
        subprocess.run(["apt-get", "install", "-y", "python3-uvloop"],
                       capture_output=True, text=True)
        probe = subprocess.run([DEBIAN_PY, "-c", "import uvloop; print(uvloop.__version__)"],
                               capture_output=True, text=True)
        if probe.returncode == 0:
            return True, probe.stdout.strip()
    return False, "python3-uvloop not installable here"

# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, check outputs, exit 1 on failure")
    ap.add_argument("--only", default="", help="only benchmarks whose name contains this")
    ap.add_argument("--no-uvloop", action="store_true")
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--no-transpile", action="store_true")
    ap.add_argument("--csv", default=str(BENCH / "results.csv"))
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    build_measure()
    if not ASYNCC.exists():
        log("build/asyncc missing: running make")
        subprocess.run(["make", "-C", str(ROOT)], stdout=sys.stderr)
    failures = []
    smoke = args.smoke
    runs = 1 if smoke else max(1, args.runs)
    load0 = os.getloadavg()
    cpython = resolve_python()
    notes = [f"CPython: {cpython} {py_version(cpython)}"]

    runtimes = [RT_ASYNCC, RT_CPY, RT_C]
    if not smoke and not args.no_uvloop:
        ok, info = uvloop_available()
        if ok:
            runtimes.insert(2, RT_UV)
            notes.append(f"uvloop: {info} on {DEBIAN_PY} {py_version(DEBIAN_PY)}")
        else:
            notes.append(f"uvloop skipped: {info}")

    env_mono = dict(os.environ, ASYNCC_CLOCK="monotonic")
    env_virt = dict(os.environ, ASYNCC_CLOCK="virtual")

    # ---- build everything
    c_exes = {}
    for name in ("pingpong", "spawn", "timers", "chain", "trivial"):
        exe, err = build_c(name)
        c_exes[name] = exe
        if err:
            failures.append(f"hand-C {name}: {err}")
    prefix = "smoke_" if smoke else ""
    triv_py = variant("trivial", {}, prefix + "trivial")
    triv_exe, triv_err = build_asyncc(triv_py)
    if triv_err:
        failures.append(f"asyncc trivial: {triv_err}")

    def cmd_for(rt, case, py, exe, sizes):
        if rt == RT_ASYNCC:
            return [str(exe)] if exe else None
        if rt in (RT_CPY, RT_UV):
            return python_cmd(rt, py, cpython)
        key = "c" if rt == RT_C else "cm"
        spec = case.get(key)
        if not spec:
            return None
        argv = spec(sizes)
        if not c_exes.get(argv[0]):
            return None
        return [str(c_exes[argv[0]])] + [str(a) for a in argv[1:]]

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

    # ---- trivial baselines per runtime
    trivial = {}
    for rt in runtimes:
        if rt == RT_ASYNCC:
            cmd = [str(triv_exe)] if triv_exe else None
        elif rt in (RT_CPY, RT_UV):
            cmd = python_cmd(rt, triv_py, cpython)
        else:
            cmd = [str(c_exes["trivial"])] if c_exes.get("trivial") else None
        if not cmd:
            continue
        res = measure(cmd, env_mono)
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
        py = variant(case["prog"], sizes, prefix + case["name"])
        log(f"== {case['name']} {sizes}")
        exe, err = build_asyncc(py)
        if err:
            failures.append(f"asyncc {case['name']}: does not compile: {err}")
        rts = [rt for rt in runtimes if rt in case.get("only", runtimes)]
        if case.get("cm") and not smoke:
            rts.append(RT_CM)
        for rt in rts:
            row = dict(bench=case["name"], runtime=rt, sizes=" ".join(f"{k}={v}" for k, v in sizes.items()),
                       unit=case["unit"], kind=case["kind"], check="", note="")
            rows.append(row)
            if rt == RT_ASYNCC and err:
                row["note"] = "compile failed: " + err
                continue
            cmd = cmd_for(rt, case, py, exe, sizes)
            if cmd is None:
                row["note"] = "no program"
                rows.pop()
                continue
            env = env_mono
            if smoke and case["prog"] == "timers":
                # deterministic wake order: virtual clocks on both sides
                if rt == RT_ASYNCC:
                    env = env_virt
                elif rt == RT_CPY:
                    cmd = [cpython, str(REF), str(py)]
                    env = env_virt
            res = measure(cmd, env)
            bad = [r for r in res if r[2] != 0]
            if bad:
                row["check"] = f"FAIL exit {bad[0][2]}: {first_error(bad[0][4])}"
                failures.append(f"{rt} {case['name']}: {row['check']}")
                continue
            outs = [r[3] for r in res]
            outputs[(case["name"], rt)] = outs[0]
            # output checks
            checks = []
            if case["prog"] == "timers":
                strict = smoke and rt in (RT_ASYNCC, RT_CPY)
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
            else:
                if len(set(outs)) > 1:
                    checks.append("output differs between runs")
            row["check"] = "; ".join(checks) or "ok"
            if checks:
                failures.append(f"{rt} {case['name']}: {row['check']}")
            # numbers
            walls = [r[0] for r in res]
            rss = statistics.median(r[1] for r in res)
            wall = statistics.median(walls)
            tw, trss, tcpu = trivial.get(RT_C if rt == RT_CM else rt, (0.0, 0, 0.0))
            net = wall - tw
            cpu = statistics.median(r[5] for r in res) - tcpu
            count = case["count"](sizes)
            row.update(wall=wall, wall_min=min(walls), net=net, cpu=cpu, rss_kb=rss, count=count,
                       runs=len(res))
            if case["kind"] == "rate":
                row["value"] = count / net if net > 0 else None
                row["value_cpu"] = count / cpu if cpu > 0 else None
            elif case["kind"] == "bytes":
                row["value"] = (rss - trss) * 1024 / count
                row["rate"] = count / (net - 0.01) if net > 0.01 else None
                row["value_cpu"] = count / cpu if cpu > 0 else None
            elif case["kind"] == "overhead":
                row["value"] = (net - 0.5) / count * 1e6
                row["value_cpu"] = cpu / count * 1e6
        # output agreement with CPython (the oracle)
        ref = outputs.get((case["name"], RT_CPY))
        if ref is not None and (case["prog"] != "timers" or smoke):
            for rt in (RT_ASYNCC, RT_C, RT_CM, RT_UV):
                o = outputs.get((case["name"], rt))
                if o is None or (case["prog"] == "timers" and rt not in (RT_ASYNCC,)):
                    continue
                if o != ref:
                    msg = f"{rt} {case['name']}: output differs from CPython ({o[:40]!r} vs {ref[:40]!r})"
                    failures.append(msg)
                    for row in rows:
                        if row["bench"] == case["name"] and row["runtime"] == rt:
                            row["check"] = "output differs from CPython"

    # ---- ratios (asyncc metric / other runtime's metric)
    for row in rows:
        if row["runtime"] != RT_ASYNCC or row.get("value") is None:
            continue
        for other, key in ((RT_CPY, "vs_cpython"), (RT_UV, "vs_uvloop"), (RT_C, "vs_handc")):
            o = next((r for r in rows if r["bench"] == row["bench"] and r["runtime"] == other), None)
            if o and o.get("value"):
                row[key] = row["value"] / o["value"]
            if o and o.get("value_cpu") and row.get("value_cpu"):
                row[key + "_cpu"] = row["value_cpu"] / o["value_cpu"]

    # ---- callgrind
    cg_rows = []
    if not smoke and not args.no_callgrind and shutil.which("valgrind"):
        for name, prog, big, half, units, what in CALLGRIND:
            if args.only and args.only not in name:
                continue
            case = next(c for c in CASES if c["name"] == name)
            log(f"== callgrind {name}")
            for rt in (RT_ASYNCC, RT_C, RT_CM):
                irs = []
                for tag, sizes in (("big", big), ("half", half)):
                    if rt == RT_ASYNCC:
                        py = variant(prog, sizes, f"cg_{name}_{tag}")
                        exe, err = build_asyncc(py)
                        cmd = [str(exe)] if exe else None
                    else:
                        cmd = cmd_for(rt, case, None, None, sizes)
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

    # ---- transpile speed
    tp_rows = []
    if not args.no_transpile and (not args.only or "transpile" in args.only):
        copies = 20 if smoke else TRANSPILE_COPIES
        big = OUT / f"{prefix}transpile_big.py"
        text = gen_transpile(copies)
        big.write_text(text)
        nlines = text.count("\n")
        log(f"== transpile {nlines} lines")
        # the floor: tree-sitter's parse alone (bench/ts_parse.c), when the
        # compiler's grammar objects are at hand
        objs = [ROOT / "build" / "obj" / f"grammar_{k}.o" for k in ("parser", "scanner")]
        tsp = OUT / "ts_parse"
        if all(o.exists() for o in objs):
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
                                rss_kb=statistics.median(r[1] for r in res)))
        if smoke:
            # the generated program must also run and agree with CPython
            exe, err = build_asyncc(big)
            if err:
                failures.append(f"asyncc transpile program: does not compile: {err}")
            else:
                a = run_once([str(exe)], env_mono)
                c = run_once([cpython, str(big)])
                if a[2] != 0 or a[3] != c[3]:
                    failures.append("transpile program: asyncc output differs from CPython")

    notes.append("load average at start %.2f %.2f %.2f, at end %.2f %.2f %.2f (nproc %d)"
                 % (*load0, *os.getloadavg(), os.cpu_count()))
    print_report(rows, trivial, cg_rows, tp_rows, notes, runs, smoke)
    if not smoke:
        write_csv(args.csv, rows, trivial, cg_rows, tp_rows)
        log(f"wrote {args.csv}")
    if failures:
        print("\nproblems:")
        for f in failures:
            print("  " + f)
    if smoke:
        print("bench-smoke:", "FAIL" if failures else "ok")
        return 1 if failures else 0
    return 0


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


def print_report(rows, trivial, cg_rows, tp_rows, notes, runs, smoke):
    print(f"\nasyncc benchmarks ({'smoke, ' if smoke else ''}median of {runs} run{'s' if runs > 1 else ''}; "
          "net = wall - same runtime's trivial program)")
    for n in notes:
        print("  " + n)
    print("  trivial program: " + ", ".join(f"{rt} {w * 1000:.1f} ms ({c * 1000:.1f} ms CPU) {kb / 1024:.1f} MB"
                                            for rt, (w, kb, c) in trivial.items()))
    hdr = ["bench", "runtime", "runs", "wall s", "net s", "metric", "value", "CPU s", "value by CPU",
           "peak RSS MB", "asyncc/CPython", "asyncc/uvloop", "asyncc/hand-C", "check"]
    table = []
    for r in rows:
        if r.get("wall") is None:
            table.append([r["bench"], r["runtime"], "-", "-", "-", r["unit"], "-", "-", "-", "-", "", "", "",
                          r.get("check") or r.get("note", "")])
            continue
        if r["kind"] == "rate":
            val = fmt_rate(r.get("value"))
        else:
            val = fmt_num(r.get("value"))
        if r["kind"] == "bytes" and r.get("rate"):
            val += f" ({fmt_rate(r['rate'])} tasks/s)"
        if r["kind"] == "overhead":
            vcpu = fmt_num(r.get("value_cpu"))
        else:
            vcpu = fmt_rate(r.get("value_cpu")) + (" tasks/s" if r["kind"] == "bytes" else "")

        def ratio(k):
            a = f"{r[k]:.3g}x" if r.get(k) is not None else "-"
            b = f"{r[k + '_cpu']:.3g}x" if r.get(k + "_cpu") is not None else "-"
            return "" if a == b == "-" else f"{a} / {b}"
        check = r.get("check", "")
        if r.get("note"):
            check += f" ({r['note']})"
        table.append([r["bench"], r["runtime"], r["runs"], f"{r['wall']:.3f}", f"{r['net']:.3f}", r["unit"], val,
                      f"{r['cpu']:.3f}", vcpu, f"{r['rss_kb'] / 1024:.1f}", ratio("vs_cpython"), ratio("vs_uvloop"),
                      ratio("vs_handc"), check])
    print_table(hdr, table)
    print("  ratios: asyncc's metric divided by the other runtime's, \"by wall / by CPU\" (spawn: bytes "
          "per task / tasks per CPU s); for /s metrics higher is better for asyncc, for bytes/task and "
          "us/task lower is better.")
    print("  net = median wall - trivial median wall; CPU s = median user+sys CPU - trivial's; value by CPU "
          "= units / CPU s (timers: CPU us per task).")
    print("  spawn bytes/task = (peak RSS - trivial peak RSS) / N, tasks/s over net - 0.01 s; "
          "timers us/task = (net - 0.5 s) / N.")
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
    fields = ["section", "bench", "runtime", "sizes", "runs", "wall_median_s", "wall_min_s", "net_s",
              "cpu_net_s", "metric", "value", "value_by_cpu", "peak_rss_kb", "asyncc_over_cpython",
              "asyncc_over_uvloop", "asyncc_over_handc", "asyncc_over_cpython_by_cpu",
              "asyncc_over_uvloop_by_cpu", "asyncc_over_handc_by_cpu", "check"]
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for rt, (wall, kb, c) in trivial.items():
            w.writerow(["trivial", "trivial", rt, "", "", f"{wall:.6f}", "", "", "", "", "", "", kb,
                        "", "", "", "", "", "", ""])
        for r in rows:
            g = lambda k, fmt="{:.6g}": fmt.format(r[k]) if r.get(k) is not None else ""
            w.writerow(["bench", r["bench"], r["runtime"], r["sizes"], r.get("runs", ""), g("wall", "{:.6f}"),
                        g("wall_min", "{:.6f}"), g("net", "{:.6f}"), g("cpu", "{:.6f}"), r["unit"], g("value"),
                        g("value_cpu"), g("rss_kb", "{:.0f}"), g("vs_cpython"), g("vs_uvloop"), g("vs_handc"),
                        g("vs_cpython_cpu"), g("vs_uvloop_cpu"), g("vs_handc_cpu"),
                        (r.get("check") or "") + (f" ({r['note']})" if r.get("note") else "")])
        for r in cg_rows:
            w.writerow(["callgrind", r["bench"], r["runtime"], f"units={r['units']}", "", "", "", "", "",
                        f"Ir/{r['what']}", f"{r['ir_per']:.2f}", "", "", "", "",
                        f"{r['vs_handc']:.4g}" if r.get("vs_handc") else "", "", "", "", ""])
        for r in tp_rows:
            w.writerow(["transpile", r["cmd"], "", f"lines={r['lines']}", "",
                        f"{r['wall']:.6f}" if r.get("wall") else "", "", "", "", "lines/s",
                        f"{r['rate']:.0f}" if r.get("rate") else "",
                        f"{r['rate_cpu']:.0f}" if r.get("rate_cpu") else "", r.get("rss_kb", ""),
                        "", "", "", "", "", "", r.get("note", "ok")])


if __name__ == "__main__":
    sys.exit(main())
