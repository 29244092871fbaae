# iter() and next() with a default; a for loop left by break leaves the
# generator suspended, and a later loop picks up where it stopped.
def letters():
    for ch in "abcdef":
        yield ch


def main() -> None:
    it = iter([1, 2, 3])
    print(next(it), next(it), next(it), next(it, -1))
    g = letters()
    for ch in g:
        print("first loop", ch)
        if ch == "b":
            break
    for ch in g:
        print("second loop", ch)
    print(next(g, "done"))
    h = iter(letters())
    print(next(h), next(h))
    print(list(h))


main()
