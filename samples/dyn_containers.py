# Containers held as object values: indexing, slicing, len, in, iteration,
# unpacking, and lists of objects built up by append/insert/pop.
# asyncc: strip-differs the program makes CPython raise TypeError on purpose; without the object annotations the types are static and the checker rejects the operation at compile time


def first_and_rest(seq: object) -> object:
    return [seq[0], seq[1:]]


def main() -> None:
    things: list[object] = []
    things.append(1)
    things.append("two")
    things.insert(0, 0.5)
    things.append([3, 4])
    things.append((5, "six"))
    print(things, len(things))
    print(things.pop(), things.pop(0), things)
    things.extend(["x", None])
    print(things, things.index(None), things.count("x"))
    for seq in [things, "word", (1, 2.5, "t")]:
        print(len(seq), seq[0], seq[-1], first_and_rest(seq))
        for item in seq:
            print(" ", repr(item), bool(item))
        print("w" in seq, "two" in seq)
    for bad in [7, None, 2.5]:
        try:
            print(len(bad))
        except TypeError as e:
            print(e)
        try:
            print(bad[0])
        except TypeError as e:
            print(e)
        try:
            for x in bad:
                print(x)
        except TypeError as e:
            print(e)
        try:
            print(1 in bad)
        except TypeError as e:
            print(e)
    word: object = "abc"
    try:
        print(word["a"])
    except TypeError as e:
        print(e)
    try:
        where: object = 1.5
        print(things[where])
    except TypeError as e:
        print(e)
    try:
        print(things[10])
    except IndexError as e:
        print(e)
    try:
        print(word[5])
    except IndexError as e:
        print(e)
    try:
        print(5 in word)
    except TypeError as e:
        print(e)
    pair: object = (1, "one")
    n, name = pair
    print(n, name)
    try:
        a, b, c = pair
        print(a, b, c)
    except ValueError as e:
        print(e)
    grid = [[1, "a"], [2.5, None]]
    print(grid[1][0], grid[0][1], [row[0] for row in grid])
    grid[0][1] = "changed"
    grid[1] = [True, "b"]
    print(grid)


if __name__ == "__main__":
    main()
