#!/bin/sh
# Make integration.
#  1. The Makefile that README.md shows, extracted as written, builds a
#     program with an installed asyncc (PATH and PKG_CONFIG_PATH pointing
#     into a temporary prefix); after an edit of the .py, plain `make`
#     rebuilds the program (the default goal is `all`, not a target of an
#     included .d file), and then everything is up to date.
#  2. samples/Makefile builds samples with make -j4 and its -MD dependency
#     files leave nothing to do the second time.  A few samples by default,
#     every sample with --full (make check-full).
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
full=0
[ "${1:-}" = --full ] && full=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "PASS make: $1"; }
no() { echo "FAIL make: $1"; fail=1; }

# ---- 1. the README snippet --------------------------------------------------
awk '/^## Make integration/ { sec = 1; next }
     /^## / { sec = 0 }
     sec && /^```make$/ { inblock = 1; next }
     inblock && /^```$/ { exit }
     inblock { print }' README.md > "$tmp/Makefile"
if ! grep -q 'asyncc emit' "$tmp/Makefile"; then
  no "no \`\`\`make block in README's Make integration section"
elif ! make --no-print-directory install PREFIX="$tmp/prefix" > "$tmp/install.log" 2>&1; then
  no "make install"; tail -5 "$tmp/install.log"
else
  mkdir -p "$tmp/proj"
  cp "$tmp/Makefile" "$tmp/proj/Makefile"
  printf 'print("hello, world")\n' > "$tmp/proj/prog.py"
  export PATH="$tmp/prefix/bin:$PATH" PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
  cd "$tmp/proj" || exit 2
  if make > build1.log 2>&1 && [ "$(./prog)" = "hello, world" ]; then
    ok "README's Makefile builds prog"
  else
    no "README's Makefile: first build"; tail -10 build1.log
  fi
  # an edit, then plain `make` again: the .d file is included by now
  sleep 1
  printf 'print("hello, again")\n' > prog.py
  if make > build2.log 2>&1 && [ "$(./prog 2>/dev/null)" = "hello, again" ]; then
    ok "after an edit of prog.py, plain make rebuilds prog"
  else
    no "after an edit of prog.py, plain make did not rebuild prog (default goal?)"; tail -10 build2.log
  fi
  if make -q 2>/dev/null; then ok "README's Makefile: up to date after a build"
  else no "README's Makefile: not up to date after a build"; fi
  cd "$root" || exit 2
fi

# ---- 2. samples/Makefile with -j -------------------------------------------
out=build/samples-make-test
rm -rf "$out"
if [ $full = 1 ]; then
  srcs=$(cd samples && ls *.py | tr '\n' ' ')
else
  srcs="hello.py exceptions.py async_worker_sum.py gather_nested.py timeout_nested.py cancel_many.py"
fi
n=$(echo $srcs | wc -w)
if ! make --no-print-directory -C samples OUT="../$out" SRCS="$srcs" -j4 > "$tmp/samples.log" 2>&1; then
  no "samples/Makefile -j4"; tail -20 "$tmp/samples.log"; exit 1
fi
built=$(ls "$out" | grep -vc '\.[cd]$')
if [ "$built" -ge "$n" ]; then ok "samples/Makefile: $built programs with make -j4"; else no "samples/Makefile: $built of $n built"; fi
if [ "$("$out/hello")" = "hello, world" ]; then ok "samples/Makefile: hello runs"; else no "samples/Makefile: hello"; fi
if grep -q "hello.py" "$out/hello.d"; then ok "samples/Makefile: dependency file"; else no "samples/Makefile: dependency file"; fi
if make --no-print-directory -C samples OUT="../$out" SRCS="$srcs" -q; then ok "samples/Makefile: up to date"
else no "samples/Makefile: not up to date after a build"; fi
exit $fail
