# Runtime error: a subclass __init__ that forgets super().__init__() -> AttributeError on the base's field.
import asyncio


class Worker:
    def __init__(self, name):
        self.name = name
        self.done = 0

    async def work(self, n):
        for _ in range(n):
            await asyncio.sleep(0.1)
            self.done += 1
        return f"{self.name} did {self.done}"


class Intern(Worker):
    def __init__(self, name, mentor):
        self.mentor = mentor


async def main():
    print(await Worker("ada").work(2))
    i = Intern("bob", "ada")
    print("intern of", i.mentor)
    print(await i.work(1))


asyncio.run(main())
