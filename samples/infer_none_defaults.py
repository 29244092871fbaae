# None defaults filled in the body (if x is None: x = ...): after the if,
# x is not None; each call shape gets its own specialisation.
import asyncio


def collect(x, into=None):
    if into is None:
        into = []
    into.append(x)
    return into


async def tag(word, prefix=None):
    await asyncio.sleep(0.01)
    if prefix is None:
        prefix = "#"
    return prefix + word


async def main():
    print(collect(1), collect(2, [0]))
    print(await tag("a"), await tag("b", "@"))
    label = None
    for w in ["x", "yy"]:
        if len(w) > 1:
            label = w
    if not label:
        label = "none"
    print(label.upper())


asyncio.run(main())
