# asyncio.all_tasks(): the loop's unfinished tasks, the running one included.
import asyncio


async def sleeper(n):
    await asyncio.sleep(n)
    return n


async def main():
    print("alone:", len(asyncio.all_tasks()), asyncio.current_task() in asyncio.all_tasks())
    tasks = [asyncio.create_task(sleeper(i / 10), name=f"s{i}") for i in range(4)]
    print("with four:", len(asyncio.all_tasks()))
    await asyncio.sleep(0.15)
    names = sorted(t.get_name() for t in asyncio.all_tasks())
    print("still running:", names)
    await asyncio.gather(*tasks)
    print("after gather:", len(asyncio.all_tasks()))


asyncio.run(main())
