def main():
    add = lambda a, b: a + b
    print(add(1, 2, 3))
    scale = lambda x, *, k=2: x * k
    print(scale(3, 4))


main()
