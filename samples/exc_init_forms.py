# How args come out of an exception's __init__: no super().__init__, keyword arguments, defaults, `raise Cls` with no call.
import asyncio


class NoSuper(Exception):
    def __init__(self, a, b):
        self.total = a + b


class WithKw(Exception):
    def __init__(self, msg, code=1, *, tag="t"):
        super().__init__(msg)
        self.code = code
        self.tag = tag


class Bare(Exception):
    def __init__(self):
        super().__init__("bare made")
        self.made = True


class TwoArgs(Exception):
    def __init__(self, x, y):
        super().__init__(x, y, x + y)


async def boom(which):
    await asyncio.sleep(0)
    if which == 0:
        raise NoSuper(2, 3)
    if which == 1:
        raise WithKw("kw", code=7, tag="z")
    if which == 2:
        raise WithKw("defaults")
    if which == 3:
        raise Bare
    raise TwoArgs(4, 5)


async def main():
    for i in range(5):
        try:
            await boom(i)
        except NoSuper as e:
            print("NoSuper", e.args, repr(e), str(e), e.total)
        except WithKw as e:
            print("WithKw", e.args, repr(e), e.code, e.tag)
        except Bare as e:
            print("Bare", e.args, e, e.made)
        except Exception as e:
            print(type(e).__name__, e.args, e)
    print(repr(NoSuper(1, 1)), repr(WithKw("m", 2)), str(TwoArgs(1, 2)))


asyncio.run(main())
