# An event bus of async handlers (closures made in loops, bound through defaults), a retry decorator
# with an async *args/**kwargs wrapper, partial callbacks and a scoreboard sorted by lambda keys.
import asyncio
from functools import partial

handlers = []


def on(event):
    def register(fn):
        handlers.append((event, fn))
        return fn
    return register


def retry(times, delay=0.01):
    def deco(fn):
        async def wrapper(*args, **kwargs):
            for attempt in range(1, times + 1):
                try:
                    return await fn(*args, **kwargs)
                except ValueError as e:
                    print(f"  attempt {attempt} of {fn.__name__} failed: {e}")
                    await asyncio.sleep(delay * attempt)
            return -1
        return wrapper
    return deco


state = {"calls": 0}


@retry(3)
async def flaky(x, *, scale=1):
    state["calls"] += 1
    await asyncio.sleep(0.01)
    if state["calls"] % 3 != 0:
        raise ValueError(f"call {state['calls']}")
    return x * scale


async def pause(delay, label):
    await asyncio.sleep(delay)
    return label


async def emit(event, payload):
    results = []
    for name, h in handlers:
        if name == event:
            results.append(await h(payload))
    return results


def make_scorer(name, weight):
    total = 0

    async def score(points):
        nonlocal total
        await asyncio.sleep(0.01 * weight)
        total += points * weight
        return (name, total)

    return score


async def main():
    for name, weight in [("alice", 2), ("bob", 3)]:
        on("score")(make_scorer(name, weight))
    print(await emit("score", 5), await emit("score", 1), await emit("none", 0))
    print(await flaky(7, scale=3), await flaky(2), state)
    log = []
    callbacks = []
    tick = partial(pause, 0.05, "tick")
    for i in range(3):
        async def job(i=i):
            await tick()
            log.append(i * i)
            return i
        callbacks.append(job)
    done = await asyncio.gather(*[cb() for cb in callbacks])
    board = {"ann": (3, 9.5), "bob": (5, 7.0), "cy": (3, 8.25)}
    ranked = sorted(board, key=lambda n: (-board[n][0], -board[n][1]))
    best = max(board.items(), key=lambda kv: kv[1][1])
    print(done, log, ranked, best, min(board, key=lambda n: board[n][1]))


asyncio.run(main())
