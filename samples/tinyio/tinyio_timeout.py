# tinyio.timeout(coro, t): (result, True) in time, else (None, False) and
# the coroutine gets tinyio.TimeoutError.
import tinyio


def quick():
    yield tinyio.sleep(0.01)
    return "quick result"


def slow():
    try:
        yield tinyio.sleep(0.6)
        return "slow result"
    except tinyio.TimeoutError:
        print("slow was timed out")
        raise


def main():
    out, ok = yield tinyio.timeout(quick(), 0.5)
    print(out, ok)
    out2, ok2 = yield tinyio.timeout(slow(), 0.02)
    print(out2, ok2)


tinyio.Loop().run(main())
