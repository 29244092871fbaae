# A silent cancel(c) of a coroutine suspended deep inside recursive awaits
# drops every frame on the way without running any more of its code, and
# the program goes on (builtins spelling).


async def dig(name: str, n: int) -> str:
    if n == 0:
        for i in range(5):
            print(name, "tick", i)
            await sleep(1.0)
        return name + " finished"
    inner: str = await dig(name, n - 1)
    return inner + "!"


async def main() -> int:
    await sleep(2.5)
    cancel(w)
    print("main cancelled w")
    await sleep(4.0)
    print(await dig("m", 2))
    return 7


w = dig("w", 4)
print("run returned", run(main(), w))
