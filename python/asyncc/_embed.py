"""HostLoop: a Python host drives coroutines as a C host does through
runtime/asyncc.h (asyncc_open, asyncc_spawn, asyncc_step, push_event,
frame_tick, asyncc_result), so a host can be prototyped -- and the C
runtime's embedding behaviour checked -- under CPython.

The loop is a VirtualEventLoop whose clock the host sets; step() runs
what is ready at the current time, round by round as the event loop does,
and never waits."""
import asyncio
from asyncio import events

from asyncc._clock import VirtualEventLoop
from asyncc._host import frame_tick, push_event

IDLE, READY, TIMER, WAITING = 0, 1, 2, 3     # the values of asyncc.h


class HostLoop:
    def __init__(self):
        self.loop = VirtualEventLoop()
        self.tasks = []

    def set_time(self, now):
        """The host's clock (never moves backward)."""
        self.loop._vtime = max(self.loop._vtime, float(now))

    def spawn(self, coro):
        task = self.loop.create_task(coro)
        self.tasks.append(task)
        return task

    def _due(self):
        sched = self.loop._scheduled
        return bool(sched) and sched[0]._when <= self.loop.time()

    def step(self):
        """Run everything ready now; returns (status, next deadline or None)."""
        events._set_running_loop(self.loop)
        try:
            while self.loop._ready or self._due():
                self.loop._run_once()
        finally:
            events._set_running_loop(None)
        if all(t.done() for t in self.tasks):
            return IDLE, None
        live = [h for h in self.loop._scheduled if not h.cancelled()]
        if live:
            return TIMER, min(h.when() for h in live)
        return WAITING, None

    def push_event(self, data):
        push_event(data, loop=self.loop)

    def frame_tick(self):
        frame_tick(loop=self.loop)

    def close(self):
        """Close the loop; tasks still pending are abandoned."""
        self.loop.close()
