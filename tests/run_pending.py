#!/usr/bin/env python3
"""Run the pending sample folders (tests/pending/*) through the sample checks.

    python3 tests/run_pending.py                      every folder: oracle + gcc + clang + asan
    python3 tests/run_pending.py infer --no-asan      one folder, options passed on
    python3 tests/run_pending.py --oracle-only        only check the expected files against CPython

Each folder holds programs the compiler cannot build yet (tests/pending/infer:
issue 13, unannotated code; tests/pending/objects: issue 14, classes, dicts,
closures), laid out exactly like samples/.  Every folder is run by
`tests/run_samples.py --dir tests/pending/NAME`, with the options after the
folder names passed on unchanged (--only, -j, --no-clang, --no-asan,
--oracle-only, --update, -v, --timeout).  Not part of `make check`: a folder
moves into samples/ when its issue is done.  Exit status 1 if any folder had
a failure.
"""

import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PENDING = os.path.join(HERE, "pending")


def folders():
    return sorted(d for d in os.listdir(PENDING)
                  if os.path.isdir(os.path.join(PENDING, d)))


def main(argv):
    if argv[:1] in (["-h"], ["--help"]):
        print(__doc__.strip())
        return 0
    known = folders()
    names = []
    while argv and not argv[0].startswith("-"):
        names.append(argv.pop(0))
    for n in names:
        if n not in known:
            print(f"run_pending: no folder tests/pending/{n} (have: {', '.join(known)})")
            return 2
    summary = []
    status = 0
    for n in names or known:
        print(f"== tests/pending/{n}", flush=True)
        p = subprocess.run([sys.executable, os.path.join(HERE, "run_samples.py"),
                            "--dir", os.path.join(PENDING, n)] + argv,
                           stdout=subprocess.PIPE, text=True)
        sys.stdout.write(p.stdout)
        last = p.stdout.strip().splitlines()[-1:] or ["(no output)"]
        summary.append((n, last[0]))
        status = status or (1 if p.returncode else 0)
    print("== pending summary")
    for n, line in summary:
        print(f"  {n:10} {line}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
