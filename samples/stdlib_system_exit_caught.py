# SystemExit is a BaseException: `except Exception` does not catch it,
# `except SystemExit` does (its args hold the status); a bare
# `raise SystemExit` exits with status 0; sys.exit() inside
# `if __name__ == "__main__":`.
import sys


def run(code: int):
    try:
        try:
            sys.exit(code)
        except Exception:
            print("not caught here")
    except SystemExit as e:
        print("caught SystemExit", e.args, repr(e))
    try:
        raise SystemExit
    except BaseException as e:
        print("bare:", repr(e), e.args)
    try:
        sys.exit("bye")
    except SystemExit as e:
        print("str status:", e)


if __name__ == "__main__":
    run(4)
    print("exiting")
    raise SystemExit
    print("never")
