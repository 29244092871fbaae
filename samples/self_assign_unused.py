# x = x of a local nothing else reads (the fuzzer's b21 = b21): no store, and the C stays -Werror clean
def h(a: int) -> int:
    flag: bool = a > 1
    flag = flag
    words = ["x", "y"]
    words = words
    n = a
    n = n
    return 3


def g(o):
    o = o if isinstance(o, int) else len(o)
    return o


print(h(2), g(5), g("abc"))
