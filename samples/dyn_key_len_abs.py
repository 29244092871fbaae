# key=len and key=abs on object items (a list of mixed types): applied at run time.
xs = ["abc", [1], "z", (1,2,3,4)]
print(max(xs, key=len), min(xs, key=len), sorted(xs, key=len))
ys = [1, -2.5, 2]
print(max(ys, key=abs), sorted(ys, key=abs))
