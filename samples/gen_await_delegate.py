# __await__ generators that delegate: yield from another awaitable's
# __await__(), and an __await__ returning iter() of a list; a loop prints
# every item send() hands out.
class Sleeper:
    def __init__(self, d: float) -> None:
        self.d = d

    def __await__(self):
        yield ("sleep", self.d)
        return self.d


class Twice:
    def __await__(self):
        a = yield from Sleeper(1.0).__await__()
        b = yield from Sleeper(2.0).__await__()
        return a + b


class Listy:
    def __await__(self):
        return iter([("tick", 1.0), ("tock", 2.0)])


async def main() -> float:
    t = await Twice()
    await Listy()
    return t


c = main()
while True:
    try:
        print(c.send(None))
    except StopIteration as e:
        print("done", e.value)
        break
