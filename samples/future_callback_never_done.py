# Done callbacks on futures that are never completed: they never run, and the futures (with their callbacks) are freed when the program lets go of them; a callback added to a finished future still runs one round later, and one removed from a pending future is gone.
import asyncio


def on_done(f):
    print("never runs", f.result())


def report(f):
    print("report sees", f.result())


async def main():
    loop = asyncio.get_running_loop()
    for i in range(1000):
        fut = loop.create_future()
        fut.add_done_callback(on_done)
        fut.add_done_callback(lambda f: print("lambda never runs"))
    kept = loop.create_future()
    kept.add_done_callback(on_done)
    kept.add_done_callback(report)
    print("removed", kept.remove_done_callback(on_done))
    done = loop.create_future()
    done.set_result(5)
    done.add_done_callback(report)
    print("before the round")
    await asyncio.sleep(0)
    kept.set_result(7)
    await asyncio.sleep(0)
    print("end", kept.done(), fut.done())


asyncio.run(main())
