# A class registry filled by a decorator function; handlers created by name from a dict of classes.
import asyncio

HANDLERS = {}


def register(name):
    def deco(cls):
        HANDLERS[name] = cls
        cls.kind = name
        return cls
    return deco


class Handler:
    kind = "base"

    def __init__(self, payload):
        self.payload = payload

    async def handle(self):
        await asyncio.sleep(0.01)
        return f"{self.kind}: {self.transform()}"

    def transform(self):
        return self.payload


@register("upper")
class Upper(Handler):
    def transform(self):
        return self.payload.upper()


@register("reverse")
class Reverse(Handler):
    def transform(self):
        return self.payload[::-1]


@register("count")
class Count(Handler):
    def transform(self):
        return len(self.payload.split())


async def main():
    jobs = [("upper", "hello"), ("count", "a b c"), ("reverse", "stressed"), ("none", "x")]
    handlers = [HANDLERS.get(k, Handler)(p) for k, p in jobs]
    for line in await asyncio.gather(*[h.handle() for h in handlers]):
        print(line)
    print(sorted(HANDLERS), [c.__name__ for c in HANDLERS.values()], Handler.kind)


asyncio.run(main())
