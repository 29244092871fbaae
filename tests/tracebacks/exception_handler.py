# loop.set_exception_handler and the default handler: "Exception in callback NAME(ARGS) at FILE:LINE", the handle line, the traceback.
import asyncio

seen = []


def boom(x, label):
    raise ValueError(f"bad {x} {label}")


def on_done(t):
    raise KeyError("k")


def handler(loop, context):
    exc = context.get("exception")
    seen.append(type(exc).__name__)
    print("handler got:", repr(exc), sorted(context))


async def child():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    print("default handler set:", loop.get_exception_handler() is None)
    loop.call_soon(boom, 3, "three")
    t = asyncio.create_task(child())
    t.add_done_callback(on_done)
    await asyncio.sleep(0.1)
    loop.set_exception_handler(handler)
    print("handler set:", loop.get_exception_handler() is not None)
    loop.call_soon(boom, 4, "four")
    loop.call_exception_handler({"message": "custom report", "exception": RuntimeError("x")})
    await asyncio.sleep(0.1)
    loop.set_exception_handler(None)
    loop.call_exception_handler({"message": "back to default"})
    print(seen)


asyncio.run(main())
