# Comparing and sorting object values: int, float and bool compare as
# numbers; str with str; lists and tuples item by item; anything else raises
# CPython's TypeError.
# asyncc: strip-differs the program makes CPython raise TypeError on purpose; without the object annotations the types are static and the checker rejects the operation at compile time


def main() -> None:
    a: object = 1
    b: object = 1.0
    c: object = True
    d: object = "1"
    print(a == b, a == c, b == c, a == d, a != d, d == "1")
    print(a < 1.5, 0.5 < a, c <= a, "abc" < d, d >= "1")
    nums = [3, 1.5, True, -2, 2.25, False, 0]
    print(sorted(nums))
    print(sorted(nums, reverse=True))
    print(min(nums), max(nums))
    words: list[object] = ["pear", "apple", "fig"]
    words.sort()
    print(words)
    pairs: list[object] = [[2, "b"], [1, "z"], [2, "a"]]
    print(sorted(pairs))
    t1: object = (1, "a")
    t2: object = (True, "a")
    print([1, 2.0] == [1.0, 2], t1 == t2, t1 <= t2, [1, "a"] < [1, "b"])
    big: object = 2 ** 53 + 1
    near: object = 2.0 ** 53
    print(big == near, big > near, near < big, big - 1 == near)
    mixed = [1, "one", 2]
    try:
        mixed.sort()
    except TypeError as e:
        print(e)
    try:
        print(sorted(["b", 3]))
    except TypeError as e:
        print(e)
    for x, y in [(a, d), (d, b), (None, a), ([1], a), ((1,), "t")]:
        try:
            print(x < y)
        except TypeError as e:
            print(e)
    try:
        print(min([4, "x"]))
    except TypeError as e:
        print(e)
    print(1 in nums, 1.5 in nums, "one" in mixed, 3.0 in mixed, None in [None, 1])
    nan: object = float("nan")
    print(nan == nan, nan < 1, 1 > nan)


if __name__ == "__main__":
    main()
