# Edge Python: gather() inside a plain def returns its results; the def
# suspends until every child is done, and so does its caller.
order = []


async def job(name, d):
    sleep(d)
    order.append(name)
    return name + "!"


def batch(names):
    coros = [job(n, 0.01 * (len(names) - i)) for i, n in enumerate(names)]
    return gather(*coros)


def two_batches():
    first = batch(["a", "b", "c"])
    second = batch(["x", "y"])
    return first + second


async def main():
    print(two_batches())
    print("finish order", order)


run(main(), job("side", 0.015))
print("after run")
