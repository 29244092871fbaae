# Dicts and sets held as objects: len, truth, in, [] and iteration look inside,
# with CPython's KeyError for a missing key.
# asyncc: strip-differs inference types an unannotated dict from its first stores (dict[int, ...]); it does not yet widen a dict's key or value type to object, so annotations are needed
import asyncio


async def main() -> None:
    objs: list[object] = [{"k": 1, "j": 2}, {3, 1, 2}, frozenset({3}), {}]
    for o in objs:
        print(len(o), bool(o), "k" in o, 3 in o, 1.0 in o)
        for x in o:
            print(" ", x)
    d: object = {"a": [1], "b": [2, 3]}
    print(d["b"], d)
    n: object = {1: "x"}
    print(n[1], n[1.0], n[True])
    try:
        print(n["zz"])
    except KeyError as e:
        print("KeyError", e)
    await asyncio.sleep(0)


asyncio.run(main())
