# raise ... from e and from None: the cause chain printed as CPython prints it.
import asyncio

class AppError(Exception):
    pass

def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise AppError(f"bad number {s!r}") from e

def quiet(s):
    try:
        return int(s)
    except ValueError:
        raise KeyError(s) from None

async def main():
    try:
        parse("x1")
    except AppError as e:
        print("caught", e, "cause", repr(e.__cause__), "context", repr(e.__context__))
    try:
        quiet("zz")
    except KeyError as e:
        print("quiet", repr(e), e.__cause__ is None, repr(e.__context__))
    try:
        raise RuntimeError("plain")
    except RuntimeError as e:
        print(e.__cause__, e.__context__)
    print(parse("12"))
    parse("oops")

asyncio.run(main())
