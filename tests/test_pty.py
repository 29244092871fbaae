#!/usr/bin/env python3
"""A compiled program at a terminal behaves like CPython (issue 12, item 1).

tests/interactive/ticker.py prints a tick every 0.2 s.  Compiled, and run on
a pseudo-terminal (python3's pty module):
  - each line arrives while the program runs, about 0.2 s after the one
    before (stdout is line-buffered on a terminal);
  - Ctrl-C (the byte 0x03 written to the terminal, which sends SIGINT) runs
    the finally block, prints the KeyboardInterrupt traceback and ends the
    process by SIGINT (status 130 in a shell), as CPython does.
With stdout a pipe and SIGINT sent by os.kill, nothing printed is lost.
tests/interactive/twice.py: a second Ctrl-C while the finally block waits
raises KeyboardInterrupt at once.  tests/interactive/caught.py catches it
around asyncio.run and ends normally.
The traceback and status are compared with CPython's, run the same way.

    python3 tests/test_pty.py
"""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from test_tracebacks import reduce  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROG = os.path.join(ROOT, "tests", "interactive", "ticker.py")
TWICE = os.path.join(ROOT, "tests", "interactive", "twice.py")
CAUGHT = os.path.join(ROOT, "tests", "interactive", "caught.py")
ASYNCC = os.path.join(ROOT, "build", "asyncc")
TICKS = 3                       # lines to see before Ctrl-C


def read_line(fd, buf, deadline):
    """The next line from the terminal (without \\r\\n), or None at EOF or
    when the deadline passes."""
    while b"\n" not in buf[0]:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None
        try:
            data = os.read(fd, 4096)
        except OSError:         # EIO: the child closed the terminal
            return None
        if not data:
            return None
        buf[0] += data
    line, buf[0] = buf[0].split(b"\n", 1)
    return line.rstrip(b"\r").decode()


def read_rest(fd, buf, pid):
    out = buf[0]
    while True:
        try:
            ready = select.select([fd], [], [], 10)[0]
            data = os.read(fd, 4096) if ready else b""
        except OSError:
            data = b""
        if not data:
            break
        out += data
    _, status = os.waitpid(pid, 0)
    return out.decode().replace("\r\n", "\n"), status


def on_terminal(cmd):
    """Run cmd on a pty: (problems, text after Ctrl-C, wait status)."""
    problems = []
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(cmd[0], cmd)
    buf = [b""]
    stamps = []
    for i in range(TICKS):
        line = read_line(fd, buf, time.monotonic() + 5)
        if line != f"tick {i}":
            problems.append(f"line {i}: expected 'tick {i}' while the program runs, got {line!r}")
            break
        stamps.append(time.monotonic())
    if os.waitpid(pid, os.WNOHANG)[0] != 0:
        problems.append("the program ended before Ctrl-C")
    gaps = [b - a for a, b in zip(stamps, stamps[1:])]
    if len(gaps) == TICKS - 1 and not all(0.1 < g < 1.0 for g in gaps):
        problems.append(f"lines did not arrive 0.2 s apart: gaps {gaps}")
    os.write(fd, b"\x03")
    rest, status = read_rest(fd, buf, pid)
    os.close(fd)
    return problems, rest, status


def interrupted_twice(cmd):
    """twice.py on a pty: (text after the first tick, wait status)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(cmd[0], cmd)
    buf = [b""]
    first = read_line(fd, buf, time.monotonic() + 5)
    os.write(fd, b"\x03")
    for _ in range(20):           # ticks, then the finally block starts
        line = read_line(fd, buf, time.monotonic() + 5)
        if line is None or line.endswith("cleaning up"):
            break
    time.sleep(0.5)               # both sleep in the finally block now
    os.write(fd, b"\x03")
    rest, status = read_rest(fd, buf, pid)
    os.close(fd)
    return f"{first}\n{line}\n{rest}", status


def with_pipe(cmd):
    """stdout a pipe, SIGINT by os.kill: (stdout, stderr, returncode)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(0.2 * TICKS + 0.1)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=30)
    return out, err, p.returncode


