# Runtime error: sorting user objects without __lt__ -> TypeError: '<' not supported between instances.
import asyncio


class Ticket:
    def __init__(self, id, prio):
        self.id = id
        self.prio = prio

    def __repr__(self):
        return f"Ticket({self.id}, {self.prio})"


async def make(id, prio):
    await asyncio.sleep(0.01 * prio)
    return Ticket(id, prio)


async def main():
    tickets = await asyncio.gather(make(1, 3), make(2, 1), make(3, 2))
    print(sorted(tickets, key=lambda t: t.prio))
    print(sorted(tickets))


asyncio.run(main())
