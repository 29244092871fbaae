"""Shared helpers for the asyncc test drivers (run_samples.py, run_errors.py,
fuzz/difftest.py).  Python 3.11 stdlib only."""

import difflib
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# the shipped Python module (python/asyncc) is the oracle: programs run
# under CPython as `python3 -m asyncc prog.py`, which is what users run
PYMOD = os.path.join(ROOT, "python")
# the old entry point, forwarding to python/asyncc (for drivers not yet moved)
REF = os.path.join(ROOT, "tests", "ref", "asyncc_ref.py")
ASYNCC = os.path.join(ROOT, "build", "asyncc")
ASYNCC_ASAN = os.path.join(ROOT, "build", "asyncc-asan")

SAN_FLAGS = ["-O1", "-g", "-fsanitize=address,undefined",
             "-fno-omit-frame-pointer"]
SAN_ENV = {"ASAN_OPTIONS": "detect_leaks=1",
           "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1"}
SAN_REPORT = re.compile(
    rb"ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|"
    rb"SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer")


@dataclass
class Result:
    stdout: bytes
    stderr: bytes
    status: int          # exit status, or -SIGNUM when killed by a signal
    timed_out: bool = False
    seconds: float = 0.0

    @property
    def last_err(self):
        return last_line(self.stderr)

    def describe_status(self):
        if self.timed_out:
            return "timed out"
        if self.status < 0:
            try:
                name = signal.Signals(-self.status).name
            except ValueError:
                name = f"signal {-self.status}"
            return f"killed by {name}"
        return f"exit status {self.status}"


def base_env(**extra):
    env = dict(os.environ)
    for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS",
              "PYTHONSTARTUP", "PYTHONPATH", "PYTHONWARNINGS"):
        env.pop(k, None)
    env["PYTHONPATH"] = PYMOD
    env["PYTHONUTF8"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env.update(extra)
    return env


def oracle_cmd(prog, args=()):
    """Command that runs an asyncc program under CPython (needs base_env)."""
    return [sys.executable, "-m", "asyncc", prog] + list(args)


def run(cmd, env=None, timeout=60, cwd=ROOT, stdin=subprocess.DEVNULL):
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=stdin, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env, cwd=cwd,
                           timeout=timeout)
        return Result(p.stdout, p.stderr, p.returncode,
                      seconds=time.monotonic() - t0)
    except subprocess.TimeoutExpired as e:
        return Result(e.stdout or b"", e.stderr or b"", -signal.SIGKILL,
                      timed_out=True, seconds=time.monotonic() - t0)
    except OSError as e:
        return Result(b"", str(e).encode(), 127, seconds=time.monotonic() - t0)


def last_line(data):
    """Last non-empty line of a byte string, decoded, without newline."""
    lines = [ln for ln in data.decode("utf-8", "replace").splitlines()
             if ln.strip()]
    return lines[-1].rstrip() if lines else ""


def short_diff(expected, actual, name_a="expected", name_b="actual",
               limit=12):
    if isinstance(expected, bytes):
        expected = expected.decode("utf-8", "replace")
    if isinstance(actual, bytes):
        actual = actual.decode("utf-8", "replace")
    d = list(difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                  name_a, name_b, lineterm="", n=1))
    if len(d) > limit:
        d = d[:limit] + [f"... ({len(d) - limit} more diff lines)"]
    return "\n".join("    " + ln for ln in d)


def head(data, n=8):
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    lines = data.splitlines()
    out = lines[:n] + ([f"... ({len(lines) - n} more lines)"] if len(lines) > n else [])
    return "\n".join("    " + ln for ln in out)


def compiler_problem(path=ASYNCC):
    """None when the compiler exists and runs, else a one-line reason."""
    if not os.path.exists(path):
        return f"{os.path.relpath(path, ROOT)} not found (build it with `make`)"
    if not os.access(path, os.X_OK):
        return f"{os.path.relpath(path, ROOT)} is not executable"
    r = run([path, "--version"], env=base_env(), timeout=20)
    if r.status != 0:
        return (f"{os.path.relpath(path, ROOT)} --version failed "
                f"({r.describe_status()}): {last_line(r.stderr)}")
    return None


def jobs_default():
    return os.cpu_count() or 2


def color(s, code):
    if sys.stdout.isatty() and not os.environ.get("NO_COLOR"):
        return f"\033[{code}m{s}\033[0m"
    return s
