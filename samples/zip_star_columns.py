# zip(*m) of a list of lists: its columns as tuples (a length known at run time), iterated, summed, converted and printed.
m = [[1, 2, 3], [4, 5, 6]]
cols = list(zip(*m))
print(cols, len(cols))
for c in zip(*m):
    print(c, sum(c), max(c), list(c), c[0], len(c))
print(list(zip(*[[1], [2], [3]])), list(zip(*[[7, 8]])), list(zip(*[[], [1]])))
names = [["a", "b"], ["c", "d"]]
print([", ".join(col) for col in zip(*names)])
print(f"{list(zip(*m))[0]}", str(cols[1]))
for c in zip(*m):
    print(type(c).__name__, c)
