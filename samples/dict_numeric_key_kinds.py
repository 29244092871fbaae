# Keys of another numeric kind stored into a dict stay as they are (2 stays an int in a float-keyed dict; True finds the key 1)
e = {1: "x"}
e[2.5] = "y"
print(e)
f = {1.5: "a"}
f[2] = "b"
f[1] = "c"
print(f, f[2.0])
g = {1: "a"}
g[True] = "b"
g[2.0] = "c"
print(g)
h = {"k": 1}
h["j"] = 2
print(h)
