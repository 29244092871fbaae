import asyncio
import asyncc


@asyncc.deferred
async def fetch(key: str) -> str:
    await asyncio.sleep(0.1)
    return "value-" + key


async def main() -> None:
    t = asyncio.create_task(fetch("a"))
    print(await t)
    print(await fetch("b"))


asyncio.run(main())
