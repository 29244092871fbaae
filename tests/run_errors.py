#!/usr/bin/env python3
"""Diagnostic tests: `asyncc check` on bad input must print exactly the
expected diagnostics, exit with the expected status and never crash.

Inputs:
  tests/errors/NAME.py            checked as `build/asyncc check tests/errors/NAME.py`
                                  (relative path, run from the repo root)
  tests/errors/NAME.expected      exact expected stderr
  tests/errors/NAME.status        expected exit status (absent: 1)
Generated inputs (bytes that are awkward to keep as .py text: NUL byte,
non-UTF-8, 1 MB line, empty and truncated files, ...) come from the GENERATED
table below; they are written to build/errors-gen/NAME.py and checked as
`build/asyncc check build/errors-gen/NAME.py`; their expected files live in
tests/errors/generated/NAME.expected (and NAME.status).

Where CPython 3.11 also rejects the file (compile() raises SyntaxError), the
first error asyncc prints must be CPython's: same message, same line and,
except for indentation errors (whose CPython offsets do not point at a
token), the same column.  CPYTHON_DIFFERS lists the deliberate exceptions.

Every test also runs under build/asyncc-asan when that binary exists (a
compiler built with -fsanitize=address,undefined): same output required and
no sanitizer report.

It also checks that docs/LANGUAGE.md's library reference (between its
BEGIN/END markers) is exactly what `build/asyncc --library-markdown` prints
from the builtins table; --update rewrites that section.

--update writes the expected files FROM THE COMPILER.  Review every changed
file by hand (git diff tests/errors) before committing: the point of these
tests is that a human agreed with each message.
"""

import argparse
import concurrent.futures as cf
import fnmatch
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "ref"))
import harness as H  # noqa: E402

ERRDIR = os.path.join(H.ROOT, "tests", "errors")
GENEXP = os.path.join(ERRDIR, "generated")
GENDIR = os.path.join(H.ROOT, "build", "errors-gen")

MB = 1 << 20
_MAIN = b"\n\ndef main() -> None:\n    print(\"hi\")\n"

