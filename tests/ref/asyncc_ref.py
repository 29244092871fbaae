#!/usr/bin/env python3
"""asyncc reference runner: run an asyncc program under CPython.

Usage:  python3 tests/ref/asyncc_ref.py prog.py [args...]
        ASYNCC_CLOCK=virtual python3 tests/ref/asyncc_ref.py prog.py

prog.py runs as ``__main__`` (through runpy), with ``sys.argv == [prog.py,
args...]``, its own directory first on sys.path and ``tests/ref`` after it
(so ``import asyncc`` finds the stub module).  An uncaught exception prints
CPython's traceback and exits 1, exactly as ``python3 prog.py`` would.

This module is the test oracle for the brief's sections 4.2 and 4.3.  It adds
two things to plain CPython.

1. The builtins spelling (brief 4.2)
------------------------------------
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
* ``receive()`` and ``frame()`` raise NotImplementedError (later issue).

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

2. The virtual clock (brief 4.3)
--------------------------------
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
  implements ("ties in the order they were set", brief 4.1).

Without the variable (or with ``ASYNCC_CLOCK=monotonic``) the stock event
loop and the real monotonic clock are used.
"""

import asyncio
import builtins
import ctypes
import heapq
import inspect
import itertools
import os
import runpy
import selectors
import sys
import weakref
from asyncio import events

__all__ = ["VirtualEventLoop", "install_virtual_clock", "install_builtins",
           "main"]

# ---------------------------------------------------------------------------
# virtual clock
# ---------------------------------------------------------------------------

_timer_seq = itertools.count()


