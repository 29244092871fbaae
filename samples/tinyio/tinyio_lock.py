# Lock: one coroutine at a time in the critical section; the lock is
# released even when the body raises.
import tinyio

log: list[str] = []


def critical(lock: tinyio.Lock, name: str):
    with (yield lock()):
        log.append(name + " enter")
        yield tinyio.sleep(0.01)
        log.append(name + " leave")


def bad(lock: tinyio.Lock):
    try:
        with (yield lock()):
            log.append("bad enter")
            raise KeyError("oops")
    except KeyError:
        log.append("bad caught")
    with (yield lock()):
        log.append("bad again")


def main():
    lock = tinyio.Lock()
    yield [critical(lock, "x"), bad(lock), critical(lock, "y")]
    for line in log:
        print(line)


tinyio.Loop().run(main())
