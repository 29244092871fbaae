# asyncc: clock=monotonic
# Real clock, builtins spelling: run(c1, c2) with 10-40 ms sleeps, where
# only the order of wake-ups is checked (they are 20 ms apart: 10, 30, 50,
# 70 ms, so a loaded machine does not reorder them).


async def step(name: str, delays: list[int]) -> int:
    for d in delays:
        await sleep(d / 1000)
        print(name, "after", d, "ms")
    return len(delays)


print(run(step("one", [30, 40]), step("two", [10, 40])))
