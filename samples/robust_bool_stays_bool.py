# Issue 17, item 5: a bool given to a variable annotated int stays a bool
# (bool is a subclass of int), so it prints True as in CPython.
x: int = True
print(x)
y: int = 3 > 2
print(y, y + 1, [y])
def f() -> None:
    z: int = False
    print(z, not z)
f()
