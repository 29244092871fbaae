# The builtins spelling: run(c1, c2, ...) runs the coroutines concurrently
# and returns c1's result; sleep without an import.


async def count(name: str, n: int, period: float) -> int:
    total: int = 0
    for i in range(n):
        await sleep(period)
        total += i
        print(name, i)
    print(name, "done")
    return total


async def first() -> str:
    await sleep(0.35)
    print("first finishes")
    return "first result"


r: str = run(first(), count("x", 4, 0.1), count("y", 2, 0.2))
print("run returned", r)
print("single", run(count("solo", 3, 0)))
