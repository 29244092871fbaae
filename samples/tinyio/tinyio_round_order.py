# The order of the loop's queue when, in the middle of a round of pausing
# coroutines, one of them wakes others (Event.set), finishes (its gatherer
# wakes), starts coroutines in the background, closes a paused one, or
# wakes more coroutines than the queue held.
import tinyio

log: list[str] = []


def pauser(name: str, n: int):
    for i in range(n):
        log.append(name + str(i))
        yield
    return name


def waiter(ev: tinyio.Event, name: str):
    yield ev.wait()
    log.append(name + "!")
    yield
    log.append(name + ".")
    return name


def setter(ev: tinyio.Event, after: int):
    for _ in range(after):
        yield
    log.append("set")
    ev.set()
    yield
    log.append("set done")
    return "set"


def starter():
    yield
    yield {pauser("bg", 2)}
    log.append("started")
    yield


def closer(victim):
    yield
    victim.close()
    log.append("closed")
    yield


def flush(title: str):
    print(title)
    print(" ".join(log))
    log.clear()


def event_mid_round():
    ev = tinyio.Event()
    r1 = yield [pauser("a", 4), waiter(ev, "w"), pauser("b", 4), setter(ev, 2), pauser("c", 4)]
    print(r1)
    flush("event set mid-round")


def finisher_mid_round():
    r2 = yield [pauser("a", 3), pauser("b", 1), pauser("c", 3)]
    print(r2)
    flush("a finisher mid-round")


def background_mid_round():
    yield [pauser("a", 3), starter(), pauser("c", 3)]
    flush("background started mid-round")


def closed_while_queued():
    v = pauser("v", 5)
    r3 = yield [pauser("a", 3), v, closer(v), pauser("c", 3)]
    print(r3)
    flush("closed while queued")


def hundred_woken():
    ev = tinyio.Event()
    many = [waiter(ev, "w" + str(i)) for i in range(100)]
    r4 = yield [pauser("p" + str(i), 3) for i in range(30)] + [setter(ev, 1)] + many
    print(len(r4), r4[-1])
    flush("a hundred woken at once")


def timeout_in_round():
    r5 = yield [pauser("a", 3), tinyio.sleep(0), pauser("b", 3)]
    print(r5)
    flush("a timeout in the round")


def raiser(after: int):
    for _ in range(after):
        yield
    log.append("raise")
    raise ValueError("mid-round")


def cancellable(name: str, n: int):
    try:
        for i in range(n):
            log.append(name + str(i))
            yield
    except tinyio.CancelledError:
        log.append(name + " cancelled")
        raise
    return name


def waiters(ev: tinyio.Event, n: int):
    names = yield [waiter(ev, "w" + str(i)) for i in range(n)]
    return len(names)


def grow_mid_round():
    ev = tinyio.Event()
    yield {waiters(ev, 40)}
    for _ in range(3):  # the waiters wait: the queue is short again
        yield
    yield [pauser("p" + str(i), 4) for i in range(40)] + [setter(ev, 1)]


def error_mid_round():
    yield [cancellable("a", 5), cancellable("b", 5), raiser(2), cancellable("c", 5)]


def main():
    yield event_mid_round()
    yield finisher_mid_round()
    yield background_mid_round()
    yield closed_while_queued()
    yield hundred_woken()
    yield timeout_in_round()


tinyio.Loop().run(grow_mid_round())
flush("the queue grows while a coroutine runs")
try:
    tinyio.Loop().run(error_mid_round())
except ValueError as e:
    print("ValueError:", e)
flush("an error mid-round")
tinyio.Loop().run(main())
