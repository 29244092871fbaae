# An int stays an int where float is declared or inferred alongside it, as in
# CPython: `float` annotations admit ints, a function is specialised on the
# argument's actual type, and a variable that holds both is an object.
import asyncio


def show(x: float):
    print("show", x)


def half(x: float) -> float:
    if x == 0:
        return 0
    return x / 2


def scale(x: float, k=2):
    x = x * k
    if x > 10:
        x = x / 4
    return x


async def wait(t: float) -> float:
    await asyncio.sleep(t)
    return t


async def main():
    print(await wait(0), await wait(0.01))
    both = await asyncio.gather(wait(0), wait(0.5))
    print(both)


show(2)
show(2.5)
show(True)
held: float = 3
print(held, half(held), half(0), half(5.0))
print(scale(3), scale(3.0), scale(7), scale(1, 0.5))
total = 0
for p in []:
    total += 0.5
print(total)
total = 0
for p in [1, 2]:
    total += 0.5
print(total, total * 2)
flag = 0
flag = True
print(flag)
y = 1 if held > 5 else 2.5
z = 1 if held < 5 else 2.5
print(y, z, y + z, max(1, 2.5), min(1, 2.5), max(3, 2.5))
print(2.5 in [2, 3], 2.0 in [2, 3])
xs = [1, 2]
xs.append(2.5)
print(xs, sum(xs), max(xs))
asyncio.run(main())