# name -> (bytes, what it checks).  Keep each input small except where the
# size is the point.
GENERATED = {
    "empty_file": (b"", "an empty file"),
    "only_newlines": (b"\n\n\n", "a file of blank lines"),
    "nul_byte": (b"def main() -> None:\n    x: int = 1\x002\n    print(x)\n",
                 "a NUL byte in the middle of a statement"),
    "nul_only": (b"\x00\x00\x00\x00", "a file of NUL bytes"),
    "non_utf8": (b"def main() -> None:\n    print(\"caf\xe9\")\n",
                 "a Latin-1 byte that is not valid UTF-8, inside a string"),
    "non_utf8_ident": (b"def f\xff() -> None:\n    pass\n",
                       "an invalid UTF-8 byte inside an identifier"),
    "utf8_bom_error": (b"\xef\xbb\xbfdef main() -> None:\n    f = ...\n",
                       "a UTF-8 BOM before the first line, then an error"),
    "crlf_error": (b"def main() -> None:\r\n    x: int = 1\r\n    f = ...\r\n",
                   "CRLF line endings; the caret line must not contain \\r"),
    "long_line_1mb": (b"BIG: str = \"" + b"a" * MB + b"\"\n"
                      b"f = ...\n",
                      "a valid 1 MB line followed by an error on a short line"),
    "long_line_error": (b"x: int = 1 + " + b"1 + " * (MB // 4) + b"\n",
                        "a 1 MB line with a syntax error at its end: the shown "
                        "source must be cut around the column"),
    "truncated_def": (b"def main() -> None:\n    x: int = (1 +\n",
                      "a file truncated in the middle of an expression"),
    "truncated_string": (b"def main() -> None:\n    print(\"never closed\n",
                         "a file truncated inside a string literal"),
    "truncated_header": (b"async def main(", "a file truncated in a def header"),
    "truncated_block": (b"def main() -> None:\n", "a def with no body at EOF"),
    "deep_parens": (b"x: int = " + b"(" * 5000 + b"1" + b")" * 5000 + b"\n",
                    "5000 nested parentheses: no stack overflow"),
    "deep_blocks": (b"".join(b"    " * i + b"if True:\n" for i in range(300))
                    + b"    " * 300 + b"f = ...\n",
                    "300 nested blocks, then an error"),
    "many_errors": (b"".join(b"f%d = ...\n" % i for i in range(200)),
                    "200 errors: every one is reported"),
    "control_chars": (b"def main() -> None:\n    x: int = 1\x07\x1b[2J\n",
                      "terminal control bytes are not echoed raw"),
    "tab_indent_mix": (b"def main() -> None:\n\tx: int = 1\n        y: int = 2\n",
                       "inconsistent tabs and spaces"),
}


# Files CPython rejects where asyncc's first error deliberately says
# something else, with the reason.
CPYTHON_DIFFERS = {
    "generated/nul_byte": "CPython gives no line for a NUL byte; asyncc points at it",
    "generated/nul_only": "CPython gives no line for a NUL byte; asyncc points at it",
    "generated/non_utf8": "CPython repeats the codec's message; asyncc names the byte",
    "generated/non_utf8_ident": "CPython repeats the codec's message; asyncc names the byte",
}

FIRST_ERROR = re.compile(rb"^.*?:(\d+):(\d+): error: (.*)$", re.M)
SAME_CPYTHON = sys.version_info[:2] == (3, 11)


def cpython_problem(case, stderr):
    """How asyncc's first error differs from CPython's SyntaxError for the
    same bytes; None when they agree or CPython accepts the file."""
    if case.name in CPYTHON_DIFFERS or not SAME_CPYTHON:
        return None
    with open(os.path.join(H.ROOT, case.rel), "rb") as f:
        data = f.read()
    try:
        compile(data, case.rel, "exec", dont_inherit=True)
        return None
    except SyntaxError as e:
        want = e
    except (ValueError, RecursionError, MemoryError):
        return None
    m = FIRST_ERROR.search(stderr)
    if not m:
        return f"CPython says {want.msg!r} at line {want.lineno}; asyncc printed no error"
    line, col, msg = int(m.group(1)), int(m.group(2)), m.group(3).decode("utf-8", "replace")
    # asyncc counts bytes, CPython characters
    lines = data.split(b"\n")
    if 0 < line <= len(lines):
        col = len(lines[line - 1][:col - 1].decode("utf-8", "replace")) + 1
    got, exp = (msg, line), (want.msg, want.lineno)
    if not isinstance(want, IndentationError):
        got, exp = got + (col,), exp + (want.offset,)
    if got != exp:
        return f"CPython says {exp}, asyncc {got}"
    return None


class Case:
    def __init__(self, name, rel, exp_base, generated=None):
        self.name = name            # display name
        self.rel = rel              # path passed to asyncc (relative to ROOT)
        self.exp_base = exp_base    # expected file path without extension
        self.generated = generated  # bytes for generated cases

    def expected(self):
        p = self.exp_base + ".expected"
        if not os.path.exists(p):
            return None
        with open(p, "rb") as f:
            out = f.read()
        status = 1
        if os.path.exists(self.exp_base + ".status"):
            with open(self.exp_base + ".status") as f:
                status = int(f.read().strip() or 1)
        return out, status

    def write_expected(self, r):
        os.makedirs(os.path.dirname(self.exp_base), exist_ok=True)
        with open(self.exp_base + ".expected", "wb") as f:
            f.write(r.stderr)
        st = self.exp_base + ".status"
        if r.status != 1:
            with open(st, "w") as f:
                f.write(f"{r.status}\n")
        elif os.path.exists(st):
            os.remove(st)


def find_cases(only):
    cases = []
    if os.path.isdir(ERRDIR):
        for fn in sorted(os.listdir(ERRDIR)):
            if fn.endswith(".py"):
                n = fn[:-3]
                cases.append(Case(n, f"tests/errors/{fn}", os.path.join(ERRDIR, n)))
    for n in sorted(GENERATED):
        cases.append(Case("generated/" + n, f"build/errors-gen/{n}.py",
                          os.path.join(GENEXP, n), GENERATED[n][0]))
    if only:
        cases = [c for c in cases if any(fnmatch.fnmatch(c.name, p) or p in c.name
                                         for p in only)]
    return cases


def write_generated(cases):
    os.makedirs(GENDIR, exist_ok=True)
    for c in cases:
        if c.generated is None:
            continue
        p = os.path.join(H.ROOT, c.rel)
        try:
            with open(p, "rb") as f:
                if f.read() == c.generated:
                    continue
        except OSError:
            pass
        with open(p, "wb") as f:
            f.write(c.generated)


def check_one(case, compiler, timeout, sanitizer):
    tag = "" if compiler == H.ASYNCC else f" [{os.path.basename(compiler)}]"
    exp = case.expected()
    # The compiler allocates freely and exits without freeing (by design,
    # see docs/DESIGN.md), so LeakSanitizer is off here: this run is for
    # memory errors, undefined behaviour and crashes on hostile input.
    san_env = dict(H.SAN_ENV, ASAN_OPTIONS="detect_leaks=0")
    env = H.base_env(**(san_env if sanitizer else {}))
    r = H.run([compiler, "check", case.rel], env=env, timeout=timeout)
    if r.timed_out:
        return f"{tag} timed out after {timeout:.0f}s"
    if r.status < 0 or r.status >= 128:
        return f"{tag} CRASH: {r.describe_status()}\n" + H.head(r.stderr[-3000:], 20)
    if sanitizer and H.SAN_REPORT.search(r.stderr):
        i = H.SAN_REPORT.search(r.stderr).start()
        return f"{tag} sanitizer report\n" + H.head(r.stderr[max(0, i - 200):], 25)
    if exp is None:
        return (f"{tag} missing expected file "
                f"{os.path.relpath(case.exp_base, H.ROOT)}.expected "
                f"(run tests/run_errors.py --update --only {case.name}, then review)")
    out, status = exp
    problems = []
    if r.status != status:
        problems.append(f"{r.describe_status()}, expected {status}")
    if r.stderr != out:
        problems.append("stderr differs\n" + H.short_diff(out, r.stderr))
    if r.stdout:
        problems.append("unexpected stdout:\n" + H.head(r.stdout, 4))
    if not sanitizer:
        cp = cpython_problem(case, r.stderr)
        if cp:
            problems.append(cp)
    return (tag + " " + "; ".join(problems)) if problems else None


LANGUAGE_MD = os.path.join(H.ROOT, "docs", "LANGUAGE.md")
LIB_BEGIN = "<!-- BEGIN library reference -->\n"
LIB_END = "<!-- END library reference -->\n"


def library_doc(update):
    """docs/LANGUAGE.md's library reference must be what the compiler's
    table prints (`asyncc --library-markdown`), so the doc cannot drift from
    what compiles.  Returns a problem, or None."""
    r = H.run([H.ASYNCC, "--library-markdown"], env=H.base_env(), timeout=30)
    if r.status != 0:
        return f"asyncc --library-markdown failed: {r.describe_status()}"
    with open(LANGUAGE_MD, encoding="utf-8") as f:
        doc = f.read()
    i, j = doc.find(LIB_BEGIN), doc.find(LIB_END)
    if i < 0 or j < i:
        return f"{LANGUAGE_MD}: markers {LIB_BEGIN.strip()} ... {LIB_END.strip()} not found"
    table = r.stdout.decode("utf-8")
    if doc[i + len(LIB_BEGIN):j] == table:
        return None
    if update:
        with open(LANGUAGE_MD, "w", encoding="utf-8") as f:
            f.write(doc[:i + len(LIB_BEGIN)] + table + doc[j:])
        print("docs/LANGUAGE.md: library reference UPDATED")
        return None
    return ("docs/LANGUAGE.md's library reference differs from `build/asyncc "
            "--library-markdown` (transpiler/builtins.c changed?): run "
            "tests/run_errors.py --update and review git diff docs/LANGUAGE.md")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", metavar="PATTERN")
    ap.add_argument("--update", action="store_true",
                    help="write expected files from the compiler (review them by hand!)")
    ap.add_argument("--no-asan", action="store_true",
                    help="do not use build/asyncc-asan even if it exists")
    ap.add_argument("-j", "--jobs", type=int, default=H.jobs_default())
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    cases = find_cases(a.only)
    if not cases:
        print("errors: no test matched")
        return 1
    write_generated(cases)
    problem = H.compiler_problem()
    if problem:
        print(H.color(f"error: {problem}", "31"))
        print(f"errors: 0 passed, {len(cases)} failed (no compiler)")
        return 1

    doc_problem = library_doc(a.update) if not a.only else None
    if a.update:
        for c in cases:
            r = H.run([H.ASYNCC, "check", c.rel], env=H.base_env(), timeout=a.timeout)
            if r.timed_out or r.status < 0 or r.status >= 128:
                print(f"{c.name}: NOT updated: {r.describe_status()}")
                continue
            old = c.expected()
            c.write_expected(r)
            state = "unchanged" if old == c.expected() else (
                "created" if old is None else "UPDATED")
            print(f"{c.name}: {state} (exit {r.status})")
        print("review the changes: git diff tests/errors; git status tests/errors")
        return 0

    compilers = [(H.ASYNCC, False)]
    if not a.no_asan and os.path.exists(H.ASYNCC_ASAN):
        compilers.append((H.ASYNCC_ASAN, True))
    failed = {}
    with cf.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as ex:
        futs = [(c, ex.submit(check_one, c, comp, a.timeout, san))
                for c in cases for comp, san in compilers]
        for c, fut in futs:
            try:
                res = fut.result()
            except Exception as e:
                res = f" internal error in run_errors.py: {e!r}"
            if res:
                failed.setdefault(c.name, []).append(res)
            elif a.verbose:
                print(f"ok   {c.name}")
    for c in cases:
        for res in failed.get(c.name, []):
            print(H.color("FAIL", "31") + f" {c.rel}:{res}")
    if doc_problem:
        print(H.color("FAIL", "31") + f" {doc_problem}")
    asan = " (+asyncc-asan)" if len(compilers) > 1 else ""
    doc = ", library doc " + ("STALE" if doc_problem else "in sync") if not a.only else ""
    print(f"errors: {len(cases) - len(failed)} passed, {len(failed)} failed{asan}{doc}")
    return 1 if failed or doc_problem else 0


if __name__ == "__main__":
    sys.exit(main())
