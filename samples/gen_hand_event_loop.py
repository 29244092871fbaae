# A hand-written event loop without asyncio.run: async def coroutines are
# driven with send(None); each `await asyncio.sleep(0)` gives control back,
# and a StopIteration carries the coroutine's result.
import asyncio


async def countdown(name: str, n: int) -> str:
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(0)
        n -= 1
    return f"{name} finished"


async def pair(name: str) -> str:
    a = await countdown(name + ".a", 2)
    b = await countdown(name + ".b", 1)
    return a + " / " + b


def loop(names: list[str]) -> list[str]:
    tasks = [countdown(n, len(n)) for n in names]
    tasks.append(pair("p"))
    results: list[str] = ["" for _ in tasks]
    done = [False for _ in tasks]
    remaining = len(tasks)
    rounds = 0
    while remaining > 0:
        rounds += 1
        for i in range(len(tasks)):
            if done[i]:
                continue
            try:
                tasks[i].send(None)
            except StopIteration as e:
                results[i] = str(e.value)
                done[i] = True
                remaining -= 1
    print("rounds:", rounds)
    return results


def main() -> None:
    for r in loop(["ab", "xyz"]):
        print(r)


main()
