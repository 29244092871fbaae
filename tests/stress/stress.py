# Seeded stress test (issue 5): N tasks with random sleeps, random cancels
# and random timeouts.  Every runner must end exactly once; the summary line
# is compared with CPython (reference runner, virtual clock) at N = 2,000 and
# checked for consistency at N = 100,000 under AddressSanitizer.
import asyncio

N: int = 2000
seed: int = 20261122
counts: list[int] = [0, 0, 0, 0]     # done, cancelled, timed out, failed
ends: list[int] = []


def rnd() -> int:
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed // 65536


async def job(i: int, d: float) -> int:
    await asyncio.sleep(d)
    if i % 97 == 0:
        raise ValueError(f"job {i}")
    await asyncio.sleep(d / 2)
    return i


async def runner(i: int, d: float, t: float, mode: int) -> None:
    try:
        if mode == 1:
            await asyncio.wait_for(job(i, d), t)
        else:
            await job(i, d)
        counts[0] += 1
    except asyncio.TimeoutError:
        counts[2] += 1
    except asyncio.CancelledError:
        counts[1] += 1
    except ValueError:
        counts[3] += 1
    finally:
        ends[i] += 1


async def main() -> None:
    tasks: list[asyncio.Task[None]] = []
    for i in range(N):
        ends.append(0)
        d = (rnd() % 1000) / 1000.0
        t = (rnd() % 1000) / 1000.0
        tasks.append(asyncio.create_task(runner(i, d, t, rnd() % 2)))
    for k in range(N // 10):
        await asyncio.sleep((rnd() % 100) / 10000.0)
        victim = rnd() % N
        tasks[victim].cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print("counts", counts, "total", sum(counts))
    print("ends", sum(ends), min(ends), max(ends))


asyncio.run(main())
