# await inside for and while loops, with break and continue around it.
import asyncio


async def double(x: int) -> int:
    await asyncio.sleep(0.01)
    return 2 * x


async def main() -> None:
    acc: int = 0
    for i in range(8):
        if i == 2:
            continue
        v: int = await double(i)
        if v > 10:
            print("break at", i)
            break
        acc += v
        print("for", i, v, acc)
    n: int = 1
    while await double(n) < 100:
        n = await double(n)
        print("while", n)
    words: list[str] = ["ab", "cde", "f"]
    for w in words:
        for ch in w:
            k: int = await double(len(w) * 10 + "abcdef".find(ch))
            print(w, ch, k)
    j: int = 0
    while True:
        j += 1
        await asyncio.sleep(0)
        if j >= 4:
            break
    print("done", acc, n, j)


asyncio.run(main())
