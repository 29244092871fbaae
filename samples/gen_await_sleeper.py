# The tiny framework of the "build your own event loop" posts: a Sleeper
# whose __await__ is a generator yielding a request (a dict), coroutines
# that await it, and a hand-written loop that drives them with send(None),
# keeps timers in a sorted list on a simulated clock and reads
# StopIteration.value when one finishes.
class Sleeper:
    def __init__(self, delay: float) -> None:
        self.delay = delay

    def __await__(self):
        got = yield {"op": "sleep", "delay": self.delay}
        return self.delay


async def worker(name: str, delay: float, times: int) -> str:
    slept = 0.0
    for i in range(times):
        slept += await Sleeper(delay)
        print(f"{name} woke ({i + 1}/{times})")
    return f"{name} slept {slept:.1f}"


async def pair() -> str:
    first = await worker("p.first", 0.25, 1)
    second = await worker("p.second", 0.5, 1)
    return first + "; " + second


def main() -> None:
    coros = [worker("a", 0.3, 2), worker("b", 0.2, 3), pair()]
    timers: list[tuple[float, int, int]] = [(0.0, i, i) for i in range(len(coros))]
    seq = len(coros)
    now = 0.0
    results: dict[int, str] = {}
    while timers:
        timers.sort()
        when, _, idx = timers.pop(0)
        now = when
        try:
            req = coros[idx].send(None)
        except StopIteration as e:
            results[idx] = str(e.value)
            print(f"t={now:.2f} coroutine {idx} finished")
            continue
        print(f"t={now:.2f} coroutine {idx} asks {req['op']} {req['delay']}")
        timers.append((now + req["delay"], seq, idx))
        seq += 1
    for i in sorted(results):
        print(i, results[i])


main()
