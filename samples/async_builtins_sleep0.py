# Builtins spelling: sleep(0) round-robin among coroutines started by run,
# and a negative sleep acting as sleep(0).


async def spin(name: str, rounds: int, delay: float) -> int:
    for r in range(rounds):
        print(name, r)
        await sleep(delay)
    return rounds


async def main() -> int:
    print("main first")
    await sleep(0)
    print("main second")
    await sleep(-1)
    print("main third")
    return 3


print(run(main(), spin("a", 3, 0), spin("b", 3, -0.5), spin("c", 2, 0)))
