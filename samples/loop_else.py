# for/else and while/else: the else block runs when the loop ends without break
# (nested loops' breaks do not count), in functions, coroutines and module code.
import asyncio


def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print("found at", i)
            break
    else:
        print("not found")
    n = 0
    while n < 3:
        n += 1
        for j in range(2):
            if j == 1:
                break
    else:
        print("while ended", n)
    while True:
        try:
            if n > 4:
                break
        finally:
            n += 1
    else:
        print("never")
    return n


async def main():
    for k in range(3):
        await asyncio.sleep(0.01)
        if k == 5:
            break
    else:
        print("async loop done")


print(find([1, 2, 3], 2), find([1], 9))
for c in "ab":
    pass
else:
    print("module loop done", c)
asyncio.run(main())
