#!/bin/sh
# #line directives let gdb debug the .py source: break at a line inside an
# async def after an await, stop there, and read the frame's locals.
set -u
cd "$(dirname "$0")/.." || exit 2
command -v gdb >/dev/null 2>&1 || { echo "FAIL gdb: gdb is not installed"; exit 1; }
out=build/gdb-test
mkdir -p "$out"
build/asyncc build samples/gdb_worker.py -o "$out/worker" -O0 -g || exit 1
# line 10 is `total += i`, right after `await asyncio.sleep(0.01)`; at the
# third stop i == 2 and total == 0 + 1
ASYNCC_CLOCK=virtual gdb -q -batch \
  -ex 'break gdb_worker.py:10' -ex run -ex continue -ex continue \
  -ex 'info line *$pc' -ex 'print f->i' -ex 'print f->total' \
  "$out/worker" > "$out/gdb.log" 2>&1
fail=0
grep -q 'Line 10 of "samples/gdb_worker.py"' "$out/gdb.log" || { echo "FAIL gdb: did not stop at gdb_worker.py:10"; fail=1; }
grep -q '^\$1 = 2$' "$out/gdb.log" || { echo "FAIL gdb: f->i is not 2"; fail=1; }
grep -q '^\$2 = 1$' "$out/gdb.log" || { echo "FAIL gdb: f->total is not 1"; fail=1; }
if [ $fail = 0 ]; then echo "PASS gdb: stopped at gdb_worker.py:10 with i = 2, total = 1"; else cat "$out/gdb.log"; fi
# --frame-sizes reports what the C compiler lays out
for fn in worker main; do
  said=$(build/asyncc check --frame-sizes samples/gdb_worker.py | sed -n "s/.*async def $fn: frame \([0-9]*\) bytes.*/\1/p")
  real=$(gdb -q -batch -ex "print sizeof(struct ${fn}_frame)" "$out/worker" 2>/dev/null | sed -n 's/^\$1 = //p')
  if [ -n "$said" ] && [ "$said" = "$real" ]; then echo "PASS gdb: frame of $fn is $real bytes, as --frame-sizes says"
  else echo "FAIL gdb: --frame-sizes says '$said' for $fn, sizeof is '$real'"; fail=1; fi
done
exit $fail
