# Barrier(3): nobody passes until three have arrived; wait() returns the
# arrival index.
import tinyio


def party(b: tinyio.Barrier, name: str, delay: float):
    yield tinyio.sleep(delay)
    print(name, "arrives")
    index = yield b.wait()
    print(name, "passes with index", index)
    return index


def main():
    b = tinyio.Barrier(3)
    got = yield [party(b, "p1", 0.03), party(b, "p2", 0.01), party(b, "p3", 0.02)]
    print(got)


tinyio.Loop().run(main())
