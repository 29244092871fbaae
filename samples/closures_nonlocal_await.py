# Closures with nonlocal state mutated across awaits by several tasks; the cells outlive the creator.
import asyncio


def make_counter(name):
    count = 0
    history = []

    async def bump(by, delay):
        nonlocal count
        await asyncio.sleep(delay)
        count += by
        history.append(count)
        return count

    def report():
        return f"{name}: count={count} history={history}"

    return bump, report


async def main():
    bump_a, report_a = make_counter("a")
    bump_b, report_b = make_counter("b")
    results = await asyncio.gather(bump_a(1, 0.3), bump_a(10, 0.1), bump_b(5, 0.2), bump_a(100, 0.2))
    print(results)
    print(report_a())
    print(report_b())
    total = 0

    async def add_later(x):
        nonlocal total
        await asyncio.sleep(0.01 * x)
        total += x

    await asyncio.gather(*[add_later(x) for x in range(5)])
    print("total", total)


asyncio.run(main())
