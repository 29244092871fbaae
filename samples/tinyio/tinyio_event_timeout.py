# Event.wait(timeout): it unblocks when the timeout passes even if nobody
# sets the event.
import tinyio


def main():
    ev = tinyio.Event()
    yield ev.wait(0.02)
    print("timed out, is_set =", ev.is_set())
    ev.set()
    yield ev.wait(5)
    print("already set: no wait")
    return 1


print(tinyio.Loop().run(main()))
