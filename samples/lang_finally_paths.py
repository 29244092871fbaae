# try/except/else/finally left on every path: return (from try, except,
# else), break and continue (from try, except, else), an exception passing
# through, nested try inside loops, and a finally that overrides a return.


def leave(mode: int) -> str:
    try:
        print(" try", mode, end="")
        if mode == 0:
            return "from try"
        if mode == 1:
            raise ValueError("v")
        if mode == 2:
            raise KeyError("k")
    except ValueError as e:
        print(" except", repr(e), end="")
        return "from except"
    else:
        print(" else", end="")
        if mode == 3:
            return "from else"
    finally:
        print(" finally", end="")
    return "after"


def override(n: int) -> int:
    for i in range(3):
        try:
            if i == n:
                return i * 10
        finally:
            if i == 1:
                print(" finally-break at", i, end="")
                break
    return -1


def loop(limit: int) -> int:
    total: int = 0
    i: int = 0
    while True:
        i += 1
        try:
            if i > limit:
                print(" break", i, end="")
                break
            if i % 3 == 0:
                raise IndexError(str(i))
            if i % 2 == 0:
                continue
            total += i
        except IndexError as e:
            print(" caught", e, end="")
            if i == 6:
                continue
            total += 100
        else:
            total += 1000
        finally:
            print(f" f{i}", end="")
    return total


def main() -> None:
    for m in range(5):
        try:
            print(" ->", leave(m))
        except KeyError as e:
            print(" -> escaped", repr(e))
    for n in range(4):
        print(" ->", override(n))
    print(" ->", loop(7))
    for outer in range(3):
        for inner in range(3):
            try:
                try:
                    if inner == outer:
                        raise RuntimeError(f"{outer}{inner}")
                    if inner > outer:
                        break
                finally:
                    print(f"[{outer}{inner}]", end="")
            except RuntimeError as e:
                print(f"<{e}>", end="")
                continue
            finally:
                print(".", end="")
        print()


if __name__ == "__main__":
    main()
