#!/usr/bin/env python3
"""Stripped benchmarks compile to the same C as annotated ones (issue 13).

    python3 tests/bench_stripped.py [-v]

For each bench/*.py program: strip every annotation (tests/strip_annotations.py),
emit both versions with `build/asyncc emit --no-line`, and compare the C after
normalising what the stripper's reflowing changes: line numbers in comments,
the line/column-derived names of comprehension variables (`x_L24_57`), the
module name, and the numbering of type descriptors (`T3`, which counts the
types interned while inferring).  Identical C means identical hot paths, so
the stripped suite runs as fast as the annotated one.  Exit status 1 on any
difference (printed with -v).
"""

import difflib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import strip_annotations as SA  # noqa: E402

ASYNCC = os.path.join(ROOT, "build", "asyncc")


def normalise(c, stem):
    c = re.sub(r"from \S+ -- do not edit", "from FILE -- do not edit", c)
    c = c.replace(stem, "MOD")
    c = re.sub(r"line \d+", "line N", c)
    c = re.sub(r"_L\d+_\d+", "_LN", c)
    c = re.sub(r"\bT\d+", "T#", c)
    # traceback records quote the source line (annotations and all)
    c = re.sub(r"static const ac_tb_site .*", "TB_SITE", c)
    c = re.sub(r'tb_file\[\] = ".*";', "TB_FILE", c)
    return re.sub(r"asyncc_module_stem = .*", "STEM", c)


def emit(path):
    out = path[:-3] + ".c"
    subprocess.run([ASYNCC, "emit", "--no-line", path, "-o", out], check=True)
    return open(out).read()


def main(argv):
    verbose = "-v" in argv
    bench = os.path.join(ROOT, "bench")
    names = sorted(f for f in os.listdir(bench) if f.endswith(".py") and f not in ("run.py", "profile.py", "peers.py"))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            text = open(os.path.join(bench, name)).read()
            stripped, removed = SA.strip_source(text, name)
            a = os.path.join(tmp, "annotated", name)
            s = os.path.join(tmp, "stripped", name)
            for path, body in ((a, text), (s, stripped)):
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "w").write(body)
            stem = name[:-3]
            ca, cs = normalise(emit(a), stem), normalise(emit(s), stem)
            if ca == cs:
                print(f"PASS bench/{name}: same C with {removed} annotations removed")
            else:
                failed += 1
                print(f"FAIL bench/{name}: the stripped program's C differs")
                if verbose:
                    sys.stdout.writelines(difflib.unified_diff(ca.splitlines(True), cs.splitlines(True), "annotated", "stripped"))
    print(f"bench-stripped: {len(names) - failed} same, {failed} different")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
