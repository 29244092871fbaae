# Exception objects keep their identity across tasks (`is`), __init__ forwarding *args to super(), __str__ without __init__, self.args in methods.
import asyncio


class Tagged(Exception):
    def __init__(self, *args, tag="none"):
        super().__init__(*args)
        self.tag = tag

    def first(self):
        return f"{len(self.args)} args" if self.args else "<empty>"


class Shout(Exception):
    def __str__(self):
        return "!" + super().__str__().upper() + "!"


saved = []


async def fail(n):
    await asyncio.sleep(0.01 * n)
    e = Tagged("step", n, tag=f"t{n}")
    saved.append(e)
    raise e


async def main():
    res = await asyncio.gather(fail(1), fail(2), return_exceptions=True)
    print(res, res[0] is saved[0], res[1] is saved[0], res[0] is not saved[1])
    for r in res:
        if isinstance(r, Tagged):
            print(r.tag, r.first(), r.args, str(r))
    print(Tagged().first(), repr(Tagged()), Tagged(tag="x").tag)
    try:
        raise Shout("quiet please")
    except Shout as e:
        print(e, repr(e), e.args)
    try:
        try:
            await fail(0)
        except Tagged as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as outer:
        print(outer, outer.__cause__ is saved[-1], outer.__context__ is outer.__cause__)


asyncio.run(main())