class _SeqTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (deadline, insertion sequence): FIFO ties."""

    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(_timer_seq)

    def __lt__(self, other):
        if self._when != other._when:
            return self._when < other._when
        return self._seq < getattr(other, "_seq", -1)

    def __le__(self, other):
        return self == other or self.__lt__(other)

    def __gt__(self, other):
        return not self.__le__(other)

    def __ge__(self, other):
        return not self.__lt__(other)

    __hash__ = events.TimerHandle.__hash__


class _VirtualSelector(selectors.DefaultSelector):
    """A selector whose select(timeout) advances virtual time, never waits."""

    loop = None

    def select(self, timeout=None):
        if timeout is None:
            # nothing ready, no timer: block for real, as CPython would
            return super().select(None)
        events_ = super().select(0)
        if not events_ and timeout > 0:
            loop = self.loop
            if loop is not None and loop._scheduled:
                when = loop._scheduled[0]._when
                if when > loop._vtime:
                    loop._vtime = when
            elif loop is not None:
                loop._vtime += timeout
        return events_


class VirtualEventLoop(asyncio.SelectorEventLoop):
    """SelectorEventLoop on a virtual clock (see the module docstring)."""

    def __init__(self):
        self._vtime = _virtual_now[0]      # one clock per process, as in C
        sel = _VirtualSelector()
        super().__init__(sel)
        sel.loop = self
        self._clock_resolution = 1e-9

    def time(self):
        return self._vtime

    def close(self):
        _virtual_now[0] = self._vtime
        super().close()

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _SeqTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


class _VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualEventLoop


def install_virtual_clock():
    """Make every new event loop (asyncio.run, run()) a VirtualEventLoop."""
    asyncio.set_event_loop_policy(_VirtualPolicy())
    install_virtual_time()


# ---------------------------------------------------------------------------
# the time module on the virtual clock
# ---------------------------------------------------------------------------

# The process's virtual time outside a running loop; a VirtualEventLoop
# starts from it and leaves its own time there when closed (the C runtime
# keeps one clock for the whole program).
_virtual_now = [0.0]


def _running_virtual_loop():
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop if isinstance(loop, VirtualEventLoop) else None


def _virtual_time():
    loop = _running_virtual_loop()
    return loop._vtime if loop else _virtual_now[0]


def _virtual_sleep(secs):
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    loop = _running_virtual_loop()
    if loop:
        loop._vtime += secs
    else:
        _virtual_now[0] += secs


def install_virtual_time():
    """time.time/monotonic/perf_counter read the virtual clock and
    time.sleep advances it without waiting, as the C runtime does under
    ASYNCC_CLOCK=virtual.  VirtualEventLoop.time() does not use them."""
    import time
    time.time = time.monotonic = time.perf_counter = _virtual_time
    time.sleep = _virtual_sleep


# ---------------------------------------------------------------------------
# builtins spelling
# ---------------------------------------------------------------------------

# Coroutines abandoned by a silent cancel.  They must never be finalised
# (finalising a suspended coroutine runs its finally blocks), so this list
# gets one extra reference that is never released.
_ABANDONED = []
try:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_ABANDONED))
except Exception:  # pragma: no cover - non-CPython
    pass

_task_of = weakref.WeakKeyDictionary()   # user coroutine -> driver task
_cancel_before_start = weakref.WeakSet()  # coroutines cancelled before start
_children = weakref.WeakKeyDictionary()  # owner task -> [child tasks]


class _Driver:
    """Trampoline between a Task and a user coroutine (see docstring)."""

    __slots__ = ("coro", "silent", "__weakref__")

    def __init__(self, coro):
        self.coro = coro
        self.silent = False

    def __await__(self):
        coro = self.coro
        if self.silent or coro in _cancel_before_start:
            coro.close()  # never started: closing runs nothing
            return None
        value, exc = None, None
        while True:
            try:
                if exc is not None:
                    yielded = coro.throw(exc)
                else:
                    yielded = coro.send(value)
            except StopIteration as stop:
                return stop.value
            exc = None
            try:
                value = yield yielded
            except BaseException as e:  # noqa: B902 - forwarded below
                if self.silent and isinstance(e, asyncio.CancelledError):
                    _ABANDONED.append(coro)
                    return None
                value, exc = None, e
            if self.silent:
                # woken normally, but cancelled meanwhile: stop here
                _ABANDONED.append(coro)
                return None


async def _drive(driver):
    return await driver


def _spawn(coro):
    """Wrap a user coroutine (or awaitable) in a driven task."""
    if isinstance(coro, asyncio.Future):
        return coro
    if not asyncio.iscoroutine(coro):
        raise TypeError(f"a coroutine was expected, got {coro!r}")
    if coro in _task_of:
        raise RuntimeError(f"coroutine {coro!r} is already running")
    driver = _Driver(coro)
    task = asyncio.get_running_loop().create_task(_drive(driver))
    task._asyncc_driver = driver
    _task_of[coro] = task
    owner = asyncio.current_task()
    if owner is not None:
        _children.setdefault(owner, []).append(task)
    return task


def _silent_cancel(task):
    if task.done():
        return
    driver = getattr(task, "_asyncc_driver", None)
    if driver is None:
        task.cancel()
        return
    driver.silent = True
    task.cancel()
    for child in _children.get(task, ()):
        _silent_cancel(child)


def cancel(c):
    """Silent cooperative cancel of coroutine c (see module docstring)."""
    task = _task_of.get(c)
    if task is not None:
        _silent_cancel(task)
        return None
    if asyncio.iscoroutine(c):
        state = inspect.getcoroutinestate(c)
        if state == inspect.CORO_CLOSED:
            return None  # finished: nothing to do
        if state == inspect.CORO_CREATED:
            _cancel_before_start.add(c)  # it will never start
            return None
        raise NotImplementedError(
            "asyncc_ref: cancel() of a coroutine awaited inline is not "
            "reproducible under CPython")
    if isinstance(c, asyncio.Future):
        _silent_cancel(c)
        return None
    raise TypeError(f"cancel() expects a coroutine, got {c!r}")


async def _wait_all(tasks):
    """Resume two loop rounds after the last task finishes (like gather)."""
    if not tasks:
        return
    loop = asyncio.get_running_loop()
    waiter = loop.create_future()
    remaining = [len(tasks)]

    def done(_t):
        remaining[0] -= 1
        if remaining[0] == 0 and not waiter.done():
            waiter.set_result(None)

    for t in tasks:
        t.add_done_callback(done)
    try:
        await waiter
    except asyncio.CancelledError:
        for t in tasks:
            t.cancel()
        raise


def _results(tasks):
    for t in tasks:
        if t.cancelled():
            continue
        e = t.exception()
        if e is not None:
            raise e
    return [None if t.cancelled() else t.result() for t in tasks]


async def gather(*cs):
    """Builtins-spelling gather (see module docstring)."""
    tasks = [_spawn(c) for c in cs]
    await _wait_all(tasks)
    return _results(tasks)


async def with_timeout(s, c):
    """Builtins-spelling with_timeout (see module docstring)."""
    loop = asyncio.get_running_loop()
    waiter = loop.create_future()

    def release(*_):
        if not waiter.done():
            waiter.set_result(None)

    handle = None if s is None else loop.call_later(s, release)
    task = _spawn(c)
    task.add_done_callback(release)
    try:
        await waiter
    except asyncio.CancelledError:
        task.cancel()
        raise
    finally:
        if handle is not None:
            handle.cancel()
    if task.done():
        if task.cancelled():
            return None
        return task.result()
    _silent_cancel(task)
    raise TimeoutError()


async def _run_all(cs):
    tasks = [_spawn(c) for c in cs]
    await _wait_all(tasks)
    return _results(tasks)[0] if tasks else None


def run(*cs):
    """Builtins-spelling run(c1, c2, ...): returns c1's result."""
    if not cs:
        raise TypeError("run() expects at least one coroutine")
    return asyncio.run(_run_all(cs))


def sleep(s):
    """Builtins-spelling sleep: ``await sleep(s)``."""
    return asyncio.sleep(s)


def receive():
    raise NotImplementedError("receive() is not implemented yet in asyncc_ref")


def frame():
    raise NotImplementedError("frame() is not implemented yet in asyncc_ref")


BUILTINS = {
    "run": run, "sleep": sleep, "gather": gather,
    "with_timeout": with_timeout, "cancel": cancel,
    "receive": receive, "frame": frame,
}


def install_builtins():
    for name, fn in BUILTINS.items():
        setattr(builtins, name, fn)


# ---------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        sys.stderr.write("usage: asyncc_ref.py prog.py [args...]\n")
        return 2
    prog = argv[0]
    if not os.path.exists(prog):
        sys.stderr.write(f"asyncc_ref.py: {prog}: no such file\n")
        return 2
    clock = os.environ.get("ASYNCC_CLOCK", "monotonic")
    if clock == "virtual":
        install_virtual_clock()
    elif clock != "monotonic":
        sys.stderr.write(f"asyncc_ref.py: unknown ASYNCC_CLOCK={clock!r}\n")
        return 2
    install_builtins()
    here = os.path.dirname(os.path.abspath(__file__))
    sys.argv = [prog] + list(argv[1:])
    sys.path[0:1] = [os.path.dirname(os.path.abspath(prog)), here]
    runpy.run_path(prog, run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
