"""The virtual clock (see the package docstring, part 2)."""
import asyncio
import heapq
import itertools
import os
import selectors
import sys
from asyncio import events

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


def clock_from_env():
    """Apply ASYNCC_CLOCK as a compiled program does (unknown value: exit 2)."""
    clock = os.environ.get("ASYNCC_CLOCK", "")
    if clock == "virtual":
        install_virtual_clock()
    elif clock not in ("", "monotonic"):
        sys.stderr.write(f"asyncc: unknown ASYNCC_CLOCK={clock} "
                         "(expected virtual or monotonic)\n")
        raise SystemExit(2)
