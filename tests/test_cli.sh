#!/bin/sh
# The command line (brief section 2, issues 2 and 12): help, version, bad
# usage, options a command does not take, byte-identical output, run's exit
# status and arguments, the cache (clean, size cap), no temporary file left
# by an interrupted build, a missing C compiler, missing host functions,
# check speed on 10,000 lines.
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/cli-test
mkdir -p "$out"
fail=0
ok() { echo "PASS cli: $1"; }
no() { echo "FAIL cli: $1"; fail=1; }

help=$(build/asyncc --help)
for word in emit build run check cache --version --help -o --header -MD -MF --frame-sizes --types --no-line ASYNCC_CLOCK ASYNCC_CACHE_MAX; do
  echo "$help" | grep -q -- "$word" || no "--help does not mention $word"
done
ok "--help lists every subcommand and option"
# run's arguments: flags before the file, the rest to the program unchanged
echo "$help" | tr -s ' \n' ' ' | grep -q "everything after FILE.py goes to the program unchanged" &&
  grep -q "passed to the program unchanged" docs/asyncc.1 &&
  ok "--help and the man page say run passes what follows FILE.py to the program" ||
  no "--help or the man page does not say what run does with the arguments after FILE.py"
build/asyncc --version | grep -q "^asyncc [0-9]" && ok "--version" || no "--version"
for bad in "" "frobnicate x.py" "emit" "emit --bogus x.py" "check a.py b.py" "check -o x a.py" \
           "cache" "cache frob" "run -- samples/hello.py"; do
  # shellcheck disable=SC2086
  build/asyncc $bad > "$out/usage.out" 2> "$out/usage.err"
  st=$?
  if [ $st != 2 ] || [ "$(wc -l < "$out/usage.err")" -gt 2 ] || ! grep -q "asyncc --help" "$out/usage.err"; then
    no "bad usage '$bad' should exit 2 with a short hint (got $st)"
  fi
done
ok "bad usage exits 2 with a one-line hint"
# an option the command does not take is an error, named as such
bad_before=$fail; fail=0
for bad in "check --header x.h samples/hello.py" "check -O2 samples/hello.py" "check -MD samples/hello.py" \
           "run -o x samples/hello.py" "build --header x.h samples/hello.py" "build --no-line samples/hello.py" \
           "emit -O2 samples/hello.py" "check -- samples/hello.py" "run --frame-sizes samples/hello.py"; do
  # shellcheck disable=SC2086
  build/asyncc $bad > "$out/usage.out" 2> "$out/usage.err"
  st=$?
  if [ $st != 2 ] || ! grep -q "does not apply to" "$out/usage.err"; then
    no "'asyncc $bad' should exit 2 saying the option does not apply (got $st: $(head -1 "$out/usage.err"))"
  fi
done
[ $fail = 0 ] && ok "options a command does not take exit 2"
[ $bad_before = 1 ] && fail=1
ASYNCC_CACHE_MAX=lots build/asyncc run samples/hello.py > /dev/null 2> "$out/usage.err"
[ $? = 2 ] && grep -q ASYNCC_CACHE_MAX "$out/usage.err" && ok "a bad ASYNCC_CACHE_MAX is a usage error" ||
  no "ASYNCC_CACHE_MAX=lots was accepted"
build/asyncc emit samples/async_await_try.py -o "$out/a.c" && build/asyncc emit samples/async_await_try.py -o "$out/b.c" &&
  sed 's/b\.c"/a.c"/' "$out/b.c" | cmp -s - "$out/a.c" && ok "emit is byte-identical for identical input" || no "emit differs between runs"
build/asyncc emit --no-line samples/exceptions.py -o "$out/x1.c" && build/asyncc emit --no-line samples/exceptions.py -o "$out/x2.c" &&
  cmp -s "$out/x1.c" "$out/x2.c" && ok "emit --no-line is byte-identical" || no "emit --no-line differs"
# outputs go through a temporary file that is renamed, except to a device
[ -z "$(ls "$out" | grep '\.tmp$')" ] && ok "emit leaves no temporary file beside its output" || no "emit left $(ls "$out" | grep '\.tmp$')"
build/asyncc emit --no-line samples/exceptions.py -o /dev/stdout | cmp -s - "$out/x1.c" &&
  ok "emit -o /dev/stdout writes to the device" || no "emit -o /dev/stdout"
