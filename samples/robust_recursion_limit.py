# Issue 17, item 6: deep recursion of plain defs raises RecursionError.
import sys


def down(n: int) -> int:
    if n == 0:
        return 0
    return down(n - 1) + 1


def ping(n: int) -> int:
    return pong(n + 1)


def pong(n: int) -> int:
    return ping(n + 1)


def main() -> None:
    print(sys.getrecursionlimit())
    print(down(900))
    try:
        print(down(1000000))
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        ping(0)
    except RecursionError as e:
        print("mutual RecursionError:", e)
    sys.setrecursionlimit(5000)
    print(sys.getrecursionlimit())
    print(down(4000))
    try:
        sys.setrecursionlimit(0)
    except ValueError as e:
        print("ValueError:", e)
    print(down(10))


main()
