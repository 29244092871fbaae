# timeout() around a gather: the gather takes too long, so the timeout
# gives (None, False); a generous one gives the results.
import tinyio


def part(t: float):
    yield tinyio.sleep(t)
    return t


def group(a: float, b: float):
    out = yield [part(a), part(b)]
    return out


def main():
    res, ok = yield tinyio.timeout(group(0.01, 0.02), 0.1)
    print(res, ok)
    res2, ok2 = yield tinyio.timeout(group(0.01, 0.2), 0.05)
    print(res2, ok2)


tinyio.Loop().run(main())
