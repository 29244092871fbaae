# A decorator (closure over the wrapped coroutine function) that logs calls and counts them; functools.wraps.
import asyncio
import functools

calls = {}


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        calls[fn.__name__] = calls.get(fn.__name__, 0) + 1
        print("->", fn.__name__, args, kwargs)
        result = await fn(*args, **kwargs)
        print("<-", fn.__name__, result)
        return result
    return wrapper


def retry(times):
    def deco(fn):
        async def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args)
                except ValueError as e:
                    print("attempt", attempt, "failed:", e)
            return None
        return wrapper
    return deco


@logged
async def add(a, b, delay=0.1):
    await asyncio.sleep(delay)
    return a + b


state = {"n": 0}


@retry(3)
async def flaky(x):
    state["n"] += 1
    await asyncio.sleep(0.01)
    if state["n"] < 3:
        raise ValueError(f"try {state['n']}")
    return x * 2


async def main():
    print(await asyncio.gather(add(1, 2), add("a", "b", delay=0.05)))
    print(await flaky(21), add.__name__, calls)


asyncio.run(main())
