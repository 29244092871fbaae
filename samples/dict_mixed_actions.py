# A script of actions as dicts of mixed values ({"action": "sleep", "delay": 0.5}) interpreted by tasks.
import asyncio

script = [
    {"action": "print", "text": "begin"},
    {"action": "sleep", "delay": 0.5},
    {"action": "add", "value": 7},
    {"action": "add", "value": 2.5},
    {"action": "sleep", "delay": 0.25},
    {"action": "print", "text": "end"},
]


async def run_script(name, steps):
    total = 0
    for i, step in enumerate(steps):
        kind = step["action"]
        if kind == "sleep":
            await asyncio.sleep(step["delay"])
        elif kind == "add":
            total += step["value"]
        elif kind == "print":
            print(name, i, step["text"])
        else:
            print("unknown", kind)
    return total


async def main():
    a, b = await asyncio.gather(run_script("A", script), run_script("B", script[2:]))
    print("totals", a, b)
    print(script[1], len(script[0]))
    print(sorted(step["action"] for step in script))


asyncio.run(main())
