# A variable that starts as an int and becomes a float: averages, division, rounding across awaits.
import asyncio


async def readings(n):
    out = []
    for i in range(n):
        await asyncio.sleep(0.05)
        out.append(i * 3 + 1)
    return out


async def main():
    data = await readings(5)
    total = 0
    for x in data:
        total += x
    print("total", total, type(total).__name__)
    avg = total / len(data)
    print("avg", avg, type(avg).__name__)
    total = total * 1.5
    print("scaled", total, round(total), round(total, 1), int(total))
    print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 2 ** -1, divmod(17, 5))
    print(abs(-3), abs(-2.5), max(1, 2.5), min(3, 2.0), float(7), int("12") + 1)


asyncio.run(main())
