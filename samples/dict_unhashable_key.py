# An object key that holds a list raises CPython's TypeError at run time.
import asyncio


async def main() -> None:
    registry: dict[object, str] = {}
    keys: list[object] = ["home", 3, (1, 2), [1, 2]]
    for k in keys:
        try:
            registry[k] = "handler"
            print("stored", k)
        except TypeError as e:
            print("TypeError:", e)
    print(registry)
    seen: set[object] = {1, "a"}
    print(len(seen), 1 in seen)
    seen.add(keys[3])
    await asyncio.sleep(0)


asyncio.run(main())
