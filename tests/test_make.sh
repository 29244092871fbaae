#!/bin/sh
# samples/Makefile builds every sample with plain make, also with -j, and
# the -MD dependency files make an edit of a .py rebuild only its program.
set -u
cd "$(dirname "$0")/.." || exit 2
out=build/samples-make-test
rm -rf "$out"
fail=0
make --no-print-directory -C samples OUT="../$out" -j4 >"$out.log" 2>&1 || { echo "FAIL make: samples/Makefile -j4"; tail -20 "$out.log"; exit 1; }
n=$(ls samples/*.py | wc -l)
built=$(ls "$out" | grep -vc '\.[cd]$')
if [ "$built" -ge "$n" ]; then echo "PASS make: $built programs with make -j4"; else echo "FAIL make: $built of $n built"; fail=1; fi
if [ "$("$out/hello")" = "hello, world" ]; then echo "PASS make: hello runs"; else echo "FAIL make: hello"; fail=1; fi
if grep -q "hello.py" "$out/hello.d"; then echo "PASS make: dependency file"; else echo "FAIL make: dependency file"; fail=1; fi
# nothing to do the second time
if make --no-print-directory -C samples OUT="../$out" -q; then echo "PASS make: up to date"; else echo "FAIL make: not up to date after a build"; fail=1; fi
exit $fail
