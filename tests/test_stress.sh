#!/bin/sh
# Seeded stress test: random sleeps, cancels and timeouts.
#  - N = 2,000: the compiled program's output equals CPython's (reference
#    runner, virtual clock);
#  - N = 100,000 with AddressSanitizer/LeakSanitizer: no report, every runner
#    ends exactly once, the outcome counts add up to N.
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/stress
mkdir -p "$out"
fail=0
sed 's/^N: int = .*/N: int = 2000/' tests/stress/stress.py > "$out/stress_small.py"
sed 's/^N: int = .*/N: int = 100000/' tests/stress/stress.py > "$out/stress_big.py"
ASYNCC_CLOCK=virtual PYTHONPATH=python python3 -m asyncc "$out/stress_small.py" > "$out/small.expected" 2>&1
if build/asyncc build "$out/stress_small.py" -o "$out/small" &&
   ASYNCC_CLOCK=virtual "$out/small" > "$out/small.out" 2>&1 && cmp -s "$out/small.out" "$out/small.expected"; then
  echo "PASS stress: 2,000 tasks, same summary as CPython: $(head -1 "$out/small.out")"
else
  echo "FAIL stress: 2,000 tasks differ from CPython"; diff "$out/small.out" "$out/small.expected" | head; fail=1
fi
if build/asyncc build "$out/stress_big.py" -o "$out/big" -O1 -g -fsanitize=address,undefined &&
   ASYNCC_CLOCK=virtual ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/big" > "$out/big.out" 2> "$out/big.err" &&
   [ ! -s "$out/big.err" ] && grep -q "total 100000$" "$out/big.out" && grep -q "^ends 100000 1 1$" "$out/big.out"; then
  echo "PASS stress: 100,000 tasks under ASan: $(head -1 "$out/big.out")"
else
  echo "FAIL stress: 100,000 tasks under ASan"; cat "$out/big.out"; head -30 "$out/big.err"; fail=1
fi
exit $fail
