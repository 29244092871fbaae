# Strings built by tasks: join, split, strip, upper, replace, slicing, f-string alignment, %-formatting.
import asyncio


async def render(name, values, width=10):
    await asyncio.sleep(0.01 * len(values))
    bar = "#" * sum(values)
    line = f"{name.title():<{width}}|{bar:<12}|"
    return line


async def main():
    rows = {"cpu load": [1, 2, 3], "disk": [4], "net io": [2, 2, 2, 2]}
    lines = await asyncio.gather(*[render(k, v) for k, v in rows.items()])
    print("\n".join(lines))
    header = "  name , value , unit  "
    cols = [c.strip().upper() for c in header.split(",")]
    print(cols, "|".join(cols))
    s = "asyncio-in-the-wild"
    print(s[::-1], s[8:11], s.replace("-", " ").split()[-1], s.count("i"))
    print("%s has %d items (%.1f%%)" % ("cart", 3, 12.5))
    print("%-6s|%6s|" % ("ab", "cd"), "x".center(5, "."), "42".zfill(5))


asyncio.run(main())
