#!/usr/bin/env python3
"""Per-function instruction profile of the asyncc and hand-C pingpong/chain.

    python3 bench/profile.py            # both benchmarks
    python3 bench/profile.py chain      # one
    python3 bench/profile.py event      # asyncc only: Ir per Event wake-up
    python3 bench/profile.py spawn      # asyncc only: Ir per spawned task

Builds each program twice (size N and N/2, -O2 -g), runs both under
`valgrind --tool=callgrind --dump-instr=no`, and prints, per function, the Ir
at N minus the Ir at N/2 divided by the extra switches (pingpong) or awaits
(chain): start-up and one-off costs cancel, what is left is the per-unit
cost of each function.  The callgrind files stay in build/bench/profile/ for
callgrind_annotate.
"""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "bench" / "profile"
ASYNCC = ROOT / "build" / "asyncc"

CASES = {
    "pingpong": (dict(TASKS=100, ITERS=2000), dict(TASKS=100, ITERS=1000),
                 lambda s: s["TASKS"] * s["ITERS"], lambda s: [s["TASKS"], s["ITERS"]], "switch"),
    "chain": (dict(DEPTH=100, REPS=2000), dict(DEPTH=100, REPS=1000),
              lambda s: s["REPS"] * (s["DEPTH"] + 1), lambda s: [s["DEPTH"], s["REPS"]], "await"),
    "chain-malloc": (dict(DEPTH=100, REPS=2000), dict(DEPTH=100, REPS=1000),
                     lambda s: s["REPS"] * (s["DEPTH"] + 1),
                     lambda s: [s["DEPTH"], s["REPS"], "malloc"], "await"),
    # no hand-written C for these (cargs None): asyncc only, and only when named
    "event": (dict(WAITERS=1000, ROUNDS=40), dict(WAITERS=1000, ROUNDS=20),
              lambda s: s["WAITERS"] * s["ROUNDS"], None, "wake-up"),
    "spawn": (dict(N=40000), dict(N=20000), lambda s: s["N"], None, "task"),
}


def program(prog, sizes, tag):
    src = (ROOT / "bench" / f"{prog}.py").read_text()
    for k, v in sizes.items():
        src = re.sub(rf"^{k}: int = -?\d+$", f"{k}: int = {v}", src, flags=re.M)
    d = OUT / tag
    d.mkdir(parents=True, exist_ok=True)
    py = d / f"{prog}.py"          # same file name in both sizes: names match
    py.write_text(src)
    exe = d / prog
    r = subprocess.run([str(ASYNCC), "build", str(py), "-o", str(exe), "-g", "-O2"],
                       capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"asyncc build {py} failed:\n{r.stderr}")
    return [str(exe)]


def handc(prog, argv, tag):
    d = OUT / tag
    d.mkdir(parents=True, exist_ok=True)
    exe = d / f"c_{prog}"
    subprocess.run(["gcc", "-std=c99", "-D_POSIX_C_SOURCE=200809L", "-O2", "-g", "-o", str(exe),
                    str(ROOT / "bench" / "baseline" / f"{prog}.c")], check=True)
    return [str(exe)] + [str(a) for a in argv]


def callgrind(cmd, out):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--dump-instr=no",
                        f"--callgrind-out-file={out}", *cmd], capture_output=True, text=True)
    total = int(re.search(r"Collected : (\d+)", r.stderr).group(1))
    ann = subprocess.run(["callgrind_annotate", "--auto=no", "--threshold=100", str(out)],
                         capture_output=True, text=True).stdout
    funcs = {}
    for line in ann.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(\S+)", line)
        if m and "PROGRAM TOTALS" not in line:
            name = m.group(2)
            name = re.sub(r"^(.*/)?build/bench/profile/(big|half)/", "", name)
            name = re.sub(r"^.*/(runtime|baseline|malloc|string|elf|time)/", r"\1/", name)
            funcs[name] = funcs.get(name, 0) + int(m.group(1).replace(",", ""))
    return total, funcs


def main():
    which = sys.argv[1:] or [k for k in CASES if CASES[k][3] is not None]
    for name in which:
        big, half, units, cargs, what = CASES[name]
        du = units(big) - units(half)
        prog = name.split("-")[0]
        labels = ("hand-C",) if name.endswith("-malloc") else ("asyncc", "hand-C") if cargs else ("asyncc",)
        for label in labels:
            res = []
            for tag, sizes in (("big", big), ("half", half)):
                if label == "asyncc":
                    cmd = program(prog, sizes, tag)
                else:
                    cmd = handc(prog, cargs(sizes), tag)
                res.append(callgrind(cmd, OUT / f"cg.{label}.{name}.{tag}"))
            (tb, fb), (th, fh) = res
            print(f"\n{label} {name}: {(tb - th) / du:.1f} Ir per {what} "
                  f"(Ir {tb:,} at {big}, {th:,} at {half})")
            rows = sorted(((fb.get(k, 0) - fh.get(k, 0)) / du, k) for k in set(fb) | set(fh))
            for v, k in reversed(rows):
                if abs(v) >= 0.5:
                    print(f"  {v:8.1f}  {k}")


if __name__ == "__main__":
    main()
