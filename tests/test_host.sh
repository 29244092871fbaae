#!/bin/sh
# The host sample (samples/host/): a C program with its own main loop runs
# compiled coroutines through runtime/asyncc.h.  Its expected output is
# hand-checked (the host is C, so CPython cannot be the oracle): see the
# comments in samples/host/host.out.expected-notes.
# Built with gcc and clang, with the sanitizers, and the generated host
# header plus runtime/asyncc.h are compiled as C++ too.
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/host-test
mkdir -p "$out"
fail=0
build/asyncc emit samples/host/sensors.py -o "$out/sensors.c" --header "$out/sensors.h" || exit 1
for cc in gcc clang; do
  extra=""
  [ "$cc" = gcc ] && extra="-fsanitize=address,undefined -fno-omit-frame-pointer"
  if ! $cc -std=c99 -Wall -Wextra -Werror -O1 -g $extra -DASYNCC_NO_MAIN -Iruntime -I"$out" \
      "$out/sensors.c" samples/host/host.c runtime/rt_*.c -lm -o "$out/host-$cc"; then
    echo "FAIL host: build with $cc"; fail=1; continue
  fi
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/host-$cc" > "$out/host-$cc.out" 2> "$out/host-$cc.err" &&
     [ ! -s "$out/host-$cc.err" ] && cmp -s "$out/host-$cc.out" samples/host/host.out; then
    echo "PASS host ($cc)"
  else
    echo "FAIL host ($cc)"; diff "$out/host-$cc.out" samples/host/host.out | head -20; head -20 "$out/host-$cc.err"; fail=1
  fi
done
# the embedding header and the generated host header compile as C++
printf '#include "sensors.h"\nint main() { asyncc_loop *L = asyncc_open(); asyncc_close(L); return 0; }\n' > "$out/cxx.cc"
if g++ -std=c++11 -Wall -Wextra -Werror -Iruntime -I"$out" -c "$out/cxx.cc" -o "$out/cxx.o"; then
  echo "PASS host (headers as C++)"
else
  echo "FAIL host (headers as C++)"; fail=1
fi
exit $fail
