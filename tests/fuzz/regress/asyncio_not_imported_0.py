# Builtins gather of 10,000 coroutines, started with a starred list
# comprehension; a checksum instead of 10,000 lines.


async def item(i: int) -> int:
    await sleep((i % 10) * 0.001)
    await sleep(0)
    return (i * 7 + 3) % 101


async def main() -> int:
    r: list[int] = await gather(*[item(i) for i in range(10000)])
    check: int = 0
    for v in r:
        check = (check * 17 + v) % 998244353
    print("count", len(r), "first", r[0], "last", r[9999])
    print("checksum", check)
    return check % 1000


print("run returned", run(main()))
