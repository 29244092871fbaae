# Attributes read from `object` values: items of gather(return_exceptions=True) and of mixed lists, looked up on the object's class.
import asyncio


class Shipment:
    def __init__(self, ref, weight):
        self.ref = ref
        self.weight = weight


class LostShipment(Exception):
    def __init__(self, ref, last_seen):
        super().__init__(ref)
        self.ref = ref
        self.last_seen = last_seen


async def track(ref):
    await asyncio.sleep(0.01)
    if ref.startswith("L"):
        raise LostShipment(ref, "Lyon")
    if ref.startswith("X"):
        raise KeyError(ref)
    return Shipment(ref, len(ref) * 1.5)


async def main():
    found = await asyncio.gather(track("A1"), track("L22"), track("B333"), track("X4"), return_exceptions=True)
    for r in found:
        print(r.ref if not isinstance(r, KeyError) else "no ref", r.args if isinstance(r, Exception) else r.weight)
    lost = found[1]
    print(lost.last_seen, lost.args, lost.__cause__, lost.__context__)
    try:
        print(found[0].last_seen)
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(found[3].ref)
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
