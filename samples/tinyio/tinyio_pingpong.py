# Two coroutines take turns through a pair of events.
import tinyio


def player(name: str, mine: tinyio.Event, theirs: tinyio.Event, rounds: int):
    for i in range(rounds):
        yield mine.wait()
        mine.clear()
        print(name, i)
        theirs.set()
    return name


def main():
    ping = tinyio.Event()
    pong = tinyio.Event()
    ping.set()
    names = yield [player("ping", ping, pong, 4), player("pong", pong, ping, 4)]
    print(names)


tinyio.Loop().run(main())
