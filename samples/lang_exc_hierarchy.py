# A user exception hierarchy: class A(Exception), B(A), C(B), D(A), E from a
# built-in (ValueError); except A catches B, C and D; tuples of classes;
# e.args; str and repr with 0, 1 and 2 arguments; re-raise and chains.


class A(Exception):
    pass


class B(A):
    pass


class C(B):
    pass


class D(A):
    pass


class E(ValueError):
    pass


def boom(k: int) -> None:
    if k == 0:
        raise A()
    if k == 1:
        raise B("one")
    if k == 2:
        raise C("two", "args")
    if k == 3:
        raise D("d")
    if k == 4:
        raise E("e", "x")
    if k == 5:
        raise ValueError()
    raise Exception("plain", "two")


def main() -> None:
    for k in range(7):
        try:
            boom(k)
        except C as e:
            print(k, "C:", f"str={str(e)!r}", "repr=" + repr(e), "args", e.args, len(e.args))
        except (D, E) as e:
            print(k, "D|E:", f"str={str(e)!r}", "repr=" + repr(e), "args", e.args)
        except A as e:
            print(k, "A:", f"str={str(e)!r}", "repr=" + repr(e), "args", e.args)
        except ValueError as e:
            print(k, "ValueError:", f"str={str(e)!r}", "repr=" + repr(e), "args", e.args)
        except Exception as e:
            print(k, "Exception:", f"str={str(e)!r}", "repr=" + repr(e), "args", e.args)
    for k in range(7):
        try:
            try:
                boom(k)
            except (B, ValueError):
                print(k, "inner B|ValueError, re-raise")
                raise
        except A as e:
            print(k, "outer A", repr(e))
        except Exception as e:
            print(k, "outer Exception", repr(e))
    errs: list[Exception] = [A(), B("b"), C("c", "cc"), D(), E("e"), Exception()]
    for err in errs:
        print(repr(err), str(err), err.args)
    try:
        raise errs[2]
    except B as e:
        print("raised from list:", e, len(e.args))
    print(repr(A("it's")), repr(B('say "x"')), str(C("")), repr(C("")))


if __name__ == "__main__":
    main()
