# str operations: concatenation, repetition, methods, iteration, in.


def count_vowels(s: str) -> int:
    n: int = 0
    for ch in s:
        if ch in "aeiouAEIOU":
            n += 1
    return n


def main() -> None:
    s: str = "  Hello, Async World!  "
    t: str = s.strip()
    print(repr(s), repr(t), len(s), len(t))
    print(t.upper(), t.lower())
    print(t.startswith("Hello"), t.endswith("!"), t.startswith("World"))
    print(t.find("Async"), t.find("sync"), t.find("nope"))
    print(t.replace("o", "0"), t.replace("l", "L", 1))
    words: list[str] = t.split(" ")
    print(words, len(words))
    print("-".join(words), "".join(["a", "b", "c"]))
    print("a,b,,c".split(","), "  x  y   z ".split())
    print("ab" * 3, 3 * "-", "" * 5, "x" + "y" + "z")
    print(count_vowels(t), count_vowels(""), count_vowels("AEIOUxyz"))
    print("lo" in t, "LO" in t, "" in t)
    print(" pad ".lstrip(), "|" + " pad ".rstrip() + "|")
    acc: str = ""
    for i in range(5):
        acc += str(i) * i
    print(acc, len(acc))
    print("é is one char:", len("é"), "héllo".upper(), "ÀÉ".lower())
    print("abc" < "abd", "abc" < "ab", "Z" < "a", "abc" == "a" + "bc")
    print(str(42), str(-1.5), str(True), str(None), str([1, 2]))
    print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"))
    print(repr("new\nline"), repr("back\\slash"), repr(""))
    print("x".join("abc"), "abc".find("c"), "mississippi".replace("ss", "SS"))


if __name__ == "__main__":
    main()
