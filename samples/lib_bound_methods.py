# Methods of dicts, lists and strs as values: key=d.get, xs.append, sep.join, map(d.get, ...).
counts = {"a": 3, "b": 1, "c": 2}
print(max(counts, key=counts.get), sorted(counts, key=counts.get))
xs = []
add = xs.append
add(3)
add(4)
print(xs)
sep = ", "
join = sep.join
print(join(["x", "y"]))
names = {1: "one", 2: "two"}
print(list(map(names.get, [1, 2])))
s = {1, 2}
add = s.add
add(5)
print(sorted(s))
d = {"a": 1}
get = d.get
print(get("a"), get("b"))
