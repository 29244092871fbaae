"""The builtins spelling on top of asyncio (see the package docstring,
part 1): run, sleep, gather, with_timeout, cancel."""
import asyncio
import ctypes
import inspect
import weakref

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
    if inspect.getcoroutinestate(driver.coro) == inspect.CORO_CREATED:
        # the task may never step far enough to close it: close it now
        # (runs none of its code; no "never awaited" warning at exit)
        driver.coro.close()
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
    # every error is retrieved, not only the first: the others are dropped
    # silently (no "exception was never retrieved" report, as compiled)
    errors = [None if t.cancelled() else t.exception() for t in tasks]
    for e in errors:
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
