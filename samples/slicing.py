# Indexing and slicing of str and list with negative indices and steps.


def main() -> None:
    s: str = "abcdefghij"
    print(s[0], s[-1], s[3], s[-4])
    print(s[2:5], s[:3], s[7:], s[-3:], s[:-3], s[-5:-2])
    print(s[::2], s[1::2], s[::-1], s[::-3], s[8:2:-2], s[-2:-8:-1])
    print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], repr(s[4:4]))
    xs: list[int] = [10, 20, 30, 40, 50, 60, 70]
    print(xs[0], xs[-1], xs[2:4], xs[:2], xs[5:], xs[::-1], xs[::3])
    print(xs[-3:-1], xs[1:-1:2], xs[6:0:-2], xs[10:], xs[-10:2])
    for start in range(-4, 5, 2):
        for step in [1, 2, -1, -2]:
            print(start, step, s[start::step], xs[start::step])
    t: str = "hello world"
    print(t[t.find(" ") + 1:], t[:t.find(" ")])
    i: int = 0
    out: str = ""
    while i < len(t):
        out = t[i] + out
        i += 1
    print(out)
    words: list[str] = ["zero", "one", "two", "three"]
    print(words[1:3], words[-1][::-1], words[2][1:])


if __name__ == "__main__":
    main()