def after_interrupt(text):
    """What follows the last tick: the finally output and the traceback."""
    lines = text.split("\n")
    while lines and (lines[0].startswith("tick") or lines[0] in ("^C", "")):
        lines.pop(0)
    text = "\n".join(lines)
    return text[2:] if text.startswith("^C") else text


def main():
    fails = []
    env_clock = os.environ.pop("ASYNCC_CLOCK", None)   # a real clock is the point
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "ticker")
        r = subprocess.run([ASYNCC, "build", PROG, "-o", exe], capture_output=True, text=True)
        if r.returncode:
            print(f"FAIL pty: asyncc build: {r.stderr}")
            return 1
        problems, got, got_st = on_terminal([exe])
        fails += problems
        _, want, want_st = on_terminal([sys.executable, PROG])
        g, w = reduce(after_interrupt(got), PROG), reduce(after_interrupt(want), PROG)
        if not g.startswith("finally ran\n"):
            fails.append(f"Ctrl-C: the finally block's output is missing:\n{got}")
        if not g.rstrip().endswith("KeyboardInterrupt"):
            fails.append(f"Ctrl-C: no KeyboardInterrupt traceback:\n{got}")
        if g != w:
            fails.append(f"Ctrl-C output differs from CPython's:\n--- CPython\n{w}--- asyncc\n{g}")
        if got_st != want_st or not os.WIFSIGNALED(got_st) or os.WTERMSIG(got_st) != signal.SIGINT:
            fails.append(f"Ctrl-C: wait status {got_st:#x}, CPython {want_st:#x} (killed by SIGINT: 130 in a shell)")
        out, err, rc = with_pipe([exe])
        want_out, want_err, want_rc = with_pipe([sys.executable, PROG])
        ticks = [l for l in out.splitlines() if l.startswith("tick ")]
        if not ticks or not out.endswith("finally ran\n"):
            fails.append(f"SIGINT with stdout a pipe lost output:\n{out}")
        if rc != want_rc:
            fails.append(f"SIGINT with stdout a pipe: exit status {rc}, CPython {want_rc}")
        if reduce(err, PROG) != reduce(want_err, PROG):
            fails.append(f"SIGINT with stdout a pipe: stderr differs:\n--- CPython\n{reduce(want_err, PROG)}"
                         f"--- asyncc\n{reduce(err, PROG)}")
        exe2 = os.path.join(tmp, "twice")
        r = subprocess.run([ASYNCC, "build", TWICE, "-o", exe2], capture_output=True, text=True)
        if r.returncode:
            fails.append(f"asyncc build: {r.stderr}")
        else:
            got, got_st = interrupted_twice([exe2])
            want, want_st = interrupted_twice([sys.executable, TWICE])
            g, w = reduce(got, TWICE), reduce(want, TWICE)
            g, w = (t.replace("^C", "") for t in (g, w))
            if g != w or "cleaned" in g or not g.rstrip().endswith("KeyboardInterrupt"):
                fails.append(f"second Ctrl-C differs from CPython's:\n--- CPython\n{w}--- asyncc\n{g}")
            if got_st != want_st:
                fails.append(f"second Ctrl-C: wait status {got_st:#x}, CPython {want_st:#x}")
        exe3 = os.path.join(tmp, "caught")
        r = subprocess.run([ASYNCC, "build", CAUGHT, "-o", exe3], capture_output=True, text=True)
        if r.returncode:
            fails.append(f"asyncc build: {r.stderr}")
        else:
            got = with_pipe([exe3])
            want = with_pipe([sys.executable, CAUGHT])
            g, w = (after_interrupt(o) + f"stderr: {e!r}, status {st}" for o, e, st in (got, want))
            if g != w or "interrupted" not in g:
                fails.append(f"KeyboardInterrupt caught: differs from CPython:\n--- CPython\n{w}\n--- asyncc\n{g}")
    if env_clock is not None:
        os.environ["ASYNCC_CLOCK"] = env_clock
    for f in fails:
        print(f"FAIL pty: {f}")
    print(f"pty: {'1 passed, 0 failed' if not fails else f'0 passed, {len(fails)} failed'}")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
