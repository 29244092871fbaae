# Test-suite style SKIP: the optional module is missing, so the program prints SKIP and exits with status 0.
try:
    import asyncio
    import uasyncio_extras_not_installed
except ImportError:
    print("SKIP")
    raise SystemExit


async def main():
    print("should not run")


asyncio.run(main())
