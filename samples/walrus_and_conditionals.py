# Walrus operator, conditional expressions and chained comparisons inside an async polling loop.
import asyncio

readings = [3, 8, 15, 4, 22, 9, 31]


async def poll(i):
    await asyncio.sleep(0.1)
    return readings[i] if i < len(readings) else None


async def main():
    i = 0
    alerts = []
    while (value := await poll(i)) is not None:
        level = "high" if value > 20 else "mid" if 5 <= value <= 20 else "low"
        print(i, value, level)
        if (excess := value - 20) > 0:
            alerts.append((i, excess))
        i += 1
    print("alerts", alerts)
    print("polls", i)


asyncio.run(main())
