# Generators given to enumerate, zip, sorted, max and str.join, with default and keyword arguments.
def letters(s: str, step: int = 1):
    for i in range(0, len(s), step):
        yield s[i]


def main() -> None:
    for i, c in enumerate(letters("abc")):
        print(i, c)
    for a, b in zip(letters("xyz"), letters("123456", step=2)):
        print(a, b)
    print(sorted(letters("banana"), reverse=True))
    print(max(letters("hello")))
    print("".join(letters("abcdef", 2)))


main()
