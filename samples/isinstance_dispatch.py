# isinstance/issubclass dispatch over a hierarchy of message classes handled by one consumer coroutine.
import asyncio


class Message:
    def __init__(self, sender):
        self.sender = sender


class Text(Message):
    def __init__(self, sender, body):
        super().__init__(sender)
        self.body = body


class Image(Message):
    def __init__(self, sender, w, h):
        super().__init__(sender)
        self.w, self.h = w, h


class Sticker(Image):
    def __init__(self, sender, name):
        super().__init__(sender, 64, 64)
        self.name = name


async def consume(inbox):
    counts = {}
    for m in inbox:
        await asyncio.sleep(0.01)
        kind = type(m).__name__
        counts[kind] = counts.get(kind, 0) + 1
        if isinstance(m, Text):
            print(m.sender, "says", repr(m.body))
        elif isinstance(m, Sticker):
            print(m.sender, "sticker", m.name)
        elif isinstance(m, Image):
            print(m.sender, "image", f"{m.w}x{m.h}")
    return counts


async def main():
    inbox = [Text("ann", "hi"), Image("bob", 640, 480), Sticker("ann", "cat"), Text("cy", "yo")]
    print(await consume(inbox))
    print(issubclass(Sticker, Image), issubclass(Image, Text), isinstance(Sticker("x", "y"), (Text, Image)))


asyncio.run(main())
