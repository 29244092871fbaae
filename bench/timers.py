# timers: N tasks sleeping pseudo-random durations in [0, 0.5) s.
# The durations come from a 31-bit LCG (whole microseconds), so CPython, asyncc
# and bench/baseline/timers.c agree.  Each task appends its index to `order`
# when it wakes; the order is printed on one line and checked by bench/run.py.
import asyncio

N: int = 100000
SEED: int = 12345

order: list[int] = []


async def sleeper(i: int, d: float) -> None:
    await asyncio.sleep(d)
    order.append(i)


async def main() -> None:
    state: int = SEED
    durations: list[float] = []
    for _ in range(N):
        state = (state * 1103515245 + 12345) % 2147483648
        durations.append((state % 500000) / 1000000.0)
    await asyncio.gather(*[sleeper(i, durations[i]) for i in range(N)])
    print(len(order))
    print(" ".join([str(x) for x in order]))


asyncio.run(main())
