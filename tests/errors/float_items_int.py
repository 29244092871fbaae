# An int among declared float items would become a float: an error, not a silent difference.
xs: list[float] = [1, 2.5]
xs.append(3)
xs[0] = 4
d: dict[str, float] = {"a": 1}
d["b"] = 2
t: tuple[float, int] = (1, 2)
def f(ys: list[float]):
    return ys
f([1, 2])
ok: list[float] = [1.0]
ok.append(2.0)
print(xs, d, t, ok)
