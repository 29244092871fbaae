# Slicing of str and list with positive and negative steps, negative and
# out-of-range bounds, empty results; indexing with negative indices and
# IndexError messages for str and list.


def main() -> None:
    s: str = "abcdefghij"
    xs: list[int] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90]
    bounds: list[int] = [-12, -3, -1, 0, 2, 7, 10, 15]
    for step in [1, 2, 3, -1, -2, -4]:
        print("step", step, s[::step], xs[::step])
        for b in bounds:
            print(f"  [{b}::{step}] {s[b::step]!r} {xs[b::step]}  [:{b}:{step}] {s[:b:step]!r} {xs[:b:step]}")
    for a in [-4, 1, 8]:
        for b in [-2, 3, 9]:
            print(f"[{a}:{b}] {s[a:b]!r} {xs[a:b]} [{a}:{b}:-1] {s[a:b:-1]!r} {xs[a:b:-1]}")
    print(s[-1], s[-10], s[0], xs[-1], xs[-10], s[len(s) - 1])
    print(s[::-1] == "jihgfedcba", s[1:-1], s[-3:], s[:-3], s[100:], s[-100:2])
    u: str = "añb€c🎉d"
    print(u[::-1], u[1:4], u[::2], u[-2], len(u[2:]), u[5])
    for i in [10, -11, 100]:
        try:
            print(s[i])
        except IndexError as e:
            print("str", i, "IndexError:", e)
        try:
            print(xs[i])
        except IndexError as e:
            print("list", i, "IndexError:", e)
    nested: list[list[int]] = [xs[0:3], xs[3:6][::-1], xs[-2:]]
    print(nested, nested[1][-1], nested[-1][::-1], nested[::-1][0])
    ws: list[str] = "one two three four five".split()
    print(ws[1:4], ws[::-2], [w[::-1] for w in ws[:3]], ws[-1][-2:])
    cp: list[int] = xs[:]
    cp[0] = -1
    print(xs[0], cp[0], cp[:2] + xs[-2:], len(xs[3:3]), xs[5:2])
    empty: list[int] = []
    print(empty[::-1], empty[1:], ""[::-1] == "", "x"[-1:], "x"[:-1] == "")


if __name__ == "__main__":
    main()
