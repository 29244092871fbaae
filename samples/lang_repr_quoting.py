# repr() of strings follows CPython's quoting rules: single quotes unless
# the text has ' and no ", escapes for backslash, \n \r \t, control
# characters as \xNN, non-ASCII printable characters kept as they are.


def show(s: str) -> None:
    r: str = repr(s)
    print(len(s), len(r), r)


def main() -> None:
    cases: list[str] = [
        "", "plain", "it's", 'say "hi"', "both ' and \"", "'", '"', "''\"",
        "back\\slash", "\\", "\\n is not a newline", "new\nline", "cr\rlf\n",
        "tab\there", "nul\x00byte", "bell\x07", "esc\x1b[0m", "del\x7f",
        "café", "naïve ünïcödé", "Ωμέγα", "日本語", "emoji 🎉", "\x80",
        "\xa0nbsp", "\u200b", "é'\"", "\x01\x02\x1f", " ",
    ]
    for s in cases:
        show(s)
    print(cases[:4])
    print([repr(s) for s in ["a", "'"]])
    both: str = "a'b" + '"'
    print(repr(both), str(both), f"{both!r}", "{!r}".format(both))
    built: str = ""
    for ch in "x'\n\"\\\t":
        built += ch
        print(repr(built))
    print(repr(repr("'")), repr(str(["a", "b'"])))
    print(["new\nline", "tab\t", "q'", 'd"'])
    print(repr("\\'"), repr('\\"'), repr("'\\"))


if __name__ == "__main__":
    main()
