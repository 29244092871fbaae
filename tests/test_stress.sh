#!/bin/sh
# Seeded stress tests: random sleeps, cancels and timeouts (stress.py); items
# through bounded queues with random cancellations (queue_stress.py).
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
# The queue stress (tests/stress/queue_stress.py): the same two checks; at
# N = 100,000 every item put was taken exactly once (none lost or doubled).
sed 's/^N: int = .*/N: int = 2000/' tests/stress/queue_stress.py > "$out/queue_small.py"
sed 's/^N: int = .*/N: int = 100000/' tests/stress/queue_stress.py > "$out/queue_big.py"
ASYNCC_CLOCK=virtual PYTHONPATH=python python3 -m asyncc "$out/queue_small.py" > "$out/queue_small.expected" 2>&1
if build/asyncc build "$out/queue_small.py" -o "$out/queue_small" &&
   ASYNCC_CLOCK=virtual "$out/queue_small" > "$out/queue_small.out" 2>&1 &&
   cmp -s "$out/queue_small.out" "$out/queue_small.expected"; then
  echo "PASS queue stress: 2,000 tasks, same summary as CPython: $(head -1 "$out/queue_small.out")"
else
  echo "FAIL queue stress: 2,000 tasks differ from CPython"; diff "$out/queue_small.out" "$out/queue_small.expected" | head
  fail=1
fi
if build/asyncc build "$out/queue_big.py" -o "$out/queue_big" -O1 -g -fsanitize=address,undefined &&
   ASYNCC_CLOCK=virtual ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/queue_big" > "$out/queue_big.out" \
     2> "$out/queue_big.err" &&
   [ ! -s "$out/queue_big.err" ] && grep -q "left 0 lost 0 twice 0$" "$out/queue_big.out" &&
   grep -q "tasks 100000$" "$out/queue_big.out" &&
   awk '$1 == "put" && $2 == $4 && $2 > 0 { ok = 1 } END { exit !ok }' "$out/queue_big.out"; then
  echo "PASS queue stress: 100,000 tasks under ASan, every item taken once: $(tr '\n' ' ' < "$out/queue_big.out")"
else
  echo "FAIL queue stress: 100,000 tasks under ASan"; cat "$out/queue_big.out"; head -30 "$out/queue_big.err"; fail=1
fi
exit $fail
