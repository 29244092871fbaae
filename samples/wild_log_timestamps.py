# Log records with fixed timestamps formatted by time.strftime over time.gmtime.
import asyncio
import time

records = []


async def event(name, ts):
    await asyncio.sleep(0.01)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(ts))
    records.append((ts, "[%s] %s" % (stamp, name)))


async def main():
    await asyncio.gather(
        event("boot", 1700000000),
        event("login", 1700000042.5),
        event("logout", 1700003600),
    )
    for _, line in sorted(records):
        print(line)
    t = time.gmtime(1700000000)
    print("year", t.tm_year, "month", t.tm_mon, "weekday", t.tm_wday, "yday", t.tm_yday)
    print(time.strftime("%A, %d %B %Y", t))


asyncio.run(main())
