#!/bin/sh
# Bounded memory (two programs; the second, for the cycle collector, is
# described at its section below): samples/lang_million_strings.py builds 1,000,000 temporary
# strings (plus 200,000 more in a second loop) and keeps only a bounded tail.
# Built with `build/asyncc build` (no sanitizer), run with its peak RSS
# measured; fails if the output differs from samples/lang_million_strings.out
# or if the peak RSS exceeds LIMIT_KB (default 20 MB = 20480 KB).
# Peak RSS: `/usr/bin/time -f %M` when present, else python3's
# resource.getrusage(RUSAGE_CHILDREN).ru_maxrss around a subprocess. Linux
# carries a process's high-water RSS across fork and exec, so the fallback's
# figure is at least the launching python3's own RSS (about 10-14 MB): an
# upper bound, still under the limit for a bounded program (1.6 MB measured
# with /usr/bin/time; keeping the million strings instead takes about 55 MB).
# MEMTEST_NO_TIME=1 forces the python3 fallback; LIMIT_KB=N changes the limit.
set -u
cd "$(dirname "$0")/.." || exit 2
LIMIT_KB="${LIMIT_KB:-20480}"
src=samples/lang_million_strings.py
expected=samples/lang_million_strings.out
out=build/memory-test
mkdir -p "$out"
prog="$out/million_strings"

if [ ! -x build/asyncc ]; then
  echo "FAIL memory: build/asyncc is missing (run make first)"
  exit 2
fi
if ! build/asyncc build "$src" -o "$prog" > "$out/build.log" 2>&1; then
  echo "FAIL memory: build of $src failed"
  head -20 "$out/build.log"
  exit 1
fi

rss=""
if [ -z "${MEMTEST_NO_TIME:-}" ] && [ -x /usr/bin/time ] && /usr/bin/time -f %M true > /dev/null 2>&1; then
  if /usr/bin/time -f %M -o "$out/rss" "$prog" > "$out/stdout" 2> "$out/stderr"; then
    status=0
  else
    status=$?
  fi
  rss=$(tail -1 "$out/rss")
  how="/usr/bin/time -f %M"
else
  rss=$(python3 - "$prog" "$out/stdout" "$out/stderr" <<'EOF'
import resource, subprocess, sys
with open(sys.argv[2], "wb") as o, open(sys.argv[3], "wb") as e:
    rc = subprocess.call([sys.argv[1]], stdout=o, stderr=e)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)
EOF
)
  status=$?
  how="getrusage(RUSAGE_CHILDREN)"
fi

fail=0
if [ "$status" != 0 ]; then
  echo "FAIL memory: $prog exited with status $status"
  head -20 "$out/stderr"
  fail=1
elif [ -s "$out/stderr" ]; then
  echo "FAIL memory: $prog wrote to stderr"
  head -20 "$out/stderr"
  fail=1
elif ! cmp -s "$out/stdout" "$expected"; then
  echo "FAIL memory: output differs from $expected"
  diff "$out/stdout" "$expected" | head -20
  fail=1
fi
case "$rss" in
  ''|*[!0-9]*)
    echo "FAIL memory: could not measure the peak RSS (got '$rss')"
    exit 1 ;;
esac
mb=$(awk "BEGIN { printf \"%.1f\", $rss / 1024 }")
if [ "$rss" -gt "$LIMIT_KB" ]; then
  echo "FAIL memory: peak RSS ${rss} KB (${mb} MB) > limit ${LIMIT_KB} KB ($how)"
  exit 1
fi
if [ "$fail" = 0 ]; then
  echo "PASS memory: $src peak RSS ${rss} KB (${mb} MB) <= ${LIMIT_KB} KB ($how)"
fi

