# isinstance(x, dict/set/frozenset) and type(x).__name__ on dicts and sets held as
# objects: a walk over a nested document.
import asyncio


def walk(v: object, depth: int) -> None:
    pad = "  " * depth
    if isinstance(v, dict):
        print(pad + "dict of", len(v))
        for k in v:
            print(pad + " key", k)
            walk(v[k], depth + 1)
    elif isinstance(v, (set, frozenset)):
        print(pad + type(v).__name__, len(v), 1 in v)
    elif isinstance(v, list):
        for x in v:
            walk(x, depth + 1)
    else:
        print(pad + type(v).__name__, v)


async def main() -> None:
    doc: dict[str, object] = {"name": "x", "tags": {"b", "a"}, "nums": [1, 2.5], "sub": {"k": frozenset({3, 1})}}
    walk(doc, 0)
    d = {"a": 1}
    print(type(d).__name__, type({1}).__name__, type(d.keys()).__name__, isinstance(d, dict), isinstance(d, set))
    await asyncio.sleep(0)


asyncio.run(main())
