# Silent cancel(c) of a coroutine that is waiting in a builtins gather: the
# children it started are cancelled silently too (c's frame owns them), so
# no finally of c or of its children runs. Prints are spaced by timers so
# the reference runner's cancel timing (tests/ref/asyncc_ref.py) cannot show.


async def leaf(name: str, d: float) -> int:
    try:
        await sleep(d)
        print("leaf", name, "done")
        return 1
    finally:
        print("leaf", name, "finally")


async def owner() -> int:
    try:
        r: list[int] = await gather(leaf("quick", 0.5), leaf("slow", 5.0))
        print("owner got", r)
        return len(r)
    finally:
        print("owner finally (must never print)")


async def main() -> int:
    await sleep(1.0)
    print("cancel owner")
    cancel(o)
    await sleep(10.0)
    print("main: slow leaf and owner stayed silent")
    return 0


o = owner()
print(run(main(), o))
