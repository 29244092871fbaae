# remove_done_callback with function values: a lambda, a closure and a bound method come off the task's list; the count is returned.
import asyncio


class Recorder:
    def __init__(self, tag):
        self.tag = tag
        self.seen = []

    def on_done(self, t):
        self.seen.append(f"{self.tag}:{t.result()}")


async def work(x):
    await asyncio.sleep(0.1)
    return x * 2


def make_logger(prefix, out):
    def log(t):
        out.append(f"{prefix} {t.result()}")
    return log


async def main():
    out = []
    t = asyncio.create_task(work(5))
    keep = make_logger("keep", out)
    drop = make_logger("drop", out)
    shout = lambda t: out.append(f"lambda {t.result()}")
    r1, r2 = Recorder("r1"), Recorder("r2")
    t.add_done_callback(keep)
    t.add_done_callback(drop)
    t.add_done_callback(drop)
    t.add_done_callback(shout)
    t.add_done_callback(r1.on_done)
    t.add_done_callback(r2.on_done)
    print("removed drop:", t.remove_done_callback(drop))
    print("removed drop again:", t.remove_done_callback(drop))
    print("removed lambda:", t.remove_done_callback(shout))
    print("removed r2.on_done:", t.remove_done_callback(r2.on_done))
    print("removed a never added closure:", t.remove_done_callback(make_logger("other", out)))
    await t
    await asyncio.sleep(0)
    print(out)
    print(r1.seen, r2.seen)


asyncio.run(main())
