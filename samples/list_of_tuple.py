# list() of a tuple: one member type gives that list type, mixed members a list[object].
t = (3, 1, 2)
u = ("a", 2.5, [1])
print(list(t), list(u), list(()), sorted(list(t)))
xs = list(u)
xs.append(None)
print(xs)
