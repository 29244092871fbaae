# Runtime error: *x of a value that is not iterable (an int among tuples of arguments) -> TypeError naming the callee.
def scale(x, factor=2):
    return x * factor


jobs = [(3,), (4, 10), 5]
for job in jobs:
    print(job, "->", scale(*job))
