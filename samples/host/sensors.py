# Host sample: the coroutines below run inside a C program's own main loop
# (host.c).  read_temp is an ordinary C function of the host; fetch is a
# deferred host call: the coroutine suspends until the host completes it.
# The bodies are the Python fallbacks (what CPython runs).
import asyncio
import asyncc


@asyncc.host
def read_temp(sensor: int) -> float:
    return 20.0 + sensor


@asyncc.deferred
async def fetch(key: str) -> str:
    await asyncio.sleep(0.1)
    return "value-" + key


async def sensor_loop(n: int) -> int:
    total = 0
    for i in range(n):
        msg = await receive()
        t = read_temp(i)
        print(f"event {msg!r} temp {t:.1f}")
        total += len(msg)
    return total


async def fetcher(key: str) -> str:
    try:
        v = await fetch(key)
        print("fetched", key, v)
        return v
    except ValueError as e:
        print("fetch failed", key, repr(e))
        return "?"


async def fetch_all() -> list[str]:
    return await gather(fetcher("a"), fetcher("bad"), fetcher("b"))


async def ticker(frames: int) -> int:
    for i in range(frames):
        await frame()
        print("tick", i)
    return frames


async def demo() -> None:
    print("read_temp(2) ->", read_temp(2))
    print("fetch_all ->", await fetch_all())


# Run as a script under CPython (PYTHONPATH=python python3 samples/host/sensors.py)
# the fallback bodies stand in for the host; embedded in host.c, __name__ is
# "sensors" and only the coroutines above are used.
if __name__ == "__main__":
    run(demo())
