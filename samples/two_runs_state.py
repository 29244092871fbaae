# Two asyncio.run calls in one program sharing module state; the (virtual) clock goes on from one run to the next.
import asyncio

history = []


async def session(name, n):
    loop = asyncio.get_running_loop()
    for i in range(n):
        await asyncio.sleep(0.5)
        history.append((name, i, loop.time()))
    return len(history)


def report():
    for name, i, t in history:
        print(f"  {name} step {i} at t={t}")


print("first run ->", asyncio.run(session("one", 2)))
report()
print("second run ->", asyncio.run(session("two", 3)))
report()
print("distinct names", sorted(set(name for name, _, _ in history)))
