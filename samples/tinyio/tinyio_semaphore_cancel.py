# A coroutine cancelled while it holds a semaphore releases it on the way
# out (the `with` body ends by the exception).
import tinyio

log: list[str] = []


def holder(sem: tinyio.Semaphore):
    with (yield sem()):
        log.append("holder in")
        try:
            yield tinyio.sleep(1)
        except tinyio.CancelledError:
            log.append("holder cancelled inside")
            raise
    log.append("not reached")


def crash():
    yield tinyio.sleep(0.01)
    raise ValueError("crash")


def main():
    sem = tinyio.Semaphore(1)
    try:
        yield [holder(sem), crash()]
    except tinyio.CancelledError:
        log.append("main cancelled")
        raise


try:
    tinyio.Loop().run(main())
except ValueError as e:
    log.append("caught " + str(e))
for line in log:
    print(line)
