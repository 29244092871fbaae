# Under asyncio.run a Task drives the coroutine, and an item yielded by an
# __await__ generator is a bad yield: the RuntimeError is thrown in at that
# yield, where the generator or the coroutine around it can catch it.
import asyncio


class Sleeper:
    def __init__(self, d: float) -> None:
        self.d = d

    def __await__(self):
        yield {"sleep": self.d}
        return self.d


class Patient:
    def __await__(self):
        try:
            yield ("wait", 1)
        except RuntimeError as e:
            print("inside __await__:", e)
        return "handled inside"


async def main() -> None:
    try:
        x = await Sleeper(0.5)
        print("not reached", x)
    except RuntimeError as e:
        print("caught:", e)
    print(await Patient())
    await asyncio.sleep(0)
    await Sleeper(1.5)


asyncio.run(main())
