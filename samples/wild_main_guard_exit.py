# A script with a main() returning a status, run under if __name__ == "__main__": sys.exit(...).
import asyncio
import sys

CHECKS = ["disk", "network", "database", "cache"]
broken = {"database"}


async def check(name, delay=0.05):
    await asyncio.sleep(delay)
    return name not in broken


async def run_checks():
    results = await asyncio.gather(*[check(c, 0.01 * (i + 1)) for i, c in enumerate(CHECKS)])
    failed = 0
    for name, ok in zip(CHECKS, results):
        print("{:<10} {}".format(name, "ok" if ok else "FAILED"))
        if not ok:
            failed += 1
    return failed


def main():
    failed = asyncio.run(run_checks())
    print(f"{failed} check(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
