# print used as a function value: functools.partial(print, ...), a callback
# of call_soon, an item of a list of functions.
import asyncio
import functools


async def main():
    shout = functools.partial(print, "LOG:", sep=" | ")
    shout("started", 1)
    shout("again", end=" <end>\n")
    out = print
    out("direct", 2.5, sep="~")
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "from", "call_soon")
    loop.call_soon(functools.partial(print, "partial", "callback", sep="-"))
    await asyncio.sleep(0)
    for f in [print, shout]:
        f("each", True)


asyncio.run(main())
