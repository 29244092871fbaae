# Builtins gather(*[f(i) for i in range(n)]): results in argument order
# after every child has terminated, nested builtins gathers.


async def f(i: int) -> int:
    await sleep((5 - i) * 0.1)
    print("f", i)
    return i * 10


async def pair(k: int) -> list[int]:
    return await gather(f(k), f(k + 1))


async def main() -> int:
    n: int = 5
    r: list[int] = await gather(*[f(i) for i in range(n)])
    print("star", r)
    nested: list[list[int]] = await gather(pair(0), pair(3))
    print("nested", nested)
    return len(r)


print(run(main()))
