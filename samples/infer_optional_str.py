# Optional str results (T | None is the pointer, NULL for None): narrowed by
# is None / is not None / truthiness, printed, compared, used with 'or'.
import asyncio

names = ["ann", "bob", "cy"]


def find(prefix):
    for n in names:
        if n.startswith(prefix):
            return n
    return None


async def lookup(prefix):
    await asyncio.sleep(0.01)
    return find(prefix)


async def main():
    missing = None
    for p in ["b", "z", "a", "q"]:
        r = await lookup(p)
        print(p, r, repr(r), f"<{r}>")
        if r is None:
            if missing is None:
                missing = p
            continue
        print("found", r.upper(), len(r))
    print("first missing:", missing)
    x = find("c")
    if x:
        print("truthy", x)
    y = find("zz")
    print(y or "default", y is None, x is not None)
    z = find("a") if missing else None
    print(z, [find("a"), find("x")])


asyncio.run(main())
