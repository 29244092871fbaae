# issubclass(exc_type, X) in __exit__ needs classes; a tuple of classes cannot be printed (no class values yet)
import asyncio


class Guard:
    def __init__(self, suppress):
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        print((KeyError, ValueError))
        return exc_type is not None and issubclass(exc_type, self.suppress)


async def main():
    with Guard("KeyError"):
        raise KeyError("k")


asyncio.run(main())
