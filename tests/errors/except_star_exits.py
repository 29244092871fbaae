# return, and break/continue leaving the block, are CPython's SyntaxError in an except* block.
import asyncio


async def exits():
    for i in range(3):
        try:
            await asyncio.sleep(0)
        except* ValueError:
            if i:
                break
            for j in range(2):
                continue
            return 1
    return 0
