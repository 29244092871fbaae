# A dict whose stores use keys of several types (str, then tuple, int, float): its keys are their join, each kept as it is
d = {"a": 1}
d[(1, 2)] = 2
d[3] = 3
print(d, d[(1, 2)], d["a"])
e = {1: "x"}
e[2.5] = "y"
print(e)
try:
    d[[1]] = 4
except TypeError as err:
    print("error:", err)
