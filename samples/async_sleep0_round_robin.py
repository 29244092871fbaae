# sleep(0) yields exactly one scheduler round: four tasks that loop over
# sleep(0) take turns in creation order, round after round.
import asyncio


async def spinner(name: str, rounds: int) -> int:
    for r in range(rounds):
        print(name, "round", r)
        await asyncio.sleep(0)
    print(name, "finished")
    return rounds


async def main() -> None:
    ts: list[asyncio.Task[int]] = []
    ts.append(asyncio.create_task(spinner("A", 3)))
    ts.append(asyncio.create_task(spinner("B", 5)))
    ts.append(asyncio.create_task(spinner("C", 1)))
    ts.append(asyncio.create_task(spinner("D", 4)))
    print("main yields once")
    await asyncio.sleep(0)
    print("main back after one round")
    total: int = 0
    for t in ts:
        total += await t
    print("total rounds", total)


asyncio.run(main())
