# Cycles through asyncio objects, made and dropped in loops: an object keeping the handle of its own bound
# method (self.timer = loop.call_later(..., self.tick)), ran, cancelled or still pending at the end; a queue
# holding the object that holds the queue.  The cycle collector frees them (LeakSanitizer checks the exit).
import asyncio


class Ticker:
    def __init__(self, loop, n, log):
        self.n = n
        self.log = log
        self.soon = loop.call_soon(self.run)
        self.timer = loop.call_later(0.01 * (n % 3 + 1), self.tick, n)

    def run(self):
        self.log.append(self.n)

    def tick(self, k):
        self.log.append(-k)


class Mailbox:
    def __init__(self, name):
        self.name = name
        self.inbox: asyncio.Queue[Mailbox] = asyncio.Queue()
        self.inbox.put_nowait(self)


async def main():
    loop = asyncio.get_running_loop()
    log: list[int] = []
    for i in range(200):
        t = Ticker(loop, i, log)
        if i % 4 == 0:
            t.timer.cancel()
    await asyncio.sleep(0.05)
    print(len(log), sum(log), log[:5])
    total = 0
    for i in range(500):
        m = Mailbox("m" + str(i))
        total += m.inbox.qsize()
    print(total)
    first = Mailbox("kept")
    other = await first.inbox.get()
    print(other.name, other is first, first.inbox.qsize())
    last = Ticker(loop, 1000, log)  # its timer never fires: asyncio.run ends first
    print(last.n, len(log))


asyncio.run(main())
