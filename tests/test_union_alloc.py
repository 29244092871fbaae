#!/usr/bin/env python3
"""A variable mixing int and float allocates nothing per step (issue 13,
tagged scalar unions).

samples/union_noalloc.py runs 200,000 steps of a loop whose variable is
`int | float` (and another `int | float | None`).  Both it and a control
program running the same loop over a value held as an object (a list item)
are built with -DAC_POOL_CHECKED=1, so every boxed scalar is its own
allocation (as under ASan), and run with ASYNCC_FAIL_ALLOC=LIMIT: the
runtime's LIMIT-th allocation fails with MemoryError.  The union program
must finish with its CPython-checked output (it makes fewer than LIMIT
allocations in all); the control must die of MemoryError (it boxes a float
per step), which shows the limit catches a boxing loop.

    python3 tests/test_union_alloc.py
"""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASYNCC = os.path.join(ROOT, "build", "asyncc")
SAMPLE = os.path.join(ROOT, "samples", "union_noalloc.py")
LIMIT = "500"

CONTROL = """\
def mixed(n):
    box = [0]
    box[0] = 0.5
    for i in range(n):
        if i % 3 == 0:
            box[0] = box[0] + 0.5
        else:
            box[0] = box[0] + 1
        if box[0] > 1000:
            box[0] = box[0] // 7
    return box[0]


print(mixed(200000))
"""


def build(src, exe):
    r = subprocess.run([ASYNCC, "build", src, "-o", exe, "-DAC_POOL_CHECKED=1"], capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"FAIL union-alloc: build of {src} failed\n{r.stderr}")


def run(exe):
    env = dict(os.environ, ASYNCC_FAIL_ALLOC=LIMIT, ASYNCC_CLOCK="virtual")
    return subprocess.run([exe], capture_output=True, text=True, env=env, timeout=120)


def main():
    types = subprocess.run([ASYNCC, "check", "--types", SAMPLE], capture_output=True, text=True).stdout
    if "def mixed(n: int) -> int | float" not in types:
        sys.exit(f"FAIL union-alloc: unexpected inferred types:\n{types}")
    with tempfile.TemporaryDirectory() as tmp:
        union_exe, control_src, control_exe = (os.path.join(tmp, n) for n in ("union", "control.py", "control"))
        with open(control_src, "w") as f:
            f.write(CONTROL)
        build(SAMPLE, union_exe)
        build(control_src, control_exe)
        u = run(union_exe)
        with open(SAMPLE[:-3] + ".out") as f:
            want = f.read()
        if u.returncode or u.stdout != want:
            sys.exit(f"FAIL union-alloc: the int | float loop allocated (status {u.returncode}):\n{u.stdout}{u.stderr}")
        c = run(control_exe)
        if c.returncode != 1 or "MemoryError" not in c.stderr:
            sys.exit(f"FAIL union-alloc: the boxed control did not hit the allocation limit (status {c.returncode})")
    print(f"union-alloc: ok (200000 int|float steps under ASYNCC_FAIL_ALLOC={LIMIT}; boxed control fails)")


if __name__ == "__main__":
    main()
