# Runtime error: a class defining __eq__ without __hash__ is unhashable -> TypeError: unhashable type: 'Tag'.
import asyncio


class Tag:
    def __init__(self, label):
        self.label = label

    def __eq__(self, other):
        return isinstance(other, Tag) and self.label == other.label


async def collect(labels):
    tags = []
    for lab in labels:
        await asyncio.sleep(0.01)
        tags.append(Tag(lab))
    return tags


async def main():
    tags = await collect(["x", "y", "x"])
    print(tags[0] == tags[2], tags[0] == tags[1], tags.count(Tag("x")))
    print(len({t.label for t in tags}))
    print(len(set(tags)))


asyncio.run(main())
