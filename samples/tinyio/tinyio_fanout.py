# Twenty coroutines sleeping different times, gathered: results in list
# order, wake-ups in time order.
import tinyio

woken: list[int] = []


def job(i: int):
    yield tinyio.sleep(0.03 * ((i * 7) % 20) + 0.01)
    woken.append(i)
    return i * i


def main():
    results = yield [job(i) for i in range(20)]
    print(results)
    print(woken)


tinyio.Loop().run(main())
