#!/usr/bin/env python3
"""Uncaught exceptions print CPython's traceback (issue 12, item 2).

Each tests/tracebacks/NAME.py runs under CPython and compiled by asyncc;
stdout and the exit status must be equal, and so must stderr once both are
reduced to what the program itself decides: the frames whose file is the
program (file name, line, function, the source line CPython shows under
it), every other line as it is.  Dropped on both sides: frames of other
files (asyncio's runners.py, base_events.py, tasks.py) and the carets
CPython draws under part of a line.  Paths become the file's base name
(CPython prints the absolute path, asyncc the one it was given).  Each
program is built twice: plain, and with ASan/UBSan (no report allowed).

    python3 tests/test_tracebacks.py [NAME...]
"""
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIR = os.path.join(ROOT, "tests", "tracebacks")
ASYNCC = os.path.join(ROOT, "build", "asyncc")
SAN_FLAGS = ["-O1", "-g", "-fsanitize=address,undefined", "-fno-omit-frame-pointer"]
SAN_ENV = {"ASAN_OPTIONS": "detect_leaks=1", "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}
SAN_REPORT = re.compile(r"ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: \w+Sanitizer")
FRAME = re.compile(r'  File "(.*)", line (\d+), in (.*)$')
CARETS = re.compile(r"\s*[~^]+\s*$")


def reduce(stderr, prog):
    """stderr with only the program's own frames, paths as base names."""
    base = os.path.basename(prog)
    lines = stderr.splitlines()
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        m = FRAME.match(line)
        if not m:
            if not CARETS.match(line):
                out.append(re.sub(r"[^\s'\"<>=]*/" + re.escape(base), base, line))
            continue
        src = None
        if i < len(lines) and lines[i].startswith("    ") and not FRAME.match(lines[i]):
            src = lines[i].strip()
            i += 1
            if i < len(lines) and CARETS.match(lines[i]):
                i += 1
        if os.path.basename(m.group(1)) != base:
            continue
        out.append(f'  File "{base}", line {m.group(2)}, in {m.group(3)}')
        if src:
            out.append("    " + src)
    return "\n".join(out) + "\n"


def run(cmd, cwd, **extra):
    env = dict(os.environ, ASYNCC_CLOCK="virtual", PYTHONDONTWRITEBYTECODE="1", **extra)
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120, env=env)
    return r.returncode, r.stdout, r.stderr


def check(name, tmp, sanitize):
    prog = os.path.join(DIR, name + ".py")
    exe = os.path.join(tmp, name + ("-asan" if sanitize else ""))
    st, _, err = run([ASYNCC, "build", name + ".py", "-o", exe] + (["--"] + SAN_FLAGS if sanitize else []),
                     DIR, CC="gcc")
    if st:
        return f"asyncc build failed:\n{err}"
    want = run([sys.executable, name + ".py"], DIR)
    got = run([exe], DIR, **(SAN_ENV if sanitize else {}))
    if SAN_REPORT.search(got[2]):
        return f"sanitizer report:\n{got[2]}"
    if got[0] != want[0]:
        return f"exit status {got[0]}, CPython {want[0]}"
    if got[1] != want[1]:
        return f"stdout differs:\n--- CPython\n{want[1]}--- asyncc\n{got[1]}"
    w, g = reduce(want[2], prog), reduce(got[2], prog)
    if w != g:
        return f"traceback differs:\n--- CPython\n{w}--- asyncc\n{g}"
    if "Traceback (most recent call last):" not in g:
        return "no traceback printed"
    return None


def main():
    names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(DIR) if f.endswith(".py"))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            for sanitize in (False, True):
                label = name + (" (asan)" if sanitize else "")
                problem = check(name, tmp, sanitize)
                if problem:
                    failed += 1
                    print(f"FAIL tracebacks: {label}: {problem}")
                else:
                    print(f"PASS tracebacks: {label}")
    print(f"tracebacks: {2 * len(names) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
