#!/bin/sh
# make fuzz: a long libFuzzer run (FUZZ_SECONDS) as a series of processes
# of FUZZ_SLICE seconds each, sharing one corpus (build/fuzz/corpus).
#
# Why slices: the compiler never frees (it compiles one file and exits), so
# one process grows by every program it compiles -- a 30-minute run in one
# process reached libFuzzer's 4 GB limit after 47,832 programs, and fork
# mode's jobs grow as long as they live.  A process of a minute stays far
# below the limit.  Any crash, sanitizer report, timeout or out-of-memory
# stops the run (exit 1, the input in build/fuzz/crashes); at the end the
# executions of all slices are added up.
set -u
bin=$1 seconds=$2 slice=$3
shift 3
log=build/fuzz/slice.log
end=$(($(date +%s) + seconds))
total=0 n=0
while now=$(date +%s) && [ "$now" -lt "$end" ]; do
  left=$((end - now))
  [ "$left" -lt "$slice" ] && s=$left || s=$slice
  ASAN_OPTIONS=detect_leaks=0 "$bin" -max_total_time="$s" "$@" > "$log" 2>&1
  st=$?
  runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log")
  total=$((total + ${runs:-0}))
  n=$((n + 1))
  if [ "$st" -ne 0 ]; then
    tail -n 60 "$log"
    echo "fuzz: FAILED in slice $n (status $st) after $total executions"
    exit 1
  fi
done
echo "fuzz: $total executions in $n processes over $seconds s: no crash, no timeout, no out-of-memory"
