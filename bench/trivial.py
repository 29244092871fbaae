# trivial: the start-up baseline (process start, runtime init, one print).
import asyncio


async def main() -> None:
    print(0)


asyncio.run(main())
