# Operations a member does not support raise CPython's TypeError, with its
# message, at run time.


def maybe(k):
    return k if k > 0 else None


a = maybe(0)
b = maybe(3)
x = 1
x = 2.5
tests = 0
try:
    print(a + 1)
except TypeError as e:
    print("1:", e)
try:
    print(1 - a)
except TypeError as e:
    print("2:", e)
try:
    print(a < b)
except TypeError as e:
    print("3:", e)
try:
    print(-a)
except TypeError as e:
    print("4:", e)
try:
    print(x & 1)
except TypeError as e:
    print("5:", e)
try:
    print(b + "s")
except TypeError as e:
    print("6:", e)
try:
    print(a * x)
except TypeError as e:
    print("7:", e)
try:
    a += 1
except TypeError as e:
    print("8:", e)
try:
    print(x >= a)
except TypeError as e:
    print("9:", e)
try:
    print(~x)
except TypeError as e:
    print("10:", e)
try:
    print(x // 0)
except ZeroDivisionError as e:
    print("11:", e)
print(a == None, b == 3, a != b, x == 2.5)
