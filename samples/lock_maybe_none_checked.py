# A Lock, an Event and a Queue kept in globals/attributes that start as None
# and are made later: used while still None they raise what CPython raises
# (checked when the program runs, not rejected when it compiles).
import asyncio

lock = None


class Service:
    def __init__(self):
        self.ready = None
        self.inbox = None

    def start(self):
        self.ready = asyncio.Event()
        self.inbox = asyncio.Queue()


async def guarded(tag):
    async with lock:
        print("in", tag, lock.locked())
        await asyncio.sleep(0.01)
    print("out", tag, lock.locked())


async def main():
    global lock
    try:
        await guarded("early")
    except TypeError as e:
        print("TypeError:", e)
    svc = Service()
    try:
        svc.ready.set()
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        await svc.inbox.put(1)
    except AttributeError as e:
        print("AttributeError:", e)
    lock = asyncio.Lock()
    svc.start()
    await asyncio.gather(guarded("a"), guarded("b"))
    svc.ready.set()
    await svc.inbox.put("m")
    print(svc.ready.is_set(), await svc.inbox.get(), svc.inbox.empty())


asyncio.run(main())
