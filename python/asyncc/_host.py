"""receive()/frame() with their host side, and the host-function
decorators (see the package docstring, parts 1 and 3)."""
import asyncio
import collections
import inspect
import weakref

class _HostChannel:
    """Per-loop events and frame waiters (the loop's fields in the C runtime)."""

    def __init__(self):
        self.events = collections.deque()     # pushed, nobody waiting yet
        self.receivers = collections.deque()  # futures, longest waiting first
        self.frame_waiters = []


_channels = weakref.WeakKeyDictionary()  # event loop -> _HostChannel


def _channel(loop=None):
    if loop is None:
        loop = asyncio.get_running_loop()
    ch = _channels.get(loop)
    if ch is None:
        ch = _channels[loop] = _HostChannel()
    return ch


def _deliver(ch, data, front):
    while ch.receivers:
        fut = ch.receivers.popleft()
        if not fut.done():
            fut.set_result(data)
            return
    if front:
        ch.events.appendleft(data)
    else:
        ch.events.append(data)


def push_event(data, loop=None):
    """Host side of receive(): what asyncc_push_event does in C."""
    if not isinstance(data, str):
        raise TypeError(f"push_event() needs a str, got {type(data).__name__}")
    _deliver(_channel(loop), data, front=False)


def frame_tick(loop=None):
    """Host side of frame(): resume every coroutine waiting in frame()."""
    ch = _channel(loop)
    waiters, ch.frame_waiters = ch.frame_waiters, []
    for fut in waiters:
        if not fut.done():
            fut.set_result(None)


async def receive():
    """Builtins-spelling receive(): the next event the host pushes (a str)."""
    ch = _channel()
    if ch.events:
        return ch.events.popleft()
    fut = asyncio.get_running_loop().create_future()
    ch.receivers.append(fut)
    try:
        return await fut
    except asyncio.CancelledError:
        # cancelled after the event was handed over: it must not be lost
        if fut.done() and not fut.cancelled():
            _deliver(ch, fut.result(), front=True)
        raise


async def frame():
    """Builtins-spelling frame(): wait for the host's next frame tick."""
    fut = asyncio.get_running_loop().create_future()
    _channel().frame_waiters.append(fut)
    await fut


# ---------------------------------------------------------------------------
# host-function decorators
# ---------------------------------------------------------------------------

def host(fn):
    """@asyncc.host: a plain function the C host provides (fallback body)."""
    if inspect.iscoroutinefunction(fn):
        raise TypeError(f"@asyncc.host function {fn.__name__!r} is an async def; "
                        "use @asyncc.deferred for async ones")
    if not inspect.isfunction(fn):
        raise TypeError("only functions can be host functions")
    fn.__asyncc_host__ = "host"
    return fn


def deferred(fn):
    """@asyncc.deferred: an async def the C host completes later."""
    if not inspect.iscoroutinefunction(fn):
        raise TypeError(f"@asyncc.deferred function {getattr(fn, '__name__', fn)!r} "
                        "must be an async def")
    fn.__asyncc_host__ = "deferred"
    return fn
