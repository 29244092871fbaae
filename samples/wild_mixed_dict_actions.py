# A list of action dicts with mixed value types, interpreted by a coroutine.
import asyncio

actions = [
    {"action": "sleep", "delay": 0.2},
    {"action": "print", "text": "hello"},
    {"action": "add", "a": 2, "b": 3},
    {"action": "sleep", "delay": 0.1},
    {"action": "print", "text": "done"},
]


async def run_action(step):
    kind = step["action"]
    if kind == "sleep":
        await asyncio.sleep(step["delay"])
        return "slept %s" % step["delay"]
    elif kind == "print":
        print("->", step["text"])
        return "printed"
    elif kind == "add":
        return step["a"] + step["b"]
    return None


async def main():
    results = []
    for step in actions:
        r = await run_action(step)
        results.append(r)
    print(results)
    print(len([r for r in results if r == "printed"]), "prints")


asyncio.run(main())
