def main() -> None:
    it = iter([3, 1, 4])
    print(next(it))
    print(next(it))
    print(next(it))
    print(next(it, -1))
    try:
        next(it)
    except StopIteration:
        print("StopIteration")
    words = iter(["a", "b"])
    for w in words:
        print(w)
    print(next(words, "none left"))
    half = iter([1, 2, 3, 4, 5])
    print(next(half), next(half))
    print(list(half))
    same = iter(half)
    print(next(same, 0))


main()
