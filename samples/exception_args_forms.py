# Exception classes and args: str()/repr() with zero, one and two args, extra attributes, and except tuples.
import asyncio


class Empty(Exception):
    pass


class Pair(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b


class Coded(Exception):
    def __init__(self, msg, code=500):
        super().__init__(msg)
        self.code = code


async def fail(kind):
    await asyncio.sleep(0.01)
    if kind == "empty":
        raise Empty()
    if kind == "pair":
        raise Pair("left", 2)
    if kind == "coded":
        raise Coded("server down", code=503)
    raise Coded("plain")


async def main():
    for kind in ("empty", "pair", "coded", "other"):
        try:
            await fail(kind)
        except (Empty, Pair) as e:
            print(kind, "->", repr(str(e)), repr(e), e.args)
        except Coded as e:
            print(kind, "->", str(e), e.code, e.args, isinstance(e, Exception))
    results = await asyncio.gather(fail("pair"), fail("coded"), return_exceptions=True)
    print(results, [type(r).__name__ for r in results], results[0].b)


asyncio.run(main())
