# Builtins run(c1, c2, c3): all three run concurrently, run waits for all of
# them and returns c1's result, even when c1 ends first.


async def leg(name: str, n: int, d: float) -> str:
    for i in range(n):
        await sleep(d)
        print(name, "lap", i)
    return name + " finished " + str(n)


async def short() -> str:
    await sleep(0.05)
    print("short is done first")
    return "short's result"


print(run(short(), leg("x", 3, 0.1), leg("y", 2, 0.15)))
print(run(leg("z", 2, 0.0)))
