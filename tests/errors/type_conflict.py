def count(items):
    return len(items)


def main():
    x = 1
    print(count(x))
    y = 2
    print(y + "a")
    for c in y:
        print(c)


main()
