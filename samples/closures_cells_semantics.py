# Cell semantics: two closures sharing cells (nonlocal of two names), the owner rebinding after the
# closures exist, global inside a nested def, a closure outliving its finished coroutine, late
# binding of loop variables in nested async defs, a memoised recursive nested def.
import asyncio

G = 10


def shared_cells():
    n = 0
    msg = "start"

    def inc(by=1):
        nonlocal n, msg
        n += by
        msg = f"n={n}"

    def read():
        return n, msg

    inc()
    inc(5)
    first = read()
    n = 100
    msg = "reset"
    return first, read(), [n + k for k in range(2)], inc, read


def uses_global():
    def bump():
        global G
        G += 1
        return G
    return bump() + bump()


async def finished_coroutine_closure(label):
    count = 0
    await asyncio.sleep(0.01)

    def tally(k):
        nonlocal count
        count += k
        return f"{label}:{count}"
    await asyncio.sleep(0.01)
    return tally


def fib_memo():
    memo = {}

    def fib(n):
        if n < 2:
            return n
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    return fib(30), len(memo)


async def main():
    first, second, comp, inc, read = shared_cells()
    inc(2)
    print(first, second, comp, read())
    print(uses_global(), G)
    t = await finished_coroutine_closure("t")
    print(t(1), t(2))
    out = []
    for i in range(3):
        async def later():
            await asyncio.sleep(0.01)
            out.append(i)
        await later()
    fns = []
    for i in range(3):
        async def late():
            await asyncio.sleep(0.01)
            return i
        fns.append(late)
    print(out, await asyncio.gather(*[f() for f in fns]), fib_memo())
    words = ["b", "a", "c"]
    key_of = {w: -i for i, w in enumerate(["a", "b", "c"])}
    words.sort(key=lambda w: key_of[w])
    print(words)


asyncio.run(main())
