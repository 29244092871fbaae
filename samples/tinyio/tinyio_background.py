# `yield {coro}` starts a coroutine in the background: the yielder goes on
# without waiting; the loop still runs it to the end.
import tinyio


def background(n: int):
    for i in range(n):
        print("background", i)
        yield tinyio.sleep(0.2)
    print("background finished")


def main():
    yield {background(3)}
    print("main continues")
    yield tinyio.sleep(0.3)
    print("main after sleep")
    return "main done"


print(tinyio.Loop().run(main()))
