#!/usr/bin/env python3
"""Regression tests for the compiler defects of issue 17.

  agree       `asyncc check` succeeds iff `asyncc emit` does, for every
              sample, every error input and every generated error input
              (every user error must come from the checker)
  linear      the emitted C of an f-string with N fields and of a gather()
              with N literal arguments grows linearly in N (it was O(N^2))
  states      a function with more than 65,535 awaits compiles under -Werror

    python3 tests/test_robust.py [PART...]
"""
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASYNCC = os.environ.get('ASYNCC', os.path.join(ROOT, 'build', 'asyncc'))
CC = os.environ.get("CC", "cc")
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL " + msg)


def asyncc(*args, timeout=300):
    return subprocess.run([ASYNCC, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=timeout)


def test_agree(tmp):
    inputs = sorted(glob.glob(os.path.join(ROOT, "samples", "*.py")) +
                    glob.glob(os.path.join(ROOT, "tests", "errors", "*.py")) +
                    glob.glob(os.path.join(ROOT, "build", "errors-gen", "*.py")))
    out = os.path.join(tmp, "agree.c")
    bad = 0
    for path in inputs:
        c = asyncc("check", path).returncode
        e = asyncc("emit", path, "-o", out).returncode
        if c < 0 or e < 0 or (c == 0) != (e == 0):
            bad += 1
            fail(f"agree: {os.path.relpath(path, ROOT)}: check exit {c}, emit exit {e}")
    if not bad:
        print(f"PASS agree: check and emit agree on {len(inputs)} inputs")


def fstring_program(n):
    # each field is a call that may raise, made while the earlier fields'
    # strings are still held
    fields = "".join("{s(%d)}" % i for i in range(n))
    return ("def s(i: int) -> str:\n    return str(i)\n\n\n"
            f'def main() -> None:\n    print(f"{fields}")\n\n\nmain()\n')


def gather_program(n):
    args = ", ".join(f"one({i})" for i in range(n))
    return ("import asyncio\n\n\nasync def one(i: int) -> int:\n    return i\n\n\n"
            f"async def main() -> None:\n    r = await asyncio.gather({args})\n"
            "    print(len(r))\n\n\nasyncio.run(main())\n")


def emitted_size(tmp, name, src):
    py = os.path.join(tmp, name + ".py")
    c = os.path.join(tmp, name + ".c")
    with open(py, "w") as f:
        f.write(src)
    r = asyncc("emit", "--no-line", py, "-o", c)
    if r.returncode:
        fail(f"linear: emit {name}: {r.stderr.decode(errors='replace')[:300]}")
        return None
    return os.path.getsize(c)


def test_linear(tmp):
    for kind, gen in (("fstring", fstring_program), ("gather", gather_program)):
        small = emitted_size(tmp, f"{kind}500", gen(500))
        big = emitted_size(tmp, f"{kind}2000", gen(2000))
        if small is None or big is None:
            continue
        # four times the input: linear output is about 4x, quadratic 16x
        ratio = big / small
        msg = f"linear: {kind}: N=500 {small} bytes, N=2000 {big} bytes, ratio {ratio:.2f}"
        if ratio > 5.0 or big > 2000 * 2000:
            fail(msg)
        else:
            print("PASS " + msg)


def test_states(tmp):
    n = 70000
    body = "".join("    await asyncio.sleep(0)\n" for _ in range(n))
    src = ("import asyncio\n\n\nasync def main() -> None:\n" + body +
           "    print('done')\n\n\nasyncio.run(main())\n")
    py = os.path.join(tmp, "states.py")
    c = os.path.join(tmp, "states.c")
    with open(py, "w") as f:
        f.write(src)
    r = asyncc("emit", "--no-line", py, "-o", c)
    if r.returncode:
        fail(f"states: emit of {n} awaits failed: {r.stderr.decode(errors='replace')[:300]}")
        return
    inc = ["-I" + os.path.join(ROOT, "runtime"), "-I" + os.path.join(ROOT, "build")]
    r = subprocess.run([CC, "-std=c99", "-Wall", "-Wextra", "-Werror", "-O0", "-c", c,
                        "-o", os.path.join(tmp, "states.o")] + inc,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    if r.returncode:
        fail(f"states: {n} awaits do not compile: {r.stderr.decode(errors='replace')[:500]}")
    else:
        print(f"PASS states: {n} awaits in one function compile under -Werror")


PARTS = {"agree": test_agree, "linear": test_linear, "states": test_states}


def main():
    names = sys.argv[1:] or list(PARTS)
    with tempfile.TemporaryDirectory(prefix="asyncc-robust-") as tmp:
        for name in names:
            PARTS[name](tmp)
    print(f"robust: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
