# `yield []` is a pause that resumes with the empty list itself.
import tinyio


def main():
    r = yield []
    print("resumed with", r)
    s = yield None
    print("and with", s)
    return "ok"


print(tinyio.Loop().run(main()))
