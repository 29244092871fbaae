# An asyncio.Barrier used for several rounds: parties meet each round, the last to arrive gets index parties-1, n_waiting shows the filling.
import asyncio


async def runner(name, barrier, rounds, log):
    for r in range(rounds):
        await asyncio.sleep(0.01 * (len(name) % 3))
        idx = await barrier.wait()
        log.append((r, name, idx))


async def watcher(barrier, seen):
    for _ in range(6):
        seen.append(barrier.n_waiting)
        await asyncio.sleep(0.005)


async def main():
    barrier = asyncio.Barrier(3)
    log = []
    seen = []
    await asyncio.gather(runner("a", barrier, 3, log), runner("bb", barrier, 3, log), runner("ccc", barrier, 3, log),
                         watcher(barrier, seen))
    for r in range(3):
        print("round", r, sorted((name, idx) for rr, name, idx in log if rr == r))
    print("n_waiting samples", seen, "broken", barrier.broken, "parties", barrier.parties)


asyncio.run(main())
