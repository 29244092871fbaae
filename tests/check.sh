#!/bin/sh
# check.sh -- run the whole test suite in order, keep going after failures,
# print a summary and exit non-zero if anything failed.  Run from anywhere;
# it works from the repository root.  Called by `make check`.
cd "$(dirname "$0")/.." || exit 2
MAKE="${MAKE:-make}"
PYTHON="${PYTHON:-python3}"
results=""
failed=0
log_dir=build/check
mkdir -p "$log_dir"

step() {  # step NAME CMD...
  name="$1"; shift
  echo ""
  echo "=== $name: $*"
  start=$(date +%s)
  "$@" 2>&1 | tee "$log_dir/$name.log"
  rc=$(cat "$log_dir/.rc" 2>/dev/null)
  end=$(date +%s)
  last=$(grep -E '^(samples|errors|difftest|stripped|bench-stripped):' "$log_dir/$name.log" | tail -1)
  if [ "$rc" = 0 ]; then status=PASS; else status="FAIL (exit $rc)"; failed=1; fi
  results="$results$(printf '  %-14s %-12s %4ss  %s' "$status" "$name" "$((end - start))" "$last")
"
}

# run a command and record its exit status (pipes lose it in plain sh)
rec() { "$@"; echo $? > "$log_dir/.rc"; }

step unit          rec $MAKE --no-print-directory test-unit
step runtime       rec $MAKE --no-print-directory test-runtime
step errors        rec $MAKE --no-print-directory test-errors
step cli           rec sh tests/test_cli.sh
step samples       rec $PYTHON tests/run_samples.py
step stripped      rec $PYTHON tests/strip_annotations.py --compile
step bench-strip   rec $PYTHON tests/bench_stripped.py
step fuzz          rec $PYTHON tests/fuzz/difftest.py --count 500 --seed 1
step stress        rec sh tests/test_stress.sh
step memory        rec sh tests/test_memory.sh
step host          rec sh tests/test_host.sh
step two-modules   rec sh tests/test_two_modules.sh
step make          rec sh tests/test_make.sh
step gdb           rec sh tests/test_gdb.sh
step install       rec sh tests/test_install.sh
if $MAKE -n bench-smoke >/dev/null 2>&1; then
  step bench-smoke rec $MAKE --no-print-directory bench-smoke
fi
rm -f "$log_dir/.rc"

echo ""
echo "=== summary (logs in $log_dir/)"
printf '%s' "$results"
if [ "$failed" = 0 ]; then echo "ALL PASSED"; else echo "SOME CHECKS FAILED"; fi
exit $failed
