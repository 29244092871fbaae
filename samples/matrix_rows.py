# A matrix as a list of lists: each row computed by its own task, then transposed with zip(*m) and summed.
import asyncio


async def row(i, n):
    await asyncio.sleep(0.01 * (n - i))
    return [i * n + j for j in range(n)]


def transpose(m):
    return [list(col) for col in zip(*m)]


def multiply(a, b):
    bt = transpose(b)
    return [[sum(x * y for x, y in zip(r, c)) for c in bt] for r in a]


async def main():
    n = 3
    m = await asyncio.gather(*[row(i, n) for i in range(n)])
    for r in m:
        print(" ".join(f"{x:3d}" for x in r))
    print(transpose(m))
    print("diagonal", [m[i][i] for i in range(n)], "trace", sum(m[i][i] for i in range(n)))
    ident = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
    print(multiply(m, ident) == m, multiply(m, m)[0])
    print([sum(r) for r in m], [max(c) for c in zip(*m)])


asyncio.run(main())
