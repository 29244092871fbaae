# Tasks holding strings and lists across an await are cancelled (and some
# time out) mid-way; their frames must be released with everything they
# hold (the asan check runs LeakSanitizer). Output: what each task built.
import asyncio


async def builder(n: int) -> int:
    parts: list[str] = []
    text: str = ""
    try:
        for i in range(n):
            parts.append("p" + str(i) * 3)
            text = text + parts[-1] + ","
            await asyncio.sleep(0.1)
        return len(text)
    finally:
        print("builder", n, "held", len(parts), "parts,", len(text), "chars")


async def main() -> None:
    ts: list[asyncio.Task[int]] = [asyncio.create_task(builder(n)) for n in [2, 5, 9]]
    await asyncio.sleep(0.35)
    for t in ts:
        print("cancel:", t.cancel())
    for t in ts:
        try:
            print("result", await t)
        except asyncio.CancelledError:
            print("cancelled")
    try:
        await asyncio.wait_for(builder(20), 0.55)
    except TimeoutError:
        print("timed out")


asyncio.run(main())
