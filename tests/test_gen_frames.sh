#!/bin/sh
# A suspended generator or async generator costs no more than the coroutine
# with the same live locals (issue 16): `asyncc check --frame-sizes` of
# samples/gen_frame_size.py must give each a frame no larger than the
# coroutine's.  (The
# object around the frame is smaller too: a 24-byte ac_gen header against a
# task's 40.)
set -u
cd "$(dirname "$0")/.." || exit 2
src=samples/gen_frame_size.py
sizes=$(build/asyncc check --frame-sizes "$src") || { echo "FAIL gen-frames: check failed"; exit 1; }
g=$(echo "$sizes" | sed -n 's/.*def (generator) gen: frame \([0-9]*\) bytes.*/\1/p')
c=$(echo "$sizes" | sed -n 's/.*async def coro: frame \([0-9]*\) bytes.*/\1/p')
a=$(echo "$sizes" | sed -n 's/.*async def (async generator) agen: frame \([0-9]*\) bytes.*/\1/p')
if [ -z "$g" ] || [ -z "$c" ] || [ -z "$a" ]; then
  echo "FAIL gen-frames: --frame-sizes did not list the three frames:"
  echo "$sizes"
  exit 1
fi
if [ "$g" -gt "$c" ]; then
  echo "FAIL gen-frames: generator frame $g bytes > coroutine frame $c bytes"
  exit 1
fi
if [ "$a" -gt "$c" ]; then
  echo "FAIL gen-frames: async generator frame $a bytes > coroutine frame $c bytes"
  exit 1
fi
echo "PASS gen-frames: generator frame $g bytes, async generator frame $a bytes, coroutine frame $c bytes"
