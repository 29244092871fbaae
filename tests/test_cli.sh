#!/bin/sh
# The command line (brief section 2, issue 2): help, version, bad usage,
# byte-identical output, run's exit status, check speed on 10,000 lines.
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/cli-test
mkdir -p "$out"
fail=0
ok() { echo "PASS cli: $1"; }
no() { echo "FAIL cli: $1"; fail=1; }

help=$(build/asyncc --help)
for word in emit build run check --version --help -o --header -MD -MF --frame-sizes --types --no-line ASYNCC_CLOCK; do
  echo "$help" | grep -q -- "$word" || no "--help does not mention $word"
done
ok "--help lists every subcommand and option"
build/asyncc --version | grep -q "^asyncc [0-9]" && ok "--version" || no "--version"
for bad in "" "frobnicate x.py" "emit" "emit --bogus x.py" "check a.py b.py" "check -o x a.py"; do
  # shellcheck disable=SC2086
  build/asyncc $bad > "$out/usage.out" 2> "$out/usage.err"
  st=$?
  if [ $st != 2 ] || [ "$(wc -l < "$out/usage.err")" -gt 2 ] || ! grep -q "asyncc --help" "$out/usage.err"; then
    no "bad usage '$bad' should exit 2 with a short hint (got $st)"
  fi
done
ok "bad usage exits 2 with a one-line hint"
build/asyncc emit samples/async_await_try.py -o "$out/a.c" && build/asyncc emit samples/async_await_try.py -o "$out/b.c" &&
  sed 's/b\.c"/a.c"/' "$out/b.c" | cmp -s - "$out/a.c" && ok "emit is byte-identical for identical input" || no "emit differs between runs"
build/asyncc emit --no-line samples/exceptions.py -o "$out/x1.c" && build/asyncc emit --no-line samples/exceptions.py -o "$out/x2.c" &&
  cmp -s "$out/x1.c" "$out/x2.c" && ok "emit --no-line is byte-identical" || no "emit --no-line differs"
# the generated main() uses only the embedding API (runtime/asyncc.h)
sed -n '/^int main/,/^}/p' "$out/a.c" > "$out/main.txt"
if grep -q "asyncc_main(argc, argv" "$out/main.txt" && ! grep -q "ac_[a-z_]*(" "$out/main.txt"; then
  ok "generated main() calls only asyncc_main from the embedding API"
else
  no "generated main() uses more than the embedding API"; cat "$out/main.txt"
fi
ASYNCC_CACHE="$out/cache" build/asyncc run samples/uncaught.py > /dev/null 2>&1
[ $? = 1 ] && ok "run passes the program's exit status through" || no "run exit status"
[ "$(ASYNCC_CACHE="$out/cache" build/asyncc run samples/hello.py)" = "hello, world" ] && ok "run samples/hello.py" || no "run hello"
# check --types: one signature per specialisation, then the globals
cat > "$out/types.py" <<'PY'
import asyncio

log = []


def scale(x, k=2):
    return x * k


async def worker(n, delay=0.0):
    await asyncio.sleep(delay)
    log.append(f"w{n}")


async def main():
    print(scale(3), scale(1.5), scale(2, 0.5))
    await asyncio.gather(worker(1), worker(2, 0.01))
    print(log)


asyncio.run(main())
PY
cat > "$out/types.expected" <<'TXT'
def scale(x: int, k: int) -> int   # C: scale_int_int
def scale(x: float, k: int) -> float   # C: scale_float_int
def scale(x: int, k: float) -> float   # C: scale_int_float
async def worker(n: int, delay: float) -> None
async def main() -> None
log: list[str]
TXT
build/asyncc check --types "$out/types.py" > "$out/types.out" 2>&1 && cmp -s "$out/types.out" "$out/types.expected" &&
  ok "check --types prints each specialisation's signature" || { no "check --types"; diff "$out/types.expected" "$out/types.out"; }
# 20,000 lines without annotations (renamed stripped samples): inference's speed
python3 tests/big_unannotated.py "$out/big_untyped.py" 20000
start=$(date +%s.%N)
build/asyncc check "$out/big_untyped.py" || no "check of the 20,000-line unannotated input failed"
end=$(date +%s.%N)
echo "INFO cli: asyncc check on $(wc -l < "$out/big_untyped.py") unannotated lines took $(echo "$end - $start" | bc 2>/dev/null || python3 -c "print(round($end-$start,3))") s"
# 10,000 lines of typed code: the figure goes into the issue note
python3 - "$out/big.py" <<'PY'
import sys
lines = ["import asyncio", ""]
i = 0
while len(lines) < 10000:
    lines += [f"async def f{i}(a: int, b: float) -> float:",
              f"    s: float = b",
              f"    for k in range(a):",
              f"        s += k * 0.5 - a // 3",
              f"        if s > 100.0:",
              f"            s = s / 2",
              f"    await asyncio.sleep(0)",
              f"    return s + {i}",
              ""]
    i += 1
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
start=$(date +%s.%N)
build/asyncc check "$out/big.py" || no "check of the 10,000-line input failed"
end=$(date +%s.%N)
echo "INFO cli: asyncc check on $(wc -l < "$out/big.py") lines took $(echo "$end - $start" | bc 2>/dev/null || python3 -c "print(round($end-$start,3))") s"
exit $fail
