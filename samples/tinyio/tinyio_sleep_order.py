# Sleeps end in order of their deadlines, whoever started them.
import tinyio


def napper(name: str, t: float):
    print(name, "sleeps", t)
    yield tinyio.sleep(t)
    print(name, "wakes")


def main():
    yield [napper("long", 0.05), napper("short", 0.01), napper("medium", 0.03)]
    yield tinyio.sleep(0)
    print("zero sleep done")


tinyio.Loop().run(main())
