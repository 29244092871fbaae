# Leaving a for loop early drops the generator, which closes it: its
# finally blocks run at once, as in CPython.
def lines(name: str):
    try:
        for i in range(10):
            print("  ", name, "yields", i)
            yield i
    finally:
        print("  ", name, "closed")


def first_over(limit: int) -> int:
    for x in lines("search"):
        if x > limit:
            return x
    return -1


def main() -> None:
    for x in lines("loop"):
        if x == 2:
            break
    print("after loop")
    print("found", first_over(3))
    kept = lines("kept")
    for x in kept:
        if x == 1:
            break
    print("still open")
    print(next(kept))
    kept.close()
    print("end")


main()
