# Old-style %-formatted report of task timings, as many scripts still print.
import asyncio

durations = {"download": 0.3, "resize": 0.1, "upload": 0.2}


async def step(name, secs):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(secs)
    return name, loop.time() - start


async def main():
    rows = await asyncio.gather(*[step(n, s) for n, s in durations.items()])
    total = 0.0
    print("%-10s %8s" % ("step", "seconds"))
    for name, took in rows:
        total += took
        print("%-10s %8.2f" % (name, took))
    print("%-10s %8.2f" % ("total", total))
    print("%d steps, slowest: %s" % (len(rows), max(rows, key=lambda r: r[1])[0]))
    print("%s%%" % 100, "%5.1f%%" % (100 * rows[0][1] / total))


asyncio.run(main())
