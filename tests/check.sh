#!/bin/sh
# check.sh -- the whole test suite (`make check`; `make check-full` adds
# --full).  The driver is tests/check.py: it builds once, runs the steps in
# parallel, prints one line per step and a total; see its --help.
cd "$(dirname "$0")/.." || exit 2
exec "${PYTHON:-python3}" tests/check.py "$@"
