# dict literals, d[k], d[k] = v, del, in, len, iteration in insertion order,
# printing and str()/repr() as CPython.
import asyncio


async def main() -> None:
    ages = {"ann": 31, "bob": 42, "cy": 7}
    ages["dee"] = 19
    ages["ann"] = 32            # keeps its place
    print(ages, len(ages))
    del ages["bob"]
    ages["bob"] = 43            # goes to the end
    print(ages)
    print("cy" in ages, "zed" in ages, "zed" not in ages)
    for name in ages:
        print(name, ages[name])
    total = 0
    for name, age in ages.items():
        total += age
    print("total", total)
    nested = {"xs": [1, 2], "ys": [0]}
    print({"a": 1, 2: [3]})
    print(nested, str(nested), repr(nested))
    print({}, {1: "one", 2: "two"}, {(1, 2): 0.5, (3, 4): -1.0})
    print({True: "yes", False: "no"}, {"quote": "it's", "nl": "a\nb"})
    empty: dict[str, int] = {}
    print(empty, len(empty), bool(empty), bool(ages))
    await asyncio.sleep(0)


asyncio.run(main())