ASYNCC_CACHE="$out/cache" build/asyncc build samples/hello.py -o /dev/null && [ -c /dev/null ] &&
  ok "build -o /dev/null leaves the device alone" || no "build -o /dev/null"
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

# run: everything after the file reaches the program unchanged (read from
# /proc while the program sleeps: run execs it in place)
cat > "$out/sleeper.py" <<'PY'
import asyncio


async def main() -> None:
    await asyncio.sleep(1.5)
    print("done")


asyncio.run(main())
PY
if [ -d /proc/self ]; then
  ASYNCC_CACHE="$out/cache" build/asyncc run -O1 "$out/sleeper.py" -o x --help -- -O2 "a b" > "$out/sleeper.out" &
  pid=$!
  args=""
  while kill -0 $pid 2>/dev/null; do
    cmdline=$(tr '\0' '\n' < /proc/$pid/cmdline 2>/dev/null)
    case "$(echo "$cmdline" | head -1)" in
      "$out"/cache/*) args=$(echo "$cmdline" | tail -n +2); break ;;
    esac
    sleep 0.05
  done
  wait $pid
  st=$?
  if [ "$args" = "$(printf -- '-o\nx\n--help\n--\n-O2\na b')" ] && [ $st = 0 ] && [ "$(cat "$out/sleeper.out")" = done ]; then
    ok "run passes everything after the file to the program unchanged"
  else
    no "run's program got arguments '$args' (status $st)"
  fi
fi

# the cache: clean removes only asyncc's files; the cap evicts the oldest
cache="$out/cache-clean"
rm -rf "$cache"; mkdir -p "$cache"; echo mine > "$cache/notes.txt"
ASYNCC_CACHE="$cache" build/asyncc run samples/hello.py > /dev/null
n_before=$(ls "$cache" | grep -vc notes.txt)
ASYNCC_CACHE="$cache" build/asyncc cache info | grep -q "$cache: $n_before entries" || no "cache info does not count $n_before entries"
if [ "$n_before" -ge 2 ] && ASYNCC_CACHE="$cache" build/asyncc cache clean > "$out/clean.out" &&
   [ "$(ls -A "$cache")" = notes.txt ] && grep -q "removed $n_before files" "$out/clean.out"; then
  ok "cache clean empties the cache and keeps files that are not asyncc's"
else
  no "cache clean left $(ls -A "$cache" | tr '\n' ' ')"
fi
rm -rf "$cache"
ASYNCC_CACHE="$cache" ASYNCC_CACHE_MAX=0 build/asyncc run samples/hello.py > /dev/null
first=$(ls "$cache" | grep -v runtime)
r1=$(ASYNCC_CACHE="$cache" ASYNCC_CACHE_MAX=1 build/asyncc run samples/async_await_try.py)
r2=$(python3 samples/async_await_try.py)
left=$(ls -A "$cache")
if [ "$r1" = "$r2" ] && [ "$(echo "$left" | wc -l)" = 1 ] && [ "$left" != "$first" ] && echo "$left" | grep -qx '[0-9a-f]\{16\}'; then
  ok "ASYNCC_CACHE_MAX: the cache keeps only what fits, newest first"
else
  no "cache over its cap holds: $(echo "$left" | tr '\n' ' ')"
fi

# an interrupted build leaves neither its output nor a temporary file
cat > "$out/slowcc" <<'SH'
#!/bin/sh
# a C compiler that writes part of its output, then hangs
out= prev=
for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
[ -n "$out" ] && echo partial > "$out"
exec sleep 30
SH
chmod +x "$out/slowcc"
for sig in INT TERM; do
  for cmd in build run; do
    d="$out/interrupt-$cmd-$sig"
    rm -rf "$d"; mkdir -p "$d/out" "$d/cache"
    cp samples/hello.py "$d/out/prog.py"
    if [ $cmd = build ]; then set -- build "$d/out/prog.py" -o "$d/out/prog"; else set -- run "$d/out/prog.py"; fi
    # sh starts background jobs with SIGINT ignored; a terminal would not
    ASYNCC_CACHE="$d/cache" CC="$out/slowcc" python3 -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' build/asyncc "$@" > /dev/null 2>&1 &
    pid=$!
    for _ in $(seq 1 100); do
      [ -n "$(find "$d/out" "$d/cache" -name '*.o' -o -name '*.c' ! -name prog.py 2>/dev/null | head -1)" ] && break
      sleep 0.05
    done
    kill -$sig $pid
    wait $pid 2>/dev/null
    st=$?
    left=$(cd "$d" && find out cache ! -name out ! -name cache ! -name prog.py)
    if [ -z "$left" ] && [ $st -ge 128 ]; then
      ok "SIG$sig during $cmd leaves no file behind (status $st)"
    else
      no "SIG$sig during $cmd left: $(echo "$left" | tr '\n' ' ') (status $st)"
    fi
  done
done

# a C compiler that does not exist: one clear message, no output
rm -f "$out/nocc"
CC=nosuchcc ASYNCC_CACHE="$out/cache" build/asyncc build samples/hello.py -o "$out/nocc" 2> "$out/nocc.err"
st=$?
if [ $st = 1 ] && [ "$(wc -l < "$out/nocc.err")" = 1 ] && grep -q "C compiler 'nosuchcc' not found" "$out/nocc.err" && [ ! -e "$out/nocc" ]; then
  ok "CC=nosuchcc is reported once"
else
  no "CC=nosuchcc: status $st, stderr:"; cat "$out/nocc.err"
fi

# host functions: named when no C code provides them, linked when given
cat > "$out/temp.py" <<'PY'
import asyncio
import asyncc


@asyncc.host
def read_temp(sensor: int) -> float:
    return 20.0 + sensor


async def main() -> None:
    print(read_temp(2))


asyncio.run(main())
PY
printf '#include <stdint.h>\ndouble host_read_temp(int64_t sensor) { return 18.5 + (double)sensor; }\n' > "$out/temp_host.c"
for cmd in run build; do
  if [ $cmd = run ]; then set -- run "$out/temp.py"; else set -- build "$out/temp.py" -o "$out/temp"; fi
  ASYNCC_CACHE="$out/cache" build/asyncc "$@" > /dev/null 2> "$out/host.err"
  st=$?
  if [ $st = 1 ] && grep -q "temp.py:6:1: error: host function 'read_temp' has no C implementation" "$out/host.err" &&
     ! grep -q "undefined reference\|collect2\|ld returned" "$out/host.err"; then
    ok "$cmd names the host function that has no C implementation"
  else
    no "$cmd of a program with a host function (status $st):"; cat "$out/host.err"
  fi
done
# the C implementation answers 18.5 + sensor (not the Python fallback's 20 + sensor)
r=$(ASYNCC_CACHE="$out/cache" build/asyncc run "$out/temp_host.c" "$out/temp.py")
[ "$r" = "20.5" ] && ok "run links the host functions' C file given before the program" || no "run with a host C file printed '$r'"
build/asyncc build "$out/temp.py" "$out/temp_host.c" -o "$out/temp" && [ "$("$out/temp")" = "20.5" ] &&
  ok "build links the host functions' C file" || no "build with a host C file"

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
# the builtins spelling: only the defs that may suspend become coroutines
build/asyncc check --types samples/edge_suspend_recursive.py > "$out/suspend.out" 2>&1
grep -q '^def countdown(n: int) -> str   # suspends: compiled as a coroutine$' "$out/suspend.out" &&
  grep -q '^def pong(n: int) -> int   # suspends: compiled as a coroutine$' "$out/suspend.out" &&
  grep -q '^def fib(n: int) -> int$' "$out/suspend.out" &&
  ok "check --types: plain defs that suspend are coroutines, the others stay plain" ||
  { no "check --types of suspending plain defs"; cat "$out/suspend.out"; }
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
# documentation examples whose output shows the wall clock: they build,
# run (status 0) and print lines matching their patterns (tests/compile_only)
for py in tests/compile_only/*.py; do
  name=$(basename "$py" .py)
  if build/asyncc build "$py" -o "$out/co_$name" && ASYNCC_CLOCK=virtual "$out/co_$name" > "$out/co_$name.out" &&
     python3 - "$out/co_$name.out" "tests/compile_only/$name.pattern" <<'PY'
import re, sys
got = open(sys.argv[1]).read().splitlines()
want = open(sys.argv[2]).read().splitlines()
sys.exit(0 if len(got) == len(want) and all(re.fullmatch(p, g) for p, g in zip(want, got)) else 1)
PY
  then ok "compile_only/$name builds, runs and prints what its pattern says"
  else no "compile_only/$name"; cat "$out/co_$name.out" 2>/dev/null; fi
done
exit $fail
