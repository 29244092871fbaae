# A dict of async handlers looked up with .get(); unknown commands are reported.
import asyncio

log = []


async def greet(arg):
    await asyncio.sleep(0.05)
    return "hello, " + arg


async def shout(arg):
    await asyncio.sleep(0.02)
    return arg.upper() + "!"


HANDLERS = {"greet": greet, "shout": shout}


async def handle(line):
    cmd, _, arg = line.partition(" ")
    handler = HANDLERS.get(cmd)
    if handler is None:
        log.append(cmd)
        return "unknown command: " + cmd
    return await handler(arg)


async def main():
    lines = ["greet world", "shout hey", "jump high", "greet again"]
    for reply in await asyncio.gather(*[handle(l) for l in lines]):
        print(reply)
    print("unknown:", log)


asyncio.run(main())