# Cycles: samples/cycles_million_pairs.py makes N pairs of objects that
# refer to each other; only the cycle collector frees them.  Its peak RSS
# at 1,000,000 pairs must stay under twice that at 100,000 (kept, the
# million pairs take about 400 MB) and under LIMIT_KB.
cyc_src=samples/cycles_million_pairs.py
cyc_prog="$out/million_pairs"
peak_rss() { # peak RSS in KB of "$@", its stdout in $out/stdout; its status
  if [ -z "${MEMTEST_NO_TIME:-}" ] && [ -x /usr/bin/time ] && /usr/bin/time -f %M true > /dev/null 2>&1; then
    /usr/bin/time -f %M -o "$out/rss" "$@" > "$out/stdout" 2> "$out/stderr"
    st=$?
    tail -1 "$out/rss"
    return $st
  fi
  python3 - "$out/stdout" "$out/stderr" "$@" <<'EOF'
import resource, subprocess, sys
with open(sys.argv[1], "wb") as o, open(sys.argv[2], "wb") as e:
    rc = subprocess.call(sys.argv[3:], stdout=o, stderr=e)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
sys.exit(rc)
EOF
}
# bounded_rss SRC PROG UNIT WANT: SRC built as PROG runs with N = 1e5 and
# 1e6 (`WANT N` prints the output it must give); the peak RSS at 1e6 must
# stay under twice that at 1e5 and under LIMIT_KB.
bounded_rss() {
  local src=$1 prog=$2 unit=$3 wantf=$4 n r st want small=0 big=0
  if ! build/asyncc build "$src" -o "$prog" > "$out/build.log" 2>&1; then
    echo "FAIL memory: build of $src failed"
    head -20 "$out/build.log"
    exit 1
  fi
  for n in 100000 1000000; do
    r=$(peak_rss "$prog" "$n")
    st=$?
    want=$("$wantf" "$n")
    if [ "$st" != 0 ] || [ -s "$out/stderr" ] || [ "$(cat "$out/stdout")" != "$want" ]; then
      echo "FAIL memory: $src $n: status $st, output '$(cat "$out/stdout")', expected '$want'"
      head -5 "$out/stderr"
      exit 1
    fi
    case "$r" in
      ''|*[!0-9]*) echo "FAIL memory: could not measure the peak RSS of $src $n (got '$r')"; exit 1 ;;
    esac
    if [ "$n" = 100000 ]; then small=$r; else big=$r; fi
  done
  if [ "$big" -ge $(( 2 * small )) ] || [ "$big" -gt "$LIMIT_KB" ]; then
    echo "FAIL memory: $src peak RSS ${big} KB at 1e6 $unit, ${small} KB at 1e5 (bound: < 2x, <= ${LIMIT_KB} KB)"
    exit 1
  fi
  echo "PASS memory: $src peak RSS ${small} KB at 1e5 $unit, ${big} KB at 1e6 (< 2x)"
}

# link(i) adds i and 2: the sum of 0..n-1 plus 2n
pairs_want() { echo "pairs $1 checksum $(( $1 * ($1 - 1) / 2 + 2 * $1 ))"; }
bounded_rss "$cyc_src" "$cyc_prog" pairs pairs_want

# The same for cycles through exceptions: samples/cycles_except_as.py keeps
# each exception in the object it refers to (`except ConnError as e:
# self.err = e`, e.conn is self); kept, the million take about 330 MB.
# open() gives i, and every 1000th i also open_async()'s len(args), 2
except_want() { echo "connections $1 checksum $(( $1 * ($1 - 1) / 2 + 2 * (($1 + 999) / 1000) ))"; }
bounded_rss samples/cycles_except_as.py "$out/except_as" connections except_want

# The collector frees nothing live: the cycle samples under ASan/LSan with
# ASYNCC_GC=1, a full collection at every tracked allocation.
for name in cycles_basic cycles_kinds cycles_exceptions cycles_except_as cycles_handles_queues; do
  p="$out/$name-asan"
  if ! build/asyncc build "samples/$name.py" -o "$p" -- -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
       > "$out/build.log" 2>&1; then
    echo "FAIL memory: ASan build of samples/$name.py failed"
    head -20 "$out/build.log"
    exit 1
  fi
  args=$(sed -n 's/^# asyncc: args //p' "samples/$name.py")
  # shellcheck disable=SC2086 # the header's arguments, split
  if ! ASYNCC_GC=1 ASYNCC_CLOCK=virtual ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$p" $args \
       > "$out/stdout" 2> "$out/stderr" || [ -s "$out/stderr" ] || ! cmp -s "$out/stdout" "samples/$name.out"; then
    echo "FAIL memory: samples/$name.py under ASYNCC_GC=1 (ASan)"
    head -20 "$out/stderr"
    diff "$out/stdout" "samples/$name.out" | head -10
    exit 1
  fi
done
echo "PASS memory: cycles_basic, cycles_kinds, cycles_exceptions, cycles_except_as, cycles_handles_queues clean under ASan with a collection at every allocation"
exit $fail
