# Exceptions raised in tasks: caught per task around await, re-raised as a different error, and finally blocks.
import asyncio

cleaned = []


async def risky(n):
    try:
        await asyncio.sleep(0.01 * n)
        if n % 2:
            raise ValueError(f"odd {n}")
        return n // 2
    finally:
        cleaned.append(n)


async def safe(n):
    try:
        return await risky(n)
    except ValueError as e:
        print("caught", e)
        return -1


async def strict(n):
    try:
        return await risky(n)
    except ValueError as e:
        raise RuntimeError("strict mode") from e


async def main():
    print(await asyncio.gather(*[safe(i) for i in range(5)]))
    try:
        await strict(3)
    except RuntimeError as e:
        print("strict failed:", e, "| cause:", repr(e.__cause__))
    print("cleaned", cleaned)


asyncio.run(main())
