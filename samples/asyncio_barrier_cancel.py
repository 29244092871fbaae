# A party cancelled while it waits at a Barrier counts itself out; the others still need a full set.
import asyncio


async def party(b, name):
    try:
        i = await b.wait()
        print(name, "passes as", i)
    except asyncio.CancelledError:
        print(name, "cancelled while", b.n_waiting, "wait")
        raise


async def main():
    b = asyncio.Barrier(2)
    t = asyncio.create_task(party(b, "first"))
    await asyncio.sleep(0.1)
    print("waiting:", b.n_waiting)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("first gone, waiting:", b.n_waiting)
    await asyncio.gather(party(b, "second"), party(b, "third"))


asyncio.run(main())
