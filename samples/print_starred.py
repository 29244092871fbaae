# print(*xs) of lists and tuples, print(*args) inside a *args def, with sep and end.
def log(*args):
    print("[debug]", *args)

xs = [1, 2, 3]
print(*xs, sep=",")
print(*[], "x", *xs)
print("a", *["b", "c"], sep="-", end="!\n")
log("x", 2, 3.5)
t = (1, "two")
print(*t)
e = []
print(*e)
print(*[[1], [2, 3]])
