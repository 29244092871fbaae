# Edge Python: a plain def that calls sleep() suspends its whole call chain,
# three defs deep, and its callers cannot tell.  Under CPython the reference
# runner (python3 -m asyncc) gives these defs their awaits, as asyncc does.


def pause(seconds):
    sleep(seconds)


def read_sensor(name, delay):
    pause(delay)
    return len(name) * 10


def read_all(names):
    total = 0
    for i, name in enumerate(names):
        v = read_sensor(name, 0.01 * (i + 1))
        print("read", name, v)
        total += v
    return total


def scale(x):
    # never suspends: stays a plain C function
    return x * 2


async def monitor(tag, names):
    t = read_all(names)
    print(tag, "total", t, "scaled", scale(t))
    return t


results = gather(monitor("A", ["temp", "hum"]), monitor("B", ["co2"]))
print("results", results)
