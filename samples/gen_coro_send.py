# async def coroutines driven by hand: send(None), throw(), close(), StopIteration.value.
import asyncio


async def inner(n: int) -> int:
    total = 0
    for i in range(n):
        print("inner step", i)
        await asyncio.sleep(0)
        total += i
    return total


async def outer() -> str:
    x = await inner(3)
    try:
        await asyncio.sleep(0)
    except ValueError as e:
        print("outer caught", e)
    return f"result {x}"


def run_by_hand() -> None:
    c = outer()
    steps = 0
    while True:
        try:
            r = c.send(None)
            print("yielded", r)
            steps += 1
        except StopIteration as e:
            print("finished after", steps, "steps:", e.value)
            break
    try:
        c.send(None)
    except RuntimeError as e:
        print("RuntimeError:", e)


def throw_in() -> None:
    c = outer()
    for _ in range(4):
        c.send(None)
    try:
        c.throw(ValueError("injected"))
    except StopIteration as e:
        print("value", e.value)


def close_it() -> None:
    c = inner(5)
    c.send(None)
    c.close()
    print("closed")
    d = inner(1)
    try:
        d.send(1)
    except TypeError as e:
        print("TypeError:", e)
    d.close()


run_by_hand()
throw_in()
close_it()
