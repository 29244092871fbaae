# Semaphore(2): at most two workers are inside at a time.
import tinyio

inside = [0]
most = [0]


def worker(sem: tinyio.Semaphore, name: str, delay: float):
    with (yield sem()):
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        print(name, "in, inside =", inside[0])
        yield tinyio.sleep(delay)
        inside[0] -= 1
        print(name, "out")
    return name


def main():
    sem = tinyio.Semaphore(2)
    names = yield [worker(sem, "a", 0.1), worker(sem, "b", 0.6), worker(sem, "c", 0.05), worker(sem, "d", 0.05)]
    print(names, "most inside:", most[0])


tinyio.Loop().run(main())
