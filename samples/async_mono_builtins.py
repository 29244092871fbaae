# asyncc: clock=monotonic
# Real clock, builtins spelling: run(c1, c2, c3) with 10-50 ms sleeps, where
# only the order of wake-ups is checked.


async def step(name: str, delays: list[int]) -> int:
    for d in delays:
        await sleep(d / 1000)
        print(name, "after", d, "ms")
    return len(delays)


print(run(step("one", [30, 30]), step("two", [10, 40]), step("three", [40])))
