# A sleep-sort style scheduler: __await__ yields a ("sleep", seconds)
# tuple, the loop picks the earliest timer with min() over a plain list,
# and the coroutines walk a class whose __iter__ is a generator.
class sleep:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __await__(self):
        yield ("sleep", self.seconds)


class Numbers:
    def __init__(self, items: list[int]) -> None:
        self.items = items

    def __iter__(self):
        for x in self.items:
            if x >= 0:
                yield x


async def sleeper(n: int) -> int:
    await sleep(n / 10)
    print("sorted:", n)
    return n


async def walker(nums: Numbers) -> int:
    total = 0
    for n in nums:
        await sleep(0.05)
        total += n
        print("walker at", n, "total", total)
    return total


class Loop:
    def __init__(self) -> None:
        self.clock = 0.0
        self.finished: list[str] = []

    def run(self, names: list[str], coros) -> None:
        timers: list[tuple[float, int]] = [(0.0, i) for i in range(len(coros))]
        while timers:
            first = min(timers)
            timers.remove(first)
            self.clock = first[0]
            try:
                op, arg = coros[first[1]].send(None)
            except StopIteration as stop:
                self.finished.append(f"{names[first[1]]}={stop.value}")
                continue
            if op == "sleep":
                timers.append((self.clock + arg, first[1]))


def main() -> None:
    nums = Numbers([3, -1, 1, 4, -5, 2])
    names = ["walker"] + [f"s{n}" for n in nums]
    coros = [walker(nums)] + [sleeper(n) for n in nums]
    loop = Loop()
    loop.run(names, coros)
    print(f"clock {loop.clock:.2f}")
    print(", ".join(loop.finished))


main()
