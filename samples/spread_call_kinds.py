# Run-time spreads into a generator, a dataclass, an exception class, super().__init__ forwarding, static and class methods and annotated int parameters.
import asyncio
from dataclasses import dataclass, field


def countdown(n, step=1):
    while n > 0:
        yield n
        n -= step


@dataclass
class Item:
    name: str
    qty: int = 1
    tags: list = field(default_factory=list)


class AppError(Exception):
    def __init__(self, code, *details):
        super().__init__(code)
        self.code = code
        self.details = details


class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs


class Child(Base):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("child", True)
        super().__init__(*args, **kwargs)


class Tools:
    @staticmethod
    def join(*parts, sep="."):
        return sep.join(str(p) for p in parts)

    @classmethod
    def make(cls, *parts):
        return cls.join(*parts, sep="/")


def total(a: int, b: int = 0) -> int:
    return a + b


async def main():
    params = [10, 3]
    print(list(countdown(*params)))
    rows = [{"name": "pen"}, {"name": "cup", "qty": 2}]
    for r in rows:
        print(Item(**r))
    spec = ["apple", 3]
    print(Item(*spec))
    info = ["disk", "full"]
    try:
        raise AppError(500, *info)
    except AppError as e:
        print(e.code, e.details, e.args)
    c = Child(*params, **{"x": 1})
    print(c.args, sorted(c.kwargs.items()))
    bits = ["a", "b", 3]
    print(Tools.join(*bits), Tools.make(*bits))
    mixed = [1, "two"]
    print(total(*mixed[:1]))
    objs: list[object] = [4, 5]
    print(total(*objs))


asyncio.run(main())
