# time.gmtime / time.strftime / struct_time fields, printed deterministically (fixed timestamps, the length of strftime('%X') of now).
import time
import asyncio

async def stamp(label, secs):
    await asyncio.sleep(0.1)
    t = time.gmtime(secs)
    return f"{label}: {time.strftime('%Y-%m-%d %H:%M:%S', t)} day {t.tm_yday} wday {t.tm_wday}"

async def main():
    print(time.strftime('%Y-%m-%d', time.gmtime(0)))
    for line in await asyncio.gather(stamp("epoch", 0), stamp("billion", 1e9), stamp("leap", 951782400.5)):
        print(line)
    t = time.gmtime(86400 * 365)
    print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_isdst, t[0], len(t))
    print(time.strftime("%a %b %d %j %%", time.gmtime(1234567890)))
    now = time.strftime("%X")
    print(len(now))
    lt = time.localtime()
    print(lt.tm_year > 2000)

asyncio.run(main())
