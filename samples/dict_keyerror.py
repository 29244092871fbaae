# KeyError with CPython's message: the repr of the missing key, caught and
# uncaught.
import asyncio


async def lookup(table: dict[str, int], key: str) -> int:
    await asyncio.sleep(0)
    return table[key]


async def main() -> None:
    table = {"a": 1}
    try:
        print(await lookup(table, "b"))
    except KeyError as e:
        print("caught", e, repr(e))
    nums = {1: "x", (2, 3): "y"}
    for k in [5, 1]:
        try:
            print(nums[k])
        except KeyError as e:
            print("missing", e)
    try:
        del table["zz"]
    except KeyError as e:
        print("del", e)
    try:
        table.pop("q")
    except KeyError as e:
        print("pop", e)
    empty: dict[str, int] = {}
    try:
        empty.popitem()
    except KeyError as e:
        print("popitem", e)
    print(await lookup(table, "it's"))


asyncio.run(main())
