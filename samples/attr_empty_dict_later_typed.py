# An attribute initialised to an empty dict or set and filled by another
# method: its types come from those stores (not the int default of an empty
# literal), so the values read back keep their own types.
import asyncio


class Registry:
    def __init__(self):
        self.groups = {}
        self.seen = set()

    def add(self, group, item):
        self.groups.setdefault(group, []).append(item)
        self.seen.add(group)

    async def report(self):
        for group in sorted(self.seen):
            items = self.groups.get(group, [])
            await asyncio.sleep(0)
            print(group, [i.upper() for i in items], len(items))


async def main():
    r = Registry()
    r.add("b", "x")
    r.add("a", "y")
    r.add("b", "z")
    await r.report()
    print(r.groups)


asyncio.run(main())
