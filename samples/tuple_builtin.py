# tuple(): empty, of a list, str, range, dict, set, generator and tuple; the
# result prints, indexes, slices and hashes as a tuple (a dict key here).
def main():
    e = tuple()
    print(e, len(e))
    t = tuple([3, 1, 2])
    print(t, len(t), t[0], t[-1], 2 in t, t[1:])
    print(tuple("abc"), tuple(range(3)), tuple({5: "a", 6: "b"}), tuple(sorted({3, 1})))
    print(tuple(x * x for x in range(4)))
    print(tuple((1, "a")))
    one = tuple([7])
    print(one)
    d = {}
    d[tuple([1, 2])] = "x"
    d[tuple([1, 2])] = "y"
    print(d, hash(tuple([1, 2])) == hash((1, 2)))
    key = ((1, 2), tuple(sorted({"b": 1, "a": 2}.items())))
    seen = {key: 1}
    print(seen)
    for x in t:
        print(x, end=" ")
    print()
    print(list(t), sorted(t), sum(t), max(t))
    mixed = [[1, 2], "ab", 5]
    print(list(mixed[0]), tuple(mixed[1]), tuple(mixed[0]))
    try:
        tuple(mixed[2])
    except TypeError as e:
        print("TypeError:", e)

main()
