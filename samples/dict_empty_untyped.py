# An empty dict and set that nothing is stored in: printed as CPython does.
def main() -> None:
    counts = {}
    seen = set()
    print(counts, seen)


main()
