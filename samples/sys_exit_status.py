# sys.exit(n) from the top level after asyncio.run: the exit status is the count of failed checks.
import asyncio
import sys


async def check(name, value, limit):
    await asyncio.sleep(0.01 * len(name))
    ok = value <= limit
    print("check", name, "ok" if ok else "FAILED", value, limit)
    return ok


async def main():
    results = await asyncio.gather(
        check("cpu", 40, 80),
        check("disk", 95, 90),
        check("memory", 70, 75),
        check("net", 12, 10),
    )
    failed = results.count(False)
    print("failed:", failed)
    return failed


if __name__ == "__main__":
    n = asyncio.run(main())
    sys.exit(n)
