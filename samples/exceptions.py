# Raising and catching exceptions: built-in classes, user classes, matching
# by class hierarchy, str/repr/args, tuples of classes, else and finally.


class AppError(Exception):
    pass


class ConfigError(AppError):
    pass


class BadValue(ValueError):
    pass


def risky(n: int) -> int:
    if n == 0:
        raise ValueError("zero is not allowed")
    if n == 1:
        raise BadValue("one is bad")
    if n == 2:
        raise ConfigError("missing key")
    if n == 3:
        raise KeyError("k")
    if n == 4:
        return 10 // (n - 4)
    if n == 5:
        raise RuntimeError()
    return n * 10


def main() -> None:
    for n in range(7):
        try:
            r: int = risky(n)
            print(n, "ok", r)
        except BadValue as e:
            print(n, "BadValue", str(e), repr(e), e.args)
        except ValueError as e:
            print(n, "ValueError", e)
        except AppError as e:
            print(n, "AppError", repr(e))
        except (KeyError, IndexError) as e:
            print(n, "lookup", repr(e), str(e))
        except ZeroDivisionError as e:
            print(n, "zero", e)
        except Exception as e:
            print(n, "other", repr(e), e.args, str(e) == "")
        else:
            print(n, "else branch")
        finally:
            print(n, "finally")
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("not reached")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    try:
        try:
            raise ConfigError("first")
        except AppError as e:
            print("handling", e)
            raise
    except ConfigError as e:
        print("re-raised", repr(e))
    try:
        assert 1 + 1 == 3, "math is broken"
    except AssertionError as e:
        print("assert:", e)
    try:
        raise OverflowError("too big")
    except OverflowError as e:
        print("arith:", repr(e))
    err: Exception = BadValue("kept")
    print(repr(err), err.args, str(err))


if __name__ == "__main__":
    main()
