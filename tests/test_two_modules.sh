#!/bin/sh
# Two compiled modules linked into one C host (tests/two_modules/): both
# define the same Python names, and each module's exported symbols carry the
# module's name (asyncc_alpha_init, asyncc_beta_2_new_work, ...), so they
# link side by side and run on one loop.  The expected output is what
# CPython prints for the same program (driver.py under the reference runner
# with the virtual clock).  Built with gcc (sanitizers) and clang.
set -u
cd "$(dirname "$0")/.." || exit 2
src=tests/two_modules
out=build/two-modules-test
mkdir -p "$out"
fail=0
for m in alpha beta-2; do
  build/asyncc emit "$src/$m.py" -o "$out/$m.c" --header "$out/$m.h" || exit 1
done
ASYNCC_CLOCK=virtual python3 tests/ref/asyncc_ref.py "$src/driver.py" > "$out/expected.out" ||
  { echo "FAIL two modules: the CPython oracle failed"; exit 1; }
for cc in gcc clang; do
  extra=""
  [ "$cc" = gcc ] && extra="-fsanitize=address,undefined -fno-omit-frame-pointer"
  if ! $cc -std=c99 -Wall -Wextra -Werror -O1 -g $extra -DASYNCC_NO_MAIN -Iruntime -I"$out" \
      "$out/alpha.c" "$out/beta-2.c" "$src/host.c" runtime/rt_*.c -lm -o "$out/host-$cc"; then
    echo "FAIL two modules: build with $cc"; fail=1; continue
  fi
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1 "$out/host-$cc" > "$out/host-$cc.out" 2> "$out/host-$cc.err" &&
     [ ! -s "$out/host-$cc.err" ] && cmp -s "$out/host-$cc.out" "$out/expected.out"; then
    echo "PASS two modules ($cc)"
  else
    echo "FAIL two modules ($cc)"; diff "$out/host-$cc.out" "$out/expected.out" | head -20; head -20 "$out/host-$cc.err"; fail=1
  fi
done
exit $fail
