# str methods: split with and without sep and maxsplit, strip/lstrip/rstrip
# with chars, replace with count, find/rfind/count, startswith/endswith,
# upper/lower, join, isdigit/isalpha/isspace, iteration and `in`.


def classify(s: str) -> str:
    return f"{s!r}: digit={s.isdigit()} alpha={s.isalpha()} space={s.isspace()}"


def main() -> None:
    text: str = "  the quick  brown fox\tjumps\nover the lazy dog  "
    print(text.split())
    print(text.split(" "))
    print(text.split(None, 2), text.split(None, 1), text.split(" ", 3))
    csv: str = "a,b,,c,"
    print(csv.split(","), csv.split(",", 1), csv.split(",", 0), csv.split(",", -1))
    print("a--b--c".split("--"), "".split(","), "".split(), "abc".split("abc"))
    print(repr(text.strip()), repr(text.lstrip()), repr(text.rstrip()))
    print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"))
    print("<<>>".strip("<>") == "", "..a.b..".strip("."), "abc".strip(""))
    s: str = "banana band bandana"
    print(s.replace("an", "AN"), s.replace("an", "AN", 2), s.replace("an", "", 0))
    print(s.replace("", "-", 3), s.replace("zz", "y"), s.replace("a", "a"))
    print(s.find("an"), s.rfind("an"), s[5:].find("an"), s[5:8].find("an"), s.find("x"))
    print(s.rfind("ba"), s.rfind("x"), s.find(""), s.rfind(""), s.count("an"))
    print(s.count("a"), s.count(""), s.count("ana"), s.count("x"), "aaaa".count("aa"))
    print(s.startswith("ban"), s.startswith("band"), s.endswith("ana"), s.endswith(""))
    print(s[7:].startswith("band"), s[0:3].endswith("ban"), "".startswith(""))
    print("MiXeD Case 123 é".upper(), "MiXeD Case 123 É".lower(), "ß".upper())
    parts: list[str] = ["one", "two", "three"]
    none: list[str] = []
    print(", ".join(parts), "".join(parts), "-".join(none), "+".join(["solo"]))
    print("/".join("path"), " ".join([w.upper() for w in parts]))
    for v in ["123", "12a", "", "abc", "abC", "a b", "   ", "\t\n", "٣", "é", "1.5", "-1"]:
        print(classify(v))
    n: int = 0
    vowels: str = ""
    for ch in "Programming Language":
        if ch in "aeiou":
            vowels += ch
            n += 1
    print(n, vowels, "gram" in "Programming", "Gram" in "Programming")
    print("a" * 0 == "", "ab" < "abc", "b" > "abc", max(parts), min(parts))
    words: list[str] = "to be or not to be".split()
    print(words.count("be"), " ".join(sorted(words)), len(" ".join(words)))


if __name__ == "__main__":
    main()
