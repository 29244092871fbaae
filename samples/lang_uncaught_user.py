# An uncaught user exception (two levels below Exception) ends the program:
# stdout printed so far stays, the last stderr line is "name: message" as in
# CPython, and the exit status is 1. finally blocks run on the way out.


class StoreError(Exception):
    pass


class QuotaExceeded(StoreError):
    pass


def put(used: int, size: int, limit: int) -> int:
    if used + size > limit:
        raise QuotaExceeded(f"need {size}, only {limit - used} left of {limit}")
    return used + size


def fill(sizes: list[int], limit: int) -> int:
    used: int = 0
    for s in sizes:
        try:
            used = put(used, s, limit)
            print("stored", s, "used", used)
        finally:
            print("  checked", s)
    return used


def main() -> None:
    try:
        fill([10, 20, 80], 100)
    except StoreError as e:
        print("first run:", repr(e))
    print("second run:", fill([30, 30], 100))
    try:
        print("third run")
        fill([50, 40, 20, 5], 100)
    finally:
        print("cleanup before exit")
    print("not reached")


if __name__ == "__main__":
    main()
