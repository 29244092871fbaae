#!/usr/bin/env python3
"""`asyncc annotate` and `-Wdynamic` (issue 13): where values become boxed objects.

    python3 tests/test_annotate.py

For each tests/annotate/*.py: a line ending in `# object` or `# join` must be
marked in the HTML page `asyncc annotate` writes (parsed with html.parser),
and no other line; each `# join` line must carry one `-Wdynamic` warning
from `asyncc check -Wdynamic`, followed by a note at the other site of the
join, and no other line a warning.  The page must also show, on each
`async def` line, the frame size, and the inferred type of the names on a
line (`total: object`).  Exit status 1 on any failure.
"""

import html.parser
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASYNCC = os.path.join(ROOT, "build", "asyncc")
DIR = os.path.join(ROOT, "tests", "annotate")


class Page(html.parser.HTMLParser):
    """Rows of the source table: line number -> (marked, info text)."""

    def __init__(self):
        super().__init__()
        self.rows = {}
        self.line = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "tr" and (a.get("id") or "").startswith("L"):
            self.line = int(a["id"][1:])
            self.rows[self.line] = [a.get("class") == "dyn", ""]
        elif tag == "td" and self.line is not None:
            self.cell = a.get("class")

    def handle_endtag(self, tag):
        if tag == "tr":
            self.line = None
        if tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.line is not None and self.cell == "info":
            self.rows[self.line][1] += data


def expected(path):
    marks, joins = set(), set()
    for i, line in enumerate(open(path), 1):
        if line.rstrip().endswith("# object"):
            marks.add(i)
        if line.rstrip().endswith("# join"):
            marks.add(i)
            joins.add(i)
    return marks, joins


def check_page(path, marks, tmp):
    out = os.path.join(tmp, os.path.basename(path) + ".html")
    r = subprocess.run([ASYNCC, "annotate", path, "-o", out], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"asyncc annotate failed: {r.stderr.strip()}"]
    page = Page()
    page.feed(open(out, encoding="utf-8").read())
    errs = []
    nsrc = len(open(path).read().splitlines())
    if len(page.rows) != nsrc:
        errs.append(f"the page has {len(page.rows)} source lines, the file {nsrc}")
    got = {n for n, (dyn, _) in page.rows.items() if dyn}
    for n in sorted(marks - got):
        errs.append(f"line {n} is not marked as using objects")
    for n in sorted(got - marks):
        errs.append(f"line {n} is marked as using objects, but should not be")
    for i, line in enumerate(open(path), 1):
        info = page.rows.get(i, [False, ""])[1]
        if line.startswith("async def") and not re.search(r"frame \d+ bytes", info):
            errs.append(f"line {i}: no frame size shown for the async def ({info!r})")
        m = re.match(r"\s+total = ", line)
        if m and "total: object" not in info:
            errs.append(f"line {i}: the inferred type of 'total' is not shown ({info!r})")
    return errs


def check_warnings(path, joins):
    r = subprocess.run([ASYNCC, "check", "-Wdynamic", path], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"asyncc check -Wdynamic failed: {r.stderr.strip()}"]
    errs = []
    diags = re.findall(r"^(.*?):(\d+):(\d+): (warning|note): (.*)$", r.stderr, re.M)
    warned = []
    for k, (f, ln, col, kind, msg) in enumerate(diags):
        if kind != "warning":
            continue
        if not msg.endswith("[-Wdynamic]"):
            errs.append(f"line {ln}: a warning without [-Wdynamic]: {msg}")
        if k + 1 >= len(diags) or diags[k + 1][3] != "note":
            errs.append(f"line {ln}: the warning names one site only (no note follows): {msg}")
        warned.append(int(ln))
    for n in sorted(joins - set(warned)):
        errs.append(f"line {n}: no -Wdynamic warning")
    for n in sorted(set(warned) - joins):
        errs.append(f"line {n}: an unexpected -Wdynamic warning")
    for n in set(warned):
        if warned.count(n) > 1:
            errs.append(f"line {n}: {warned.count(n)} warnings (one per site expected)")
    r2 = subprocess.run([ASYNCC, "check", path], capture_output=True, text=True)
    if r2.stderr.strip():
        errs.append(f"without -Wdynamic asyncc check printed: {r2.stderr.strip()[:200]}")
    return errs


def main():
    files = sorted(os.path.join(DIR, f) for f in os.listdir(DIR) if f.endswith(".py"))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            marks, joins = expected(path)
            errs = check_page(path, marks, tmp) + check_warnings(path, joins)
            rel = os.path.relpath(path, ROOT)
            if errs:
                failed += 1
                print(f"FAIL {rel}")
                for e in errs:
                    print(f"    {e}")
            else:
                print(f"PASS {rel}: {len(marks)} marked lines, {len(joins)} -Wdynamic warnings")
    print(f"annotate: {len(files) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
