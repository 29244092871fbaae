# str.format() templates are compiled: a bad one is a compile error, found
# by `asyncc check` like any other (CPython raises IndexError/ValueError).
def main() -> None:
    print("{1}".format(2))
    print("{} and {0}".format(1, 2))
    print("{0} and {}".format(2, 3))
    print("{name}".format(3))
    print("a}b".format())
    print("{:{}}".format(1))
    tpl: str = "{}"
    print(tpl.format(1))
    print("{0!x}".format(1))
    print("{0} {1}".format(1, 2))
