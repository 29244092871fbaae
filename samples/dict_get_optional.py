# d.get(k) is V | None (narrowed by if / is not None), d.get(k, default) is V; a dispatch table of functions; d.get and other library methods as values.
import asyncio

def start(arg):
    return "started " + arg

def stop(arg):
    return "stopped " + arg

table = {"start": start, "stop": stop}
names = {1: "one", 2: "two"}
counts = {"a": 1}

async def dispatch(cmd, arg):
    await asyncio.sleep(0.01)
    handler = table.get(cmd)
    if handler:
        return handler(arg)
    return "unknown " + cmd

async def main():
    for cmd in ["start", "jump", "stop"]:
        print(await dispatch(cmd, "motor"))
    n = names.get(3)
    if n is None:
        print("no name for 3")
    m = names.get(2)
    if m is not None:
        print("name", m.upper())
    print(names.get(1), names.get(5), names.get(5, "?"), names.get(1, None))
    print(counts.get("a"), counts.get("b"), counts.get("b", 0) + 1)

asyncio.run(main())
