# Diamond dependencies: two coroutines yield the same one; it runs once and
# both get its result, and yielding it after it finished answers at once.
import tinyio


def shared():
    print("shared starts")
    yield tinyio.sleep(0.01)
    print("shared ends")
    return 42


def left(s):
    v = yield s
    print("left got", v)
    return v + 1


def right(s):
    v = yield s
    print("right got", v)
    return v * 2


def top():
    s = shared()
    a, b = yield [left(s), right(s)]
    print("top got", a, b)
    again = yield s
    print("again", again)
    both = yield [s, s]
    print(both)
    return a + b


print(tinyio.Loop().run(top()))
