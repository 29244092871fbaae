# raise SystemExit("message"): the message goes to stderr, exit status 1,
# no traceback.
import asyncio


async def check(config: str):
    await asyncio.sleep(0)
    if "port" not in config:
        raise SystemExit("fatal: no port in " + repr(config))
    return config


async def main():
    print(await check("host=a port=1"))
    print(await check("host=b"))


asyncio.run(main())
