# A future-style awaitable: __await__ yields the future's name (what the
# loop gets from send() is an object to the compiler, so the loop looks the
# future up by name), the loop parks the coroutine on it, and whoever sets its result makes the waiting
# coroutine runnable again; the await's value is the future's result.
class Future:
    def __init__(self, name: str) -> None:
        self.name = name
        self.done = False
        self.result = 0
        self.waiters: list[int] = []

    def set_result(self, value: int) -> None:
        self.result = value
        self.done = True

    def __await__(self):
        if not self.done:
            yield self.name
        return self.result


async def producer(fut: Future, value: int) -> int:
    print("producer sets", fut.name)
    fut.set_result(value)
    return value


async def consumer(name: str, fut: Future) -> int:
    print(name, "waits for", fut.name)
    v = await fut
    print(name, "got", v)
    again = await fut
    return v + again


def main() -> None:
    fa = Future("fa")
    fb = Future("fb")
    futures = {"fa": fa, "fb": fb}
    coros = [consumer("c1", fa), consumer("c2", fb), consumer("c3", fa), producer(fa, 7), producer(fb, 11)]
    ready = [0, 1, 2, 3, 4]
    parked: list[tuple[Future, int]] = []
    results = [0 for _ in coros]
    steps = 0
    while len(ready) + len(parked) > 0:
        for f, i in parked:
            if f.done:
                ready.append(i)
        parked = [(f, i) for f, i in parked if not f.done]
        if not ready:
            print("deadlock")
            break
        idx = ready.pop(0)
        steps += 1
        try:
            asked = coros[idx].send(None)
        except StopIteration as e:
            results[idx] = e.value
            print("coroutine", idx, "returned", e.value)
            continue
        fut = futures[str(asked)]
        print("coroutine", idx, "parked on", fut.name)
        parked.append((fut, idx))
    print("steps", steps, "results", results)


main()
