import asyncio


class Tracker:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else "none"
        self.log.append("exit:" + kind)
        print("exit", self.name, kind, exc)
        return self.suppress


class Session:
    def __init__(self, who):
        self.who = who
        self.open = False

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        self.open = True
        print("open", self.who)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        self.open = False
        print("close", self.who, exc_type is not None)
        return False

    async def query(self, q):
        await asyncio.sleep(0.01)
        if q < 0:
            raise ValueError(f"bad query {q}")
        return q * 10


def first_even(nums):
    t = Tracker("loop", False)
    with t:
        for n in nums:
            if n % 2 == 0:
                return n
    return -1


async def worker(who, qs):
    total = 0
    try:
        async with Session(who) as s:
            for q in qs:
                total += await s.query(q)
            print(who, "inside", s.open)
    except ValueError as e:
        print(who, "failed:", e)
    return total


async def main():
    with Tracker("quiet", True) as t:
        print("same object", t.name)
        raise KeyError("k")
    print("after quiet", t.log)
    try:
        with Tracker("loud", False):
            print(1 // 0)
    except ZeroDivisionError as e:
        print("caught", e)
    print(first_even([1, 3, 4, 5]))
    with Tracker("a", False) as a, Tracker("b", False) as b:
        print("both", a.name, b.name)
    results = await asyncio.gather(worker("w1", [1, 2]), worker("w2", [3, -1, 4]), worker("w3", []))
    print(results)


asyncio.run(main())
