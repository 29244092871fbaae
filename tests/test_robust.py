#!/usr/bin/env python3
"""Regression tests for the compiler defects of issue 17.

  agree       `asyncc check` succeeds iff `asyncc emit` does, for every
              sample, every error input and every generated error input
              (every user error must come from the checker)
  linear      the emitted C of an f-string with N fields and of a gather()
              with N literal arguments grows linearly in N (it was O(N^2))
  states      a function with more than 65,535 awaits gets a state type
              that holds all its states
  filenames   file names with quotes, backslashes, newlines, */, spaces,
              digits, dashes, non-ASCII reach the C code escaped

    python3 tests/test_robust.py [PART...]
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASYNCC = os.environ.get('ASYNCC', os.path.join(ROOT, 'build', 'asyncc'))
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
    n = 65600
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
    # compiling 65,000 awaits takes gcc many minutes: check instead that the
    # declared state type holds every state the function sets or resumes
    with open(c) as f:
        text = f.read()
    decl = re.search(r"struct main_frame \{[^}]*?\b(uint8_t|uint16_t|uint32_t|int) state;", text)
    states = [int(x) for x in re.findall(r"(?:f->state = |case )(\d+)", text)]
    limit = {"uint8_t": 255, "uint16_t": 65535, "uint32_t": 2**32 - 1, "int": 2**31 - 1}
    if not decl or not states:
        fail("states: no state field or no states in the emitted C")
    elif max(states) > limit[decl.group(1)]:
        fail(f"states: state {max(states)} does not fit the frame's {decl.group(1)}")
    else:
        print(f"PASS states: {n} awaits, states up to {max(states)} in a {decl.group(1)}")


# file names that once reached the C code unescaped (#line, comments, strings,
# identifiers); the first one made `asyncc emit` write `int pwned = 42;` as C
NAMES = ['inj"\nint pwned = 42;\n#define Q ".py', 'we"ird name.py', 'back\\slash.py',
         'new\nline.py', 'end*/comment.py', 'open/*comment.py',
         'two words.py', '9starts_with_digit.py', 'with-dashes.py', 'caf\u00e9_\u65e5\u672c.py',
         'tri??/graph.py', 'tab\tname.py']
HELLO = 'import asyncio\n\n\nasync def main() -> None:\n    print("hello", __name__)\n\n\nasyncio.run(main())\n'


def test_filenames(tmp):
    for i, name in enumerate(NAMES):
        d = os.path.join(tmp, f"names{i}")
        path = os.path.join(d, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(HELLO)
        c = os.path.join(d, "out.c")
        prog = os.path.join(d, "prog")
        r = asyncc("emit", path, "-o", c, "--header", os.path.join(d, "out.h"))
        if r.returncode:
            fail(f"filenames: emit {name!r}: {r.stderr.decode(errors='replace')[:300]}")
            continue
        with open(c, encoding="utf-8", errors="replace") as f:
            text = f.read()
        if any(line.startswith(("int pwned", "#define Q")) for line in text.splitlines()):
            fail(f"filenames: {name!r}: the file name became C code")
            continue
        r = asyncc("build", path, "-o", prog, "-Wall", "-Wextra", "-Werror")
        if r.returncode:
            fail(f"filenames: build {name!r}: {r.stderr.decode(errors='replace')[:500]}")
            continue
        out = subprocess.run([prog], stdout=subprocess.PIPE, timeout=60).stdout
        if out != b"hello __main__\n":
            fail(f"filenames: {name!r} printed {out!r}")
            continue
        print(f"PASS filenames: {name!r}")


PARTS = {"agree": test_agree, "linear": test_linear, "states": test_states,
         "filenames": test_filenames}


def main():
    names = sys.argv[1:] or list(PARTS)
    with tempfile.TemporaryDirectory(prefix="asyncc-robust-") as tmp:
        for name in names:
            PARTS[name](tmp)
    print(f"robust: {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
