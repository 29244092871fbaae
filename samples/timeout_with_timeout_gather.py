# Builtins with_timeout around gather: in time it returns the list; when it
# fires, the gather and the children still running are cancelled.


async def part(name: str, d: float) -> int:
    await sleep(d)
    print("part", name, "done")
    return len(name)


async def main() -> int:
    r: list[int] = await with_timeout(1.0, gather(part("a", 0.2), part("bb", 0.4)))
    print("in time", r)
    try:
        await with_timeout(1.0, gather(part("c", 0.5), part("dd", 2.0),
                                       part("eee", 3.0)))
        print("not reached")
    except TimeoutError:
        print("gather timed out")
    await sleep(5.0)
    print("later: nothing else printed")
    return 0


run(main())
