# asyncio.wait takes tasks (a list or a set of them): coroutines and other values are rejected.
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


async def main():
    done, pending = await asyncio.wait([work(1), work(2)])
    done, pending = await asyncio.wait(3)
    t = asyncio.create_task(work(1))
    done, pending = await asyncio.wait([t], return_when=1)
    print(t.exception().args, t.get_name(1))


asyncio.run(main())
