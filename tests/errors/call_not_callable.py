def main():
    handlers = {"n": 3}
    print(handlers["n"](1))
    print((lambda: 1)()(2))


main()
