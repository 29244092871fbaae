# Exception classes with their own __str__ and __repr__: print, str(), repr(), f-strings, lists of them.
import asyncio


class QuotaExceeded(Exception):
    def __init__(self, user, used, limit):
        super().__init__(user, used, limit)
        self.user = user
        self.used = used
        self.limit = limit

    def __str__(self):
        return f"{self.user} used {self.used}/{self.limit}"


class Rejected(Exception):
    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    def __repr__(self):
        return f"<Rejected {self.reason}>"


class Plain(Exception):
    pass


async def request(user, used):
    await asyncio.sleep(0.01)
    if used > 10:
        raise QuotaExceeded(user, used, 10)
    if user == "eve":
        raise Rejected("blocked user")
    if used < 0:
        raise Plain(user, used)
    return used


async def main():
    for user, used in [("ann", 3), ("bob", 12), ("eve", 1), ("cy", -2)]:
        try:
            print("ok", await request(user, used))
        except QuotaExceeded as e:
            print("quota:", e, "|", str(e), "|", repr(e), "|", e.args)
            print(f"f-string: {e} / {e!r} / {e.limit - e.used}")
        except Rejected as e:
            print("rejected:", e, "|", repr(e), "|", e.reason)
        except Plain as e:
            print("plain:", e, "|", repr(e))
    errs = await asyncio.gather(request("zed", 20), request("eve", 0), request("al", 1), return_exceptions=True)
    print(errs)
    print([str(x) for x in errs])


asyncio.run(main())
