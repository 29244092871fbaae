# Silent cancel of one child of a builtins gather: the cancelled child runs
# no more code and the gather still returns. The cancelled child's slot
# (None in the reference runner, provisional) is deliberately not printed,
# so the list stays list[int]. The prints are spaced by timers so the one-or-two-round delay of
# the reference runner's cancel (see tests/ref/asyncc_ref.py) cannot show.


async def child(name: str, n: int) -> int:
    for i in range(n):
        await sleep(1.0)
        print(name, i)
    print(name, "finished")
    return n


async def canceller() -> int:
    await sleep(1.5)
    print("cancelling b")
    cancel(b)
    return 0


async def main() -> int:
    r: list[int] = await gather(a, b, canceller())
    print("gather returned", len(r), "results:", r[0], "and", r[2])
    return 0


a = child("a", 3)
b = child("b", 4)
run(main())
