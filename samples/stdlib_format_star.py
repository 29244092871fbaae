# str.format with keyword fields, and star unpacking of lists, task
# results and tuples.
import asyncio


async def measure(name: str, n: int):
    await asyncio.sleep(0.01 * n)
    return n * n


async def main():
    results = await asyncio.gather(measure("a", 3), measure("b", 1), measure("c", 2))
    first, *rest = results
    print("first={first} rest={rest}".format(first=first, rest=rest))
    *head, last = results
    low, *middle, high = sorted(results)
    print("{0} {1} {last}".format(head, middle, last=last))
    print("{name:<8}|{value:>5}|{note!r}".format(name="low", value=low, note="min"))
    print("{name:<8}|{value:>5}|{note!r}".format(value=high, name="high", note="max"))
    record = ("job", 1, 2, 3)
    label, *numbers = record
    print("{label}: {n} numbers, total {total}".format(label=label, n=len(numbers), total=sum(numbers)))
    cmd, *args = "run --fast --verbose".split()
    print(cmd, args)
    try:
        a, b, *c = [1]
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
