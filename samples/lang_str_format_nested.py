# str.format with nested replacement fields inside a format spec: the width,
# precision, fill or type come from other arguments ("{:>{}}", "{0:{1}.{2}f}").
# f-strings support this (lang_fstring_specs); str.format must as well.


def main() -> None:
    print("{:>{}}|{:<{}}|".format("r", 5, "l", 4))
    print("{0:{1}.{2}f}|".format(2.718281828, 12, 4))
    print("{0:{1}}|{0:{2}}|".format("mid", "^9", ">5"))
    for w in [1, 4, 8]:
        print("[{:{}d}] [{:{}}] [{:{}.{}e}]".format(-42, w, "ab", w, 1234.5, w + 6, w // 2))
    for fill in ["*", "-", "0"]:
        print("{:{}>10}|{:{}^9}|".format(7, fill, "x", fill))
    for t in ["d", "x", "o", "b"]:
        print("{0:{1}}|{0:#{1}}|{0:>+12{1}}|".format(255, t))
    cols: list[int] = [6, 10, 4]
    names: list[str] = ["id", "name", "ok"]
    head: str = ""
    for i in range(3):
        head += "{:<{}}|".format(names[i], cols[i])
    print(head)
    for r in range(3):
        print("{:>{}}|{:<{}}|{:^{}}|".format(r * 100, cols[0], "n" * (r + 1), cols[1], str(r % 2 == 0), cols[2]))
    print("{:{}{}{}.{}f}".format(3.14159, "_", "^", 12, 2))
    print("{0:{1}{2}}{0:{2}}".format(5, "+", "3"))


if __name__ == "__main__":
    main()
