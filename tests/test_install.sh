#!/bin/sh
# make install into a temporary prefix, then use only the installed files:
# the installed asyncc builds a sample from outside the source tree, a C host
# links the runtime with pkg-config, the man page shows the CLI, and the
# installed Python module runs the host example and a builtins-spelling
# sample under CPython.
set -u
cd "$(dirname "$0")/.." || exit 2
root=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
make --no-print-directory install PREFIX="$tmp/prefix" >/dev/null || { echo "FAIL install: make install"; exit 1; }
mkdir -p "$tmp/work"
cp samples/hello.py samples/host/sensors.py samples/host/host.c "$tmp/work/"
cd "$tmp/work" || exit 1
# the installed compiler finds its runtime in PREFIX/share/asyncc
if PATH="$tmp/prefix/bin:/usr/bin:/bin" asyncc build hello.py -o hello && [ "$(./hello)" = "hello, world" ]; then
  echo "PASS install: installed asyncc builds a sample"
else
  echo "FAIL install: installed asyncc build"; fail=1
fi
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig"
if "$tmp/prefix/bin/asyncc" emit sensors.py -o sensors.c --header sensors.h &&
   cc -std=c99 -Wall -Wextra -Werror -DASYNCC_NO_MAIN $(pkg-config --cflags asyncc) -I. sensors.c host.c \
      $(pkg-config --libs asyncc) -o host && ./host | cmp -s - "$root/samples/host/host.out"; then
  echo "PASS install: host links the runtime with pkg-config"
else
  echo "FAIL install: pkg-config build of the host sample"; fail=1
fi
pymod="$tmp/prefix/share/asyncc/python"
cp "$root/samples/hello_builtins.py" "$root/samples/hello_builtins.out" "$root/samples/host/host.py" .
if [ -f "$pymod/asyncc/__init__.py" ] && [ -f "$pymod/asyncc/__main__.py" ] &&
   PYTHONPATH="$pymod" ASYNCC_CLOCK=virtual python3 sensors.py > sensors.cpython 2>&1 &&
   grep -q "^fetch_all -> \['value-a', 'value-bad', 'value-b'\]$" sensors.cpython &&
   PYTHONPATH="$pymod" python3 host.py | cmp -s - "$root/samples/host/host.out" &&
   PYTHONPATH="$pymod" python3 -m asyncc hello_builtins.py | cmp -s - hello_builtins.out &&
   ! grep -rq "$root" "$pymod"; then
  echo "PASS install: Python module in share/asyncc/python runs sensors.py, host.py and python3 -m asyncc"
else
  echo "FAIL install: Python module"; head -5 sensors.cpython 2>/dev/null; fail=1
fi
man1="$tmp/prefix/share/man/man1/asyncc.1"
if command -v man >/dev/null 2>&1; then
  page=$(MANPATH="$tmp/prefix/share/man" MANPAGER=cat man asyncc 2>/dev/null)
else
  page=$(cat "$man1")
fi
if echo "$page" | grep -q "emit" && echo "$page" | grep -q "build" && echo "$page" | grep -q "check"; then
  echo "PASS install: man page"
else
  echo "FAIL install: man page"; fail=1
fi
exit $fail
