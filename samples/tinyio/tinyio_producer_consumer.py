# A producer and a consumer share a list; an event says there is work.
import tinyio

items: list[int] = []


def producer(ready: tinyio.Event, n: int):
    for i in range(n):
        yield tinyio.sleep(0.01)
        items.append(i * 10)
        print("produced", i * 10)
        ready.set()
    items.append(-1)
    ready.set()


def consumer(ready: tinyio.Event):
    total = 0
    while True:
        yield ready.wait()
        ready.clear()
        while items:
            x = items.pop(0)
            if x < 0:
                return total
            print("consumed", x)
            total += x


def main():
    ready = tinyio.Event()
    _, total = yield [producer(ready, 4), consumer(ready)]
    print("total", total)


tinyio.Loop().run(main())
