"""asyncc -- the Python side of asyncc: run asyncc programs under CPython.

A program written for the asyncc compiler runs unchanged under CPython with
this package on ``sys.path`` (``make install`` puts it in
``PREFIX/share/asyncc/python``; in a source tree it is ``python/``):

    PYTHONPATH=python python3 samples/host/sensors.py     # a file that imports asyncc
    PYTHONPATH=python python3 -m asyncc prog.py [args]    # any asyncc program
    ASYNCC_CLOCK=virtual PYTHONPATH=python python3 -m asyncc prog.py

``import asyncc`` (or ``python3 -m asyncc``, which runs prog.py as
``__main__`` exactly as ``python3 prog.py`` would, uncaught exception ->
CPython's traceback and exit status 1) does three things:

* installs the builtins spelling -- ``run``, ``sleep``, ``gather``,
  ``with_timeout``, ``cancel``, ``receive``, ``frame`` -- into ``builtins``,
  so a program can call them without any import, as the compiler accepts;
* with ``ASYNCC_CLOCK=virtual`` in the environment, makes every new event
  loop run on the virtual clock, the one a compiled program selects with the
  same variable (``monotonic`` or unset: the real clock);
* provides the host-function decorators ``@asyncc.host`` and
  ``@asyncc.deferred``.  Under CPython the decorated function's own body
  (the fallback) is what runs; the compiler instead calls the C host.

This module is also the project's test oracle: the expected output of every
sample comes from it (tests/run_samples.py), so the rules below are the
precise specification the C runtime is checked against.

1. The builtins spelling (Edge Python semantics)
------------------------------------------------
``run``, ``sleep``, ``gather``, ``with_timeout``, ``cancel``, ``receive`` and
``frame`` are installed into ``builtins`` so a program can use them without
any import.  They are written on top of asyncio:

* ``run(c1, c2, ...)`` starts one event loop (``asyncio.run``, so the virtual
  clock applies), wraps every ci in a task (in argument order), waits until
  ALL of them have terminated, then raises the first error in argument order,
  else returns c1's result.  (Edge Python only says "runs them concurrently
  and returns the first argument's result"; waiting for all of them and
  reporting errors like gather is our reading -- provisional.)
* ``sleep(s)`` is ``asyncio.sleep(s)`` (``sleep(0)`` yields one loop round,
  negative delays act as 0).  It must be awaited.
* ``gather(*cs)`` wraps each ci in a task (argument order), waits until every
  child has terminated, then raises the first error in ARGUMENT order, else
  returns the list of results.  Survivors are not cancelled when a peer
  fails.  The parent resumes exactly as with ``asyncio.gather``: the last
  child's done-callback runs one loop round after it finishes, and the parent
  runs one round after that.  ``gather()`` gives ``[]`` without suspending.
* ``with_timeout(s, c)`` wraps c in a task; the timeout timer is set BEFORE
  c first runs, so when c's own timer has exactly the same deadline the
  timeout wins (as with ``asyncio.wait_for``).  On timeout c is cancelled
  silently (as ``cancel(c)``) and TimeoutError is raised; otherwise c's
  result is returned or its error re-raised.
* ``cancel(c)`` -- silent, cooperative cancel.  c stops at its next
  scheduling point and none of its code runs again: no ``except``, no
  ``finally``.  Tasks started from inside c (its gathers, with_timeouts)
  are cancelled silently too, since c's frame owns them.  A silently
  cancelled coroutine's result, as seen by gather/run, is None (provisional).
  ``cancel`` of a finished coroutine does nothing; of a coroutine not started
  yet, it never starts.
* ``receive()`` returns the next event a host pushed (a str): the longest
  waiting receiver gets it, and events pushed while nobody waits are queued
  (then ``receive()`` returns at once, without suspending).  ``frame()``
  waits for the next frame tick; a tick resumes every coroutine waiting in
  ``frame()`` at that moment, and a tick nobody waits for is lost.  Under
  CPython the host is Python code running in the same event loop:
  ``asyncc.push_event(data)`` and ``asyncc.frame_tick()`` are what the C
  functions ``asyncc_push_event`` and ``asyncc_frame_tick`` do.  A program
  that waits for events no host pushes waits forever, as it would compiled.

How silent cancel is reproduced, and where CPython differs from Edge/asyncc:
every coroutine that the builtins turn into a task is driven by a small
trampoline (``_Driver``) that forwards each ``send``/``throw`` to the user's
coroutine.  When the task is cancelled silently, the trampoline swallows the
CancelledError and does NOT forward it, so the user's coroutine is never
resumed.  A suspended coroutine that is garbage collected would be closed by
CPython (GeneratorExit, which WOULD run its ``finally`` blocks), so abandoned
coroutines are parked in a list that is deliberately leaked (one extra
reference through ``ctypes.pythonapi.Py_IncRef``) and never finalised, not
even at interpreter exit.  Remaining differences:
  - timing: CPython's ``Task.cancel`` takes one loop round to deliver the
    cancellation (the task is woken with CancelledError in the next
    iteration) and the task's done-callbacks one more round; the C runtime
    may finish a cancelled coroutine immediately.  Output order only differs
    for programs where another task prints in exactly those rounds;
  - ``cancel(c)`` where c is awaited inline (``await c`` rather than being
    driven by run/gather/with_timeout) cannot be stopped separately from its
    awaiter in CPython: NotImplementedError is raised;
  - memory of abandoned coroutines is never released here (the C runtime
    releases the frame).
Samples whose output depends on these differences must say so in a comment
and carry ``# asyncc: no-oracle <reason>`` with hand-checked expectations.

2. The virtual clock
--------------------
With ``ASYNCC_CLOCK=virtual`` in the environment every event loop created
through the policy (so ``asyncio.run``, ``run``, ``asyncio.new_event_loop``)
is a ``VirtualEventLoop``:

* ``time.time()``, ``time.monotonic()`` and ``time.perf_counter()`` read the
  virtual clock and ``time.sleep(s)`` advances it without waiting
  (``install_virtual_time``), as the C runtime's ``time`` module does.  The
  process has one virtual clock: a loop starts where the previous one (or
  ``time.sleep`` outside a loop) left it, as the C runtime's single loop.
* ``loop.time()`` starts at 0.0 and only moves when the loop would block:
  instead of waiting ``timeout`` seconds in ``select`` the clock jumps
  straight to the earliest pending timer deadline (``now + delay`` computed
  in float seconds by ``call_later``, exactly as CPython computes it).  No
  real waiting happens.  If nothing is ready and no timer is pending, the
  loop blocks for real (as CPython would: such a program hangs).
* ``loop._clock_resolution = 1e-9``; one loop iteration is exactly CPython's
  ``_run_once``:
    1. if nothing is ready, advance the clock to the earliest deadline;
    2. move every timer whose deadline is < now + 1e-9 to the END of the
       ready queue, in (deadline, insertion order) order -- so near-ties
       (0.1+0.2 vs 0.3) fire in the same round, the smaller deadline first,
       and the clock reads the earliest of them;
    3. run exactly the callbacks that were ready at that point (callbacks
       they schedule run in the next iteration).
* Ties: timers with EQUAL deadlines fire in the order they were set.  Plain
  CPython does not guarantee that: its timer heap compares deadlines only
  and ``heapq`` is not stable (measured: 12 equal-deadline timers set in
  order 0..39 pop as 2, 5, 6, 3, 4, 10, ...).  Under the real clock exact
  ties practically never happen, but under a virtual clock they are the
  common case, so ``VirtualEventLoop.call_at`` creates timer handles that
  compare by (deadline, sequence number).  This is the order the C runtime
  implements (ties in the order they were set, as documented for asyncio).

Without the variable (or with ``ASYNCC_CLOCK=monotonic``) the stock event
loop and the real monotonic clock are used; any other value is an error
(exit status 2), as in a compiled program.

3. Host functions
-----------------
``@asyncc.host`` marks a plain ``def`` that the embedding C program
provides; ``@asyncc.deferred`` an ``async def`` whose call the host
completes later.  Both return the function unchanged (marked with
``__asyncc_host__``), so under CPython the body is the fallback and a
traceback through it looks as without the decorator.  A Python host that
wants other implementations assigns them to the module's globals, which is
where the calls look them up.  Misuse is a TypeError, matching the
compiler's errors (``host`` on an ``async def``, ``deferred`` on a plain
``def``).

``asyncc.HostLoop`` is the Python twin of the C embedding API
(runtime/asyncc.h): spawn coroutines, ``step()`` from the host's own main
loop, push events, tick frames, set the host's clock.  samples/host/host.py
drives samples/host/sensors.py with it and prints what host.c prints.
"""

import builtins

from asyncc._clock import VirtualEventLoop, clock_from_env, install_virtual_clock
from asyncc._embed import IDLE, READY, TIMER, WAITING, HostLoop
from asyncc._host import deferred, frame, frame_tick, host, push_event, receive
from asyncc._runner import main
from asyncc._spelling import cancel, gather, run, sleep, with_timeout

__all__ = ["run", "sleep", "gather", "with_timeout", "cancel", "receive",
           "frame", "host", "deferred", "push_event", "frame_tick",
           "HostLoop", "IDLE", "READY", "TIMER", "WAITING", "VirtualEventLoop", "install_virtual_clock", "install_builtins",
           "main"]

BUILTINS = {
    "run": run, "sleep": sleep, "gather": gather,
    "with_timeout": with_timeout, "cancel": cancel,
    "receive": receive, "frame": frame,
}


def install_builtins():
    for name, fn in BUILTINS.items():
        setattr(builtins, name, fn)


install_builtins()
clock_from_env()
