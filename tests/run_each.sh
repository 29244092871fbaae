#!/bin/sh
# run_each.sh TEST... -- run each test binary, report, exit non-zero if any failed
fail=0
for t in "$@"; do
  if "$t" >"$t.log" 2>&1; then echo "PASS $t"; else echo "FAIL $t (log: $t.log)"; tail -20 "$t.log"; fail=1; fi
done
exit $fail
