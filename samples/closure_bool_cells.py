# Bools held in closure cells: a captured flag, a nonlocal toggle, and bool
# defaults of lambdas and nested defs used as values.
def make_switch():
    on = False

    def flip():
        nonlocal on
        on = not on
        return on

    def state():
        return on

    return flip, state


def main():
    flip, state = make_switch()
    print(state(), flip(), flip(), flip(), state())
    strict = True

    def check(x, verbose=False):
        return (x > 0) == strict, verbose

    g = lambda y, quiet=True: (y, quiet, strict)
    h = check
    print(h(1), h(-1, True), g(2), g(3, False))


main()
