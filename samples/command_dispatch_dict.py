# Command dispatch: a dict of bound async methods looked up by name, with *args from parsed lines.
import asyncio


class Robot:
    def __init__(self):
        self.x = self.y = 0
        self.log = []

    async def move(self, dx, dy):
        await asyncio.sleep(0.1 * (abs(dx) + abs(dy)))
        self.x += dx
        self.y += dy

    async def say(self, *words):
        self.log.append(" ".join(words))

    async def wait(self, secs):
        await asyncio.sleep(secs)

    def commands(self):
        return {"move": self.move, "say": self.say, "wait": self.wait}


def parse_arg(a):
    return float(a) if "." in a else int(a) if a.lstrip("-").isdigit() else a


async def execute(robot, program):
    table = robot.commands()
    for line in program.strip().splitlines():
        name, *args = line.split()
        handler = table.get(name)
        if handler is None:
            print("unknown command", name)
            continue
        await handler(*[parse_arg(a) for a in args])
        print(f"{line:<16} -> ({robot.x}, {robot.y})")


PROGRAM = """
move 1 2
say hello there
jump 3
wait 0.5
move -3 0
"""

r = Robot()
asyncio.run(execute(r, PROGRAM))
print(r.log, round(r.x + r.y, 1))
