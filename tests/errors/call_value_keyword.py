def report(name, *, level):
    return f"{name}:{level}"


def main():
    f = report
    print(f("a", levle=1))
    print(report("b"))


main()
