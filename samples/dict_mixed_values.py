# A dict whose values have several types is a dict[str, object]; object
# keys hash as CPython's, so 1, 1.0 and True are one key.
# asyncc: strip-differs inference types an unannotated dict from its first stores (dict[int, ...]); it does not yet widen a dict's key or value type to object, so annotations are needed
import asyncio


async def run(step: dict[str, object]) -> None:
    if step["action"] == "sleep":
        await asyncio.sleep(0.01)
    print("did", step["action"], step.get("delay"))


async def main() -> None:
    plan = [{"action": "sleep", "delay": 0.5}, {"action": "print", "text": "hi"}]
    for step in plan:
        await run(step)
    print(plan)
    mixed = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none"}
    print(mixed)
    same: dict[object, str] = {}
    same[1] = "one"
    same[1.0] = "float one"
    same[True] = "true"
    print(same, len(same))
    print(1 in same, 1.0 in same, 2 in same)


asyncio.run(main())
