# Nested gathers: a gather whose children are themselves gathers, mixing
# tasks and coroutines, results in argument order at every level.
import asyncio


async def leaf(name: str, d: float) -> int:
    await asyncio.sleep(d)
    print("leaf", name, "done")
    return len(name)


async def branch(prefix: str, n: int) -> int:
    parts: list[int] = await asyncio.gather(
        *[leaf(prefix + str(i), 0.1 * (n - i)) for i in range(n)])
    print("branch", prefix, parts)
    total: int = 0
    for p in parts:
        total += p
    return total


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(branch("tk", 2))
    outer: list[int] = await asyncio.gather(branch("a", 3), t, branch("bb", 1),
                                            leaf("solo", 0.25))
    print("outer", outer)
    deep: list[list[int]] = await asyncio.gather(
        asyncio.gather(leaf("x", 0.1), leaf("yy", 0.0)),
        asyncio.gather(leaf("zzz", 0.05)))
    print("deep", deep)


asyncio.run(main())
