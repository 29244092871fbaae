# asyncio.wait: FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED and a timeout; (done, pending) sets.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print("job", name, "finishing")
    if fail:
        raise ValueError(name)
    return len(name)


async def main():
    a = asyncio.create_task(job("alpha", 0.3))
    b = asyncio.create_task(job("be", 0.1))
    c = asyncio.create_task(job("gamma", 0.2, True))
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", len(done), len(pending), b in done, a in pending)
    done, pending = await asyncio.wait([a, c], return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", len(done), len(pending), c in done, a in pending)
    done, pending = await asyncio.wait({a, b, c})
    print("all:", len(done), len(pending), sorted([t.result() for t in done if t != c]))
    d = asyncio.create_task(job("delta", 1.0))
    done, pending = await asyncio.wait([d], timeout=0.25)
    print("timeout:", len(done), len(pending), d.done())
    done, pending = await asyncio.wait([d, a], timeout=5)
    print("finally:", len(done), len(pending), d.result())
    try:
        await asyncio.wait([a], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    print(asyncio.FIRST_COMPLETED, asyncio.ALL_COMPLETED)


asyncio.run(main())
