# Event: one coroutine waits, another sets it; is_set and clear.
import tinyio


def waiter(ev: tinyio.Event, name: str):
    print(name, "waits")
    yield ev.wait()
    print(name, "woken, is_set =", ev.is_set())


def setter(ev: tinyio.Event):
    yield tinyio.sleep(0.02)
    print("setting")
    ev.set()
    yield
    ev.clear()
    print("cleared, is_set =", ev.is_set())


def main():
    ev = tinyio.Event()
    print("initially", ev.is_set())
    yield [waiter(ev, "a"), waiter(ev, "b"), setter(ev)]
    print("all done")


tinyio.Loop().run(main())
