# A closure that runs before the enclosing function binds (or after it
# deletes) a variable it captures: NameError "cannot access free variable";
# a nonlocal store from a closure binds the owner's variable.
import asyncio


def outer():
    def later():
        return m

    def later_s():
        return s
    try:
        later()
    except NameError as e:
        print("NE", type(e).__name__, e)
    try:
        later_s()
    except NameError as e:
        print("NE", e)
    m = 3
    s = "x"
    print(later(), later_s())
    del s
    try:
        later_s()
    except NameError as e:
        print("NE2", e)


def owner_scalar(c):
    def setit():
        nonlocal v
        v = 7
    if c:
        setit()
    try:
        print("v =", v)
    except UnboundLocalError as e:
        print("ULE", e)
    v = 1


async def coro(c):
    def get():
        return val
    if c:
        val = 2.5
    await asyncio.sleep(0)
    try:
        return get()
    except NameError as e:
        return str(e)


def mutual():
    def a(n):
        return 0 if n == 0 else b(n - 1) + 1
    def b(n):
        return 0 if n == 0 else a(n - 1) + 1
    return a(5)


outer()
owner_scalar(True)
owner_scalar(False)
print(asyncio.run(coro(True)), asyncio.run(coro(False)))
print(mutual())
