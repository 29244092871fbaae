# asyncio.gather of 10,000 coroutines with staggered sleeps: results come
# back in argument order whatever the completion order; print a checksum.
import asyncio

done_count: int = 0


async def job(i: int) -> int:
    global done_count
    await asyncio.sleep(((i * 7919) % 13) * 0.01)
    done_count += 1
    if done_count == 1 or done_count % 5000 == 0:
        print("completed", done_count, "latest", i)
    return i * i % 10007


async def main() -> None:
    res: list[int] = await asyncio.gather(*[job(i) for i in range(10000)])
    print("results", len(res), res[0], res[1], res[9999])
    check: int = 0
    for r in res:
        check = (check * 31 + r) % 1000000007
    print("checksum", check)
    ordered: bool = True
    for i in range(10000):
        if res[i] != i * i % 10007:
            ordered = False
    print("in argument order", ordered)


asyncio.run(main())
