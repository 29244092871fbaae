# A coroutine-style generator fed with send(): it keeps running statistics
# and hands back the mean after each value; close() and a final report via
# StopIteration.value.
def averager():
    total = 0.0
    count = 0
    mean = 0.0
    while True:
        x = yield mean
        if x is None:
            break
        total += float(x)
        count += 1
        mean = total / count
    return (count, total)


def main() -> None:
    avg = averager()
    next(avg)
    for v in [10, 20, 60]:
        print("mean", avg.send(v))
    try:
        avg.send(None)
    except StopIteration as s:
        print("report", s.value)
    other = averager()
    next(other)
    other.send(1.5)
    other.close()
    print("closed early")


main()
