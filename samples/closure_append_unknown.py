# A tuple appended to a captured list while a lambda's result is still unknown: the list's element type follows once it is known (closure inference, issue 13).
def run():
    seen = []

    def b():
        f = lambda: len(seen)
        item = f()
        seen.append(("f", item))

    def c(name):
        seen.append((name, 2))

    b()
    c("c")
    b()
    return seen

print(run())
