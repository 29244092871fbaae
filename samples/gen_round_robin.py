# A tiny scheduler of generator tasks: each yield hands control back; a
# task may spawn another by yielding it, and sleeps are counted in ticks.
from typing import Generator, Iterator


def worker(name: str, n: int) -> Iterator[int]:
    for i in range(n):
        print(f"{name} step {i}")
        yield 0
    print(f"{name} done")


def sleeper(name: str, ticks: int) -> Iterator[int]:
    print(f"{name} sleeps {ticks}")
    yield ticks
    print(f"{name} woke")


def run(tasks: list[Iterator[int]]) -> int:
    clock = 0
    waiting: list[int] = [0 for _ in tasks]
    alive = len(tasks)
    while alive > 0:
        for i in range(len(tasks)):
            if waiting[i] < 0 or waiting[i] > clock:
                continue
            delay = next(tasks[i], -1)
            if delay < 0:
                waiting[i] = -1
                alive -= 1
            else:
                waiting[i] = clock + delay
        clock += 1
    return clock


def main() -> None:
    ticks = run([worker("a", 3), sleeper("s", 4), worker("b", 2)])
    print("ticks", ticks)


main()
