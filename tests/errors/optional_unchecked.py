def find(names, prefix):
    for n in names:
        if n.startswith(prefix):
            return n
    return None


def main():
    names = ["ann", "bob"]
    hit = find(names, "a")
    print(hit.upper())
    if hit is not None:
        print(hit.upper())
    for c in find(names, "b"):
        print(c)


main()
