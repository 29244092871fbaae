# A recursive async merge sort: halves sorted concurrently with gather; used on ints and on strs.
import asyncio

depth_seen = [0]


def merge(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out + a[i:] + b[j:]


async def msort(xs, depth=0):
    depth_seen[0] = max(depth_seen[0], depth)
    if len(xs) <= 1:
        return xs
    await asyncio.sleep(0)
    mid = len(xs) // 2
    left, right = await asyncio.gather(msort(xs[:mid], depth + 1), msort(xs[mid:], depth + 1))
    return merge(left, right)


async def main():
    print(await msort([38, 27, 43, 3, 9, 82, 10, 3]))
    print(await msort(["pear", "apple", "fig", "banana"]))
    print(await msort([]), await msort([1.5, -2.0, 0.25]))
    print("max depth", depth_seen[0])


asyncio.run(main())
