# A variable that holds an int or a float (int | float) keeps each value as
# what it is: ints print as ints, floats as floats, and arithmetic follows
# Python's rules for the pair it meets.


def average(xs):
    total = 0
    for x in xs:
        total = total + x
    return total / len(xs) if xs else total


def scale(v, k):
    if k > 1:
        v = v * 1.5
    return v


x = 1
print(x, repr(x), str(x), f"{x}", f"{x:>5}")
x = x / 4
print(x, repr(x), str(x), f"{x}", f"{x:.3f}", f"[{x!r}]")
x = x * 8
print(x, x == 2, x != 2.0, x < 3, x >= 2, 1 < x < 3, x > 2.5)
y = 7
if x > 1:
    y = 7.25
print(y + x, y - x, y * x, y / x, y // x, y % x, y ** 2, -y, +y, abs(-y))
n = 10
for i in range(4):
    n = n // 2 if i % 2 else n * 1.5
    print(i, n, type(n).__name__)
print(average([1, 2, 3, 4]), average([1.5, 2.5]), average([]))
print(scale(3, 1), scale(3, 2), scale(2.5, 0))
z = 3
z += 0.25
z -= 0.25
z *= 2
print(z, int(z), float(z), round(z), round(z, 1), z == 6, hash(z) == hash(6))
m = 0
m = max(m, 2.5)
print(m, min(m, 1), str(m) + "!")
big = 2 ** 62
big = big * 1.0
print(big, big == 2 ** 62)
