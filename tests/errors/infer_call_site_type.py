def bump(x, step=1):
    return x + step


def main():
    print(bump(1), bump(2.5))
    print(bump("one"))


main()
