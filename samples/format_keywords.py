# str.format with keyword and positional fields, format specs, and a report built line by line.
import asyncio


async def download(name, size, speed=2.0):
    await asyncio.sleep(size / speed / 100)
    return size / speed


async def main():
    files = [("a.bin", 120), ("b.iso", 700), ("c.txt", 3)]
    report = []
    for name, size in files:
        secs = await download(name, size)
        line = "{name:<6} {size:>5} MB in {secs:6.2f}s".format(name=name, size=size, secs=secs)
        report.append(line)
    for line in report:
        print(line)
    total = sum(size for _, size in files)
    print("{0} files, {1} MB, {0} done".format(len(files), total))
    print("{:*^20}".format(" end "))
    print("{who} has {n:03d} items and {pct:.1%}".format(n=7, who="me", pct=0.4567))


asyncio.run(main())
