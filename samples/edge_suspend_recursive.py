# Edge Python: recursive and mutually recursive plain defs that sleep are
# found by the fixed point; a plain def that only calls plain defs stays a
# C function.


def countdown(n):
    if n == 0:
        return "liftoff"
    print("T-minus", n)
    sleep(0.01)
    return countdown(n - 1)


def ping(n):
    if n <= 0:
        return 0
    sleep(0.001)
    return 1 + pong(n - 1)


def pong(n):
    if n <= 0:
        return 0
    return 1 + ping(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


async def main():
    print(countdown(3))
    print("ping-pong", ping(7))
    print("fib", fib(15))


run(main())
