# try/finally: the finally block sees only what every way into it bound;
# what it binds (or deletes) holds after it.
def a(fail):
    try:
        if fail:
            raise KeyError("k")
        got = 1
    except KeyError:
        pass
    finally:
        try:
            print("finally sees", got)
        except UnboundLocalError as e:
            print("finally:", e)
        done = True
    return done, got if not fail else None


def b():
    tmp = [1]
    try:
        return len(tmp)
    finally:
        del tmp
        try:
            print(tmp)
        except UnboundLocalError as e:
            print("b:", e)


print(a(False))
print(a(True))
print(b())
