# Records as tuples of mixed types collected from tasks, unpacked in loops, sorted by a field.
import asyncio


async def read_sensor(name, base, drift):
    await asyncio.sleep(drift)
    return (name, base + drift * 10, drift > 0.2)


def temperature(rec):
    return rec[1]


async def main():
    sensors = [("kitchen", 21, 0.3), ("garage", 12, 0.1), ("attic", 27, 0.25)]
    records = await asyncio.gather(*[read_sensor(*s) for s in sensors])
    for name, temp, slow in records:
        flag = "slow" if slow else "fast"
        print(f"{name:<8}{temp:6.1f} {flag}")
    coldest = min(records, key=temperature)
    print("coldest", coldest)
    name, temp, _ = max(records, key=temperature)
    print("hottest", name, temp)
    print(sorted(records))


asyncio.run(main())
