# print() uses __str__, containers use __repr__, f-strings !r/!s; the default repr's form is checked, not its address.
import asyncio


class Plain:
    def __init__(self, v):
        self.v = v


class OnlyRepr:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"OnlyRepr({self.v!r})"


class Both(OnlyRepr):
    def __str__(self):
        return f"<{self.v}>"


async def make(cls, v):
    await asyncio.sleep(0.01)
    return cls(v)


async def main():
    p, r, b = await asyncio.gather(make(Plain, 1), make(OnlyRepr, "x"), make(Both, 2.5))
    text = repr(p)
    print(text.startswith("<__main__.Plain object at 0x"), text.endswith(">"), str(p) == text)
    print(r, b)
    print([r, b], (b,), {"k": b})
    print(f"{r} {b} {b!r} {b!s}", str(b), repr(b))
    print("%s and %r" % (b, b), "{} {!r}".format(b, b))


asyncio.run(main())
