# A loop that builds 1,000,000 temporary strings (str(i), an f-string, a
# concatenation and a slice each iteration) and keeps only a bounded tail:
# memory must stay bounded (tests/test_memory.sh measures the peak RSS).


def main() -> None:
    total_len: int = 0
    digits: int = 0
    tail: list[str] = []
    last: str = ""
    for i in range(1000000):
        s: str = str(i)
        t: str = f"<{s}:{i % 7}>"
        u: str = s + t + s
        last = u[-6:]
        total_len += len(s) + len(t) + len(u)
        if s[-1] == "7":
            digits += 1
        if i % 100000 == 0:
            tail.append(last)
            if len(tail) > 4:
                tail.pop(0)
    print("total length", total_len)
    print("ending in 7:", digits)
    print("last:", last)
    print("tail:", tail)
    words: list[str] = []
    acc: str = ""
    for j in range(200000):
        acc = acc[-20:] + str(j % 10)
        if j % 50000 == 0:
            words.append(acc)
    print(words, len(acc), acc)


if __name__ == "__main__":
    main()
