# str.format: automatic, numbered and repeated fields, format specs on each,
# !r conversions, doubled braces, and a table built with width arguments.


def main() -> None:
    print("{} {} {}".format(1, "two", 3.0))
    print("{0} {1} {0} {1} {0}".format("a", "b"))
    print("{2}{1}{0}|{0:>4}|{1:^5}|{2:<3}|".format("x", "y", "z"))
    print("{0:d} {0:x} {0:o} {0:b} {0:#x} {0:,} {0:+}".format(48879))
    print("{:.3f} {:.2e} {:g} {:%} {:10.4f}|".format(3.14159, 31415.9, 1e-6, 0.5, -2.0))
    print("{!r} {!r} {!r} {}".format("q", "it's", 'say "x"', "plain"))
    print("{0!r:>8} {0!s:<6}|".format("ab"))
    print("{{}} {{{}}} {{0}}".format(7))
    print("{:*^20}".format(" centered "))
    names: list[str] = ["alpha", "beta", "gamma", "delta"]
    scores: list[int] = [93, -7, 1500, 0]
    ratios: list[float] = [0.5, 1.0 / 3.0, -2.25, 100.0]
    print("{:<8}|{:>6}|{:>9}|{:>8}".format("name", "score", "ratio", "hex"))
    for i in range(len(names)):
        line: str = "{:<8}|{:>6,}|{:>9.3f}|{:>#8x}".format(names[i], scores[i], ratios[i], scores[i])
        print(line)
    for a in ["x", "yy", ""]:
        print("{0}-{1}-{0}".format(a, len(a)), "[{}]".format(a * 2))
    print("{} {} {}".format(True, None, [1, 2]))
    print("{0} {0!r} {1} {1!r}".format("é", ["é", "'"]))
    print("no fields".format(), "{}".format(""), "|{:5}|".format(""))
    print("{:05d}|{:+05d}|{:<05d}|{:^07d}".format(-42, 42, 42, -42))
    print("{:.0f} {:.0f} {:.0f} {:.0f}".format(0.5, 1.5, 2.5, -0.5))
    print("{:_b} {:_x} {:,.1f} {:_.2f}".format(1023, 1048575, 1234567.89, -9876.543))
    total: str = ""
    for k in range(5):
        total += "{}:{:>2}; ".format(k, k * k)
    print(total)
    print("{:.3}|{:.1}|{:6.2}|".format("abcdef", "xyz", "hello"))
    print("{:g} {:g} {:g} {:G}".format(100000.0, 1000000.0, 0.0001, 1e-5))


if __name__ == "__main__":
    main()
