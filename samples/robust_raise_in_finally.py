# An exception raised in a finally block while another is pending: the
# pending one was leaked (found by tests/test_oom.py); now it is the new one's
# context, as in CPython.
def g(n: int) -> int:
    try:
        if n > 0:
            raise ValueError("a")
        return 1
    finally:
        print(1 // (n - 1))


try:
    print(g(1))
except ZeroDivisionError as e:
    print("caught", e)
