# printf-style formats whose operands do not match are compile-time errors
# (CPython raises TypeError when the line runs)
def main():
    n = 3
    print("%d of %d" % (n,))
    print("%d" % (n, 4))
    print("%(name)s" % n)
    print("%c" % n)


main()
