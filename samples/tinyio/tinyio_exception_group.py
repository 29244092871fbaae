# exception_group=True: loop.run raises a BaseExceptionGroup holding the
# original error and the cancellations; False: just the original error.
import tinyio


def waits():
    yield tinyio.sleep(1)


def fails():
    yield
    raise KeyError("missing")


def main():
    yield [waits(), fails(), waits()]


try:
    tinyio.Loop().run(main(), exception_group=True)
except BaseExceptionGroup as eg:
    print("caught", type(eg).__name__)
    print(str(eg).split("\n")[0])
    print(str(eg).split("\n")[-1])  # how many: the original error and the cancellations
try:
    tinyio.Loop().run(main(), exception_group=False)
except KeyError as e:
    print("caught KeyError", e)
try:
    tinyio.Loop().run(main())
except KeyError as e:
    print("default: caught KeyError", e)
