# Lambdas as sort keys, in map/filter, stored in a dict of operations and applied by tasks.
import asyncio

ops = {
    "double": lambda x: x * 2,
    "square": lambda x: x * x,
    "neg": lambda x: -x,
}


async def apply(name, values, delay=0.1):
    await asyncio.sleep(delay)
    f = ops[name]
    return name, list(map(f, values))


async def main():
    words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
    print(sorted(words, key=lambda w: (len(w), w)))
    print(sorted(words, key=lambda w: w[-1]))
    print(list(filter(lambda w: "a" in w, words)))
    print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20, 30])))
    results = await asyncio.gather(*[apply(n, [1, 2, 3], 0.1 * i) for i, n in enumerate(ops)])
    for name, out in results:
        print(name, out)
    adders = [lambda x, k=k: x + k for k in range(3)]
    print([f(10) for f in adders])
    late = [lambda x: x + k for k in range(3)]
    print([f(10) for f in late])


asyncio.run(main())
