# A traffic-light state machine class with a transitions dict and per-state durations, run as a task.
import asyncio


class Light:
    transitions = {"red": "green", "green": "yellow", "yellow": "red"}
    durations = {"red": 3, "green": 2, "yellow": 1}

    def __init__(self, name, state="red"):
        self.name = name
        self.state = state
        self.changes = []

    def advance(self):
        self.state = self.transitions[self.state]
        return self.state

    async def run(self, cycles):
        loop = asyncio.get_running_loop()
        for _ in range(cycles):
            await asyncio.sleep(self.durations[self.state])
            old = self.state
            self.changes.append((loop.time(), old, self.advance()))
        return self


async def main():
    a, b = await asyncio.gather(Light("main st").run(4), Light("side st", "green").run(5))
    events = sorted([(t, l.name, f"{o}->{n}") for l in (a, b) for t, o, n in l.changes])
    for t, name, change in events:
        print(f"t={t:4.1f} {name:8} {change}")
    print(a.state, b.state, Light.durations == b.durations)


asyncio.run(main())
